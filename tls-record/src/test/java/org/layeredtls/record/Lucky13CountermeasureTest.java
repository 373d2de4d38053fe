package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.Aead;
import org.layeredtls.crypto.BlockCipher;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.Hash;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.Mac;
import org.layeredtls.crypto.StreamCipher;

/**
 * Lucky 13: for MAC-then-encrypt CBC records of one length, the number of hash compression-function
 * calls made by {@code open} must not depend on the padding length, valid or not. The hashes are
 * wrapped to count the compressions a Merkle-Damgård hash performs for the bytes it is fed.
 */
class Lucky13CountermeasureTest {

    private static final long SEQ = 3;
    private static final ContentType TYPE = ContentType.APPLICATION_DATA;
    /** Encrypted part of every record: 20 AES blocks (40 3DES blocks), enough for any padding. */
    private static final int ENCRYPTED_LENGTH = 320;

    static List<ProtectionScheme> schemes() {
        return ProtectionScheme.all().stream().filter(s -> s.isCbc() && !s.spec().encryptThenMac()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void compressionCountDoesNotDependOnPaddingLength(ProtectionScheme scheme) {
        int maxPadding = scheme.version().isSsl3() ? scheme.blockSize() - 1 : 255;
        Set<Long> totals = new TreeSet<>();
        Set<Long> macOnly = new TreeSet<>();
        for (int p = 0; p <= maxPadding; p++) {
            byte[] fragment = ProtectionScheme.pattern(p, ENCRYPTED_LENGTH - 1 - scheme.macLength() - p);
            byte[] mac = JdkReference.mac(scheme, SEQ, TYPE, fragment);
            byte[] padding = CraftedRecords.tlsPadding(p);
            Counting good = open(scheme, CraftedRecords.macThenEncrypt(scheme, fragment, mac, padding), true);
            mac[0] ^= 1;
            Counting badMac = open(scheme, CraftedRecords.macThenEncrypt(scheme, fragment, mac, padding), false);
            mac[0] ^= 1;
            padding[0] ^= (byte) (scheme.version().isSsl3() ? 0xF0 : 1); // SSL 3.0: padding_length >= block
            if (p == 0 || !scheme.version().isSsl3()) {
                Counting badPadding = open(scheme, CraftedRecords.macThenEncrypt(scheme, fragment, mac, padding), false);
                totals.add(badPadding.compressions);
            }
            totals.add(good.compressions);
            totals.add(badMac.compressions);
            macOnly.add(good.finalCompressions);
        }
        assertEquals(1, totals.size(), "compressions per open: " + totals);
        if (!scheme.version().isSsl3()) { // the real MAC alone does vary: the dummy blocks are what evens it out
            assertTrue(macOnly.size() > 1, "the test would see a difference: " + macOnly);
        }
    }

    private static Counting open(ProtectionScheme scheme, byte[] record, boolean succeeds) {
        Counting crypto = new Counting(scheme.backend().provider());
        RecordProtection reader = RecordProtection.create(scheme.version(), scheme.spec(), scheme.keys(), false,
                crypto, null);
        crypto.compressions = 0;
        crypto.finalCompressions = 0;
        byte[] out = new byte[record.length];
        if (succeeds) {
            try {
                reader.open(SEQ, TYPE, scheme.version(), record, 0, record.length, out, 0);
            } catch (TlsAlertException e) {
                throw new AssertionError("a well-formed record failed", e);
            }
        } else {
            assertThrows(TlsAlertException.class,
                    () -> reader.open(SEQ, TYPE, scheme.version(), record, 0, record.length, out, 0));
        }
        return crypto;
    }

    /** Counts compressions: {@code doFinal} pads (1 byte + length field), {@code reset} drops the partial block. */
    private static final class Counting implements CryptoProvider {
        private final CryptoProvider real;
        long compressions;
        /** Compressions of the doFinal calls only: the real MACs. */
        long finalCompressions;

        Counting(CryptoProvider real) {
            this.real = real;
        }

        void finish(HashAlgorithm hash, long bytes) {
            int lengthField = hash.blockLength() == 128 ? 16 : 8;
            long n = (bytes + 1 + lengthField + hash.blockLength() - 1) / hash.blockLength();
            compressions += n;
            finalCompressions += n;
        }

        void drop(HashAlgorithm hash, long bytes) {
            compressions += bytes / hash.blockLength();
        }

        @Override
        public Hash hash(HashAlgorithm algorithm) {
            Hash inner = real.hash(algorithm);
            return new Hash() {
                long fed;

                @Override
                public HashAlgorithm algorithm() {
                    return algorithm;
                }

                @Override
                public void update(byte input) {
                    fed++;
                    inner.update(input);
                }

                @Override
                public void update(byte[] input, int offset, int length) {
                    fed += length;
                    inner.update(input, offset, length);
                }

                @Override
                public int doFinal(byte[] out, int offset) {
                    finish(algorithm, fed);
                    fed = 0;
                    return inner.doFinal(out, offset);
                }

                @Override
                public void reset() {
                    drop(algorithm, fed);
                    fed = 0;
                    inner.reset();
                }

                @Override
                public Hash copy() {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public Mac hmac(HashAlgorithm algorithm, byte[] key) {
            Mac inner = real.hmac(algorithm, key);
            int ipad = algorithm.blockLength(); // the inner hash starts after the key ^ ipad block
            return new Mac() {
                long fed;

                @Override
                public int macLength() {
                    return inner.macLength();
                }

                @Override
                public HashAlgorithm hashAlgorithm() {
                    return algorithm;
                }

                @Override
                public void update(byte input) {
                    fed++;
                    inner.update(input);
                }

                @Override
                public void update(byte[] input, int offset, int length) {
                    fed += length;
                    inner.update(input, offset, length);
                }

                @Override
                public int doFinal(byte[] out, int offset) {
                    finish(algorithm, ipad + fed);
                    fed = 0;
                    return inner.doFinal(out, offset);
                }

                @Override
                public void reset() {
                    drop(algorithm, fed);
                    fed = 0;
                    inner.reset();
                }
            };
        }

        @Override
        public BlockCipher aes(byte[] key, boolean forEncryption) {
            return real.aes(key, forEncryption);
        }

        @Override
        public BlockCipher tripleDes(byte[] key, boolean forEncryption) {
            return real.tripleDes(key, forEncryption);
        }

        @Override
        public StreamCipher rc4(byte[] key) {
            return real.rc4(key);
        }

        @Override
        public Aead aesGcm(byte[] key) {
            return real.aesGcm(key);
        }

        @Override
        public Aead chaCha20Poly1305(byte[] key) {
            return real.chaCha20Poly1305(key);
        }
    }
}
