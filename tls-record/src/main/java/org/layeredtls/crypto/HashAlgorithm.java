package org.layeredtls.crypto;

/** The hash functions the stack uses, with the sizes the record and handshake layers need. */
public enum HashAlgorithm {
    MD5(16, 64),
    SHA1(20, 64),
    SHA256(32, 64),
    SHA384(48, 128),
    SHA512(64, 128);

    private final int digestLength;
    private final int blockLength;

    HashAlgorithm(int digestLength, int blockLength) {
        this.digestLength = digestLength;
        this.blockLength = blockLength;
    }

    /** Output length in bytes. */
    public int digestLength() {
        return digestLength;
    }

    /** Compression-function block length in bytes (64 or 128). */
    public int blockLength() {
        return blockLength;
    }
}
