package org.layeredtls.record;

import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.Hash;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.Mac;

/**
 * The record MAC of one direction (RFC 5246 §6.2.3.1, RFC 6101 §5.2.3.1).
 *
 * <pre>
 * TLS:     HMAC_hash(MAC_write_key, seq_num(8) || type(1) || version(2) || length(2) || fragment)
 * SSL 3.0: hash(MAC_write_secret || pad_2 ||
 *               hash(MAC_write_secret || pad_1 || seq_num(8) || type(1) || length(2) || fragment))
 *          pad_1 = 0x36, pad_2 = 0x5c, repeated 48 times for MD5 and 40 times for SHA-1
 * </pre>
 *
 * <p>{@link #computeConstantTime} is the Lucky 13 counter-measure used when the fragment length is
 * a secret (MAC-then-encrypt CBC): after the real MAC it feeds dummy blocks to the hash so that the
 * number of compression-function calls is the one the longest possible fragment would need
 * (the method of BouncyCastle's TLS {@code TlsSuiteHMac} and OpenSSL).
 */
abstract class RecordMac {

    private final HashAlgorithm hash;
    private final byte[] header;
    private final byte[] dummy;
    /** The bytes hashed in the inner hash before the header (HMAC's ipad block, SSL 3.0's secret || pad_1). */
    private final int innerPrefixLength;

    private RecordMac(HashAlgorithm hash, int headerLength, int innerPrefixLength) {
        this.hash = hash;
        this.header = new byte[headerLength];
        this.dummy = new byte[hash.blockLength()];
        this.innerPrefixLength = innerPrefixLength;
    }

    /** The MAC for {@code algorithm}; {@code ssl3} selects the SSL 3.0 construction. */
    static RecordMac create(MacAlgorithm algorithm, byte[] key, boolean ssl3, CryptoProvider crypto) {
        if (algorithm == MacAlgorithm.NULL) {
            throw new IllegalArgumentException("no MAC to build for MacAlgorithm.NULL");
        }
        if (key.length != algorithm.macLength()) {
            throw new IllegalArgumentException(algorithm + " takes a " + algorithm.macLength()
                    + "-byte MAC key, not " + key.length);
        }
        if (ssl3) {
            return new Ssl3Mac(algorithm.hash(), key, crypto);
        }
        return new Hmac(crypto.hmac(algorithm.hash(), key));
    }

    /** mac_length. */
    final int length() {
        return hash.digestLength();
    }

    /** The MAC of one record, written at {@code out[outOff]}. */
    final void compute(long sequenceNumber, ContentType type, ProtocolVersion version,
                       byte[] fragment, int offset, int length, byte[] out, int outOff) {
        fillHeader(sequenceNumber, type, version, length);
        update(header, 0, header.length);
        update(fragment, offset, length);
        doFinal(out, outOff);
    }

    /**
     * Like {@link #compute}, but costs as many hash compression-function calls as a fragment of
     * {@code maxLength} bytes would: {@code length} may be a secret (it depends on the padding),
     * {@code maxLength} must not be.
     */
    final void computeConstantTime(long sequenceNumber, ContentType type, ProtocolVersion version,
                                   byte[] fragment, int offset, int length, int maxLength,
                                   byte[] out, int outOff) {
        compute(sequenceNumber, type, version, fragment, offset, length, out, outOff);
        // Lucky 13 (AlFardan and Paterson, 2013): pad the work up to the maximum block count
        int extra = blockCount(maxLength) - blockCount(length);
        for (int i = 0; i < extra; i++) {
            dummyUpdate(dummy, 0, dummy.length);
        }
        dummyUpdate(dummy, 0, 1); // one more byte, in case the hash processes a full block lazily
        dummyReset();
    }

    /**
     * A lower bound on the number of compression calls of the inner hash for a fragment of
     * {@code length}: differences between two lengths are exact (8 or 16 bytes of MD padding length field).
     */
    private int blockCount(int length) {
        int overhead = hash.blockLength() == 128 ? 16 : 8;
        return (innerPrefixLength + header.length + length + overhead) / hash.blockLength();
    }

