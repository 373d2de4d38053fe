package org.layeredtls.record;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.crypto.Aead;
import org.layeredtls.crypto.BlockCipher;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.RandomSource;

/**
 * Chooses the protection scheme for a cipher description and checks that the keys fit it
 * (RFC 5246 §6.2.3, §6.3).
 */
final class RecordProtections {

    /**
     * The one reason every failed {@code open} gives: a bad padding, a bad MAC, a bad tag and a
     * fragment too short all read the same, so the alert and its text are no padding oracle
     * (RFC 5246 §6.2.3.2).
     */
    static final String BAD_RECORD_MAC_REASON = "the record did not decrypt and verify";

    private RecordProtections() {
    }

    static RecordProtection none() {
        return NullProtection.INSTANCE;
    }

    /** RFC 5246 §6.2.3: every protection failure is bad_record_mac, with one indistinct reason. */
    static TlsAlertException badRecordMac() {
        return new TlsAlertException(AlertDescription.BAD_RECORD_MAC, TlsLayer.RECORD, BAD_RECORD_MAC_REASON);
    }

    /** RFC 5246 §6.2.3: a TLSCiphertext longer than 2^14 + 2048 is record_overflow. */
    static void checkCiphertextLength(int length) throws TlsAlertException {
        if (length > RecordLimits.MAX_CIPHERTEXT_LENGTH) {
            throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW, TlsLayer.RECORD,
                    "TLSCiphertext of " + length + " bytes exceeds 2^14 + 2048");
        }
    }

    static RecordProtection create(ProtocolVersion version, CipherSpec spec, TrafficKeys keys,
                                   boolean forWriting, CryptoProvider crypto, RandomSource random) {
        if (version.compareTo(ProtocolVersion.SSL3_0) < 0 || version.compareTo(ProtocolVersion.TLS1_2) > 0) {
            throw new IllegalArgumentException("no record protection for " + version
                    + ": this record layer speaks SSL 3.0 to TLS 1.2");
        }
        if (spec.equals(CipherSpec.NULL_WITH_NULL_NULL)) {
            return NullProtection.INSTANCE;
        }
        BulkCipherAlgorithm bulk = spec.bulkCipher();
        byte[] key = keys.encryptionKey();
        if (key.length != bulk.keyLength()) {
            throw new IllegalArgumentException(bulk + " takes a " + bulk.keyLength() + "-byte key, not " + key.length);
        }
        if (spec.type() != CipherType.AEAD) {
            checkMac(version, spec);
        }
        return switch (spec.type()) {
            case STREAM -> new StreamProtection(forWriting,
                    bulk == BulkCipherAlgorithm.RC4_128 ? crypto.rc4(key) : null,
                    RecordMac.create(spec.mac(), keys.macKey(), version.isSsl3(), crypto));
            case BLOCK -> createBlock(version, spec, keys, key, forWriting, crypto, random);
            case AEAD -> createAead(version, bulk, keys, key, forWriting, crypto);
        };
    }

    private static void checkMac(ProtocolVersion version, CipherSpec spec) {
        if (spec.mac() == MacAlgorithm.NULL) {
            throw new IllegalArgumentException("a " + spec.bulkCipher() + " record needs a MAC;"
                    + " only TLS_NULL_WITH_NULL_NULL goes without");
        }
        HashAlgorithm hash = spec.mac().hash();
        if (version.isSsl3() && hash != HashAlgorithm.MD5 && hash != HashAlgorithm.SHA1) {
            throw new IllegalArgumentException("SSL 3.0 has a MAC with MD5 or SHA-1 only, not " + spec.mac());
        }
    }

    private static RecordProtection createBlock(ProtocolVersion version, CipherSpec spec, TrafficKeys keys,
                                                byte[] key, boolean forWriting, CryptoProvider crypto,
                                                RandomSource random) {
        BulkCipherAlgorithm bulk = spec.bulkCipher();
        if (spec.encryptThenMac() && version.isSsl3()) {
            throw new IllegalArgumentException("encrypt-then-MAC is a TLS extension (RFC 7366), SSL 3.0 has none");
        }
        byte[] initialIv = null;
        if (!version.hasExplicitIv()) { // SSL 3.0 and TLS 1.0: the first IV comes from the key block
            initialIv = keys.fixedIv();
            if (initialIv.length != bulk.blockLength()) {
                throw new IllegalArgumentException(bulk + " under " + version.displayName() + " takes a "
                        + bulk.blockLength() + "-byte IV from the key block, not " + initialIv.length);
            }
        } else if (random == null && forWriting) { // only the writer draws IVs
            throw new IllegalArgumentException("explicit CBC IVs need a RandomSource");
        }
        BlockCipher cipher = bulk == BulkCipherAlgorithm.TRIPLE_DES_EDE_CBC
                ? crypto.tripleDes(key, forWriting) : crypto.aes(key, forWriting);
        RecordMac mac = RecordMac.create(spec.mac(), keys.macKey(), version.isSsl3(), crypto);
        return new BlockProtection(forWriting, version.isSsl3(), spec.encryptThenMac(), cipher, mac,
                initialIv, random);
    }

    private static RecordProtection createAead(ProtocolVersion version, BulkCipherAlgorithm bulk, TrafficKeys keys,
                                               byte[] key, boolean forWriting, CryptoProvider crypto) {
        if (!version.isAtLeast(ProtocolVersion.TLS1_2)) {
            throw new IllegalArgumentException(bulk + " needs TLS 1.2 (RFC 5288 §4, RFC 7905 §2), not "
                    + version.displayName());
        }
        if (bulk == BulkCipherAlgorithm.AES_128_CCM || bulk == BulkCipherAlgorithm.AES_128_CCM_8) {
            // not RFC 6655's TLS 1.2 CCM suites: no peer here prefers them and no OpenSSL vector checks them
            throw new IllegalArgumentException(bulk + " protects TLS 1.3 records only here (ConnectionState.tls13)");
        }
        byte[] fixedIv = keys.fixedIv();
        if (fixedIv.length != bulk.fixedIvLength()) {
            throw new IllegalArgumentException(bulk + " takes a " + bulk.fixedIvLength()
                    + "-byte implicit IV, not " + fixedIv.length);
        }
        if (keys.macKey().length != 0) {
            throw new IllegalArgumentException("an AEAD cipher takes no MAC key");
        }
        Aead aead = aead(bulk, key, crypto);
        return bulk == BulkCipherAlgorithm.CHACHA20_POLY1305
                ? AeadProtection.chaCha20Poly1305(forWriting, aead, fixedIv)
                : AeadProtection.gcm(forWriting, aead, fixedIv);
    }

    /** RFC 8446 §5.2: the TLS 1.3 protection of one direction, keyed with its traffic key and iv. */
    static RecordProtection createTls13(BulkCipherAlgorithm bulk, byte[] key, byte[] iv, CryptoProvider crypto) {
        if (bulk.type() != CipherType.AEAD) {
            throw new IllegalArgumentException("TLS 1.3 protects records with an AEAD only (RFC 8446 §5.2), not " + bulk);
        }
        if (key.length != bulk.keyLength()) {
            throw new IllegalArgumentException(bulk + " takes a " + bulk.keyLength() + "-byte key, not " + key.length);
        }
        return new Tls13AeadProtection(aead(bulk, key, crypto), iv);
    }

    /** The AEAD primitive for a bulk cipher, keyed. */
    private static Aead aead(BulkCipherAlgorithm bulk, byte[] key, CryptoProvider crypto) {
        return switch (bulk) {
            case AES_128_GCM, AES_256_GCM -> crypto.aesGcm(key);
            case CHACHA20_POLY1305 -> crypto.chaCha20Poly1305(key);
            case AES_128_CCM, AES_128_CCM_8 -> crypto.aesCcm(key, bulk.tagLength());
            default -> throw new IllegalArgumentException(bulk + " is not an AEAD cipher");
        };
    }
}