    private void fillHeader(long sequenceNumber, ContentType type, ProtocolVersion version, int length) {
        for (int i = 0; i < 8; i++) {
            header[i] = (byte) (sequenceNumber >>> (56 - 8 * i));
        }
        header[8] = (byte) type.code();
        int i = 9;
        if (header.length == 13) { // RFC 6101 §5.2.3.1: SSL 3.0 does not MAC the version
            header[i++] = (byte) version.major();
            header[i++] = (byte) version.minor();
        }
        header[i++] = (byte) (length >>> 8);
        header[i] = (byte) length;
    }

    abstract void update(byte[] input, int offset, int length);

    abstract void doFinal(byte[] out, int outOff);

    /** Feeds bytes that count for nothing, to be thrown away by {@link #dummyReset}. */
    abstract void dummyUpdate(byte[] input, int offset, int length);

    abstract void dummyReset();

    /** TLS 1.0+: HMAC (RFC 2104) over the 13-byte header and the fragment. */
    private static final class Hmac extends RecordMac {
        private final Mac mac;

        Hmac(Mac mac) {
            super(mac.hashAlgorithm(), 13, mac.hashAlgorithm().blockLength());
            this.mac = mac;
        }

        @Override
        void update(byte[] input, int offset, int length) {
            mac.update(input, offset, length);
        }

        @Override
        void doFinal(byte[] out, int outOff) {
            mac.doFinal(out, outOff);
        }

        @Override
        void dummyUpdate(byte[] input, int offset, int length) {
            mac.update(input, offset, length);
        }

        @Override
        void dummyReset() {
            mac.reset();
        }
    }

    /** SSL 3.0: the nested hash with pad_1 and pad_2 (RFC 6101 §5.2.3.1). */
    private static final class Ssl3Mac extends RecordMac {
        private final Hash inner;
        private final Hash outer;
        private final byte[] secret;
        private final byte[] pad1;
        private final byte[] pad2;
        private final byte[] innerDigest;

        Ssl3Mac(HashAlgorithm hash, byte[] secret, CryptoProvider crypto) {
            super(hash, 11, secret.length + padLength(hash));
            this.inner = crypto.hash(hash);
            this.outer = crypto.hash(hash);
            this.secret = secret.clone();
            this.pad1 = new byte[padLength(hash)];
            this.pad2 = new byte[padLength(hash)];
            java.util.Arrays.fill(pad1, (byte) 0x36);
            java.util.Arrays.fill(pad2, (byte) 0x5c);
            this.innerDigest = new byte[hash.digestLength()];
            inner.update(this.secret, 0, this.secret.length);
            inner.update(pad1, 0, pad1.length);
        }

        /** 48 bytes of pad for MD5, 40 for SHA-1. */
        private static int padLength(HashAlgorithm hash) {
            return switch (hash) {
                case MD5 -> 48;
                case SHA1 -> 40;
                default -> throw new IllegalArgumentException("SSL 3.0 has no MAC with " + hash);
            };
        }

        @Override
        void update(byte[] input, int offset, int length) {
            inner.update(input, offset, length);
        }

        @Override
        void doFinal(byte[] out, int outOff) {
            inner.doFinal(innerDigest, 0);
            outer.update(secret, 0, secret.length);
            outer.update(pad2, 0, pad2.length);
            outer.update(innerDigest, 0, innerDigest.length);
            outer.doFinal(out, outOff);
            restartInner();
        }

        @Override
        void dummyUpdate(byte[] input, int offset, int length) {
            inner.update(input, offset, length);
        }

        @Override
        void dummyReset() {
            inner.reset();
            restartInner();
        }

        private void restartInner() {
            inner.update(secret, 0, secret.length);
            inner.update(pad1, 0, pad1.length);
        }
    }
}
