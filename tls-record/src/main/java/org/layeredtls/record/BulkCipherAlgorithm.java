package org.layeredtls.record;

/**
 * The bulk encryption algorithms of the record layer, with the sizes the key block is cut into
 * (RFC 5246 §6.3 and appendix C; RFC 5288 for GCM; RFC 7905 for ChaCha20-Poly1305; RFC 6655 for CCM).
 * TLS 1.3 uses the AEADs only, with a 12-byte iv whatever the fixed and record IV lengths say (RFC 8446 §5.3).
 */
public enum BulkCipherAlgorithm {
    //                 type               key fixedIv recordIv block tag
    NULL(CipherType.STREAM, 0, 0, 0, 0, 0),
    RC4_128(CipherType.STREAM, 16, 0, 0, 0, 0),
    TRIPLE_DES_EDE_CBC(CipherType.BLOCK, 24, 8, 8, 8, 0),
    AES_128_CBC(CipherType.BLOCK, 16, 16, 16, 16, 0),
    AES_256_CBC(CipherType.BLOCK, 32, 16, 16, 16, 0),
    /** RFC 5288: 4-byte implicit salt from the key block, 8-byte explicit nonce in each record. */
    AES_128_GCM(CipherType.AEAD, 16, 4, 8, 0, 16),
    AES_256_GCM(CipherType.AEAD, 32, 4, 8, 0, 16),
    /** RFC 7905: 12-byte IV from the key block XORed with the sequence number; nothing explicit. */
    CHACHA20_POLY1305(CipherType.AEAD, 32, 12, 0, 0, 16),
    /**
     * AES-128 in CCM mode (RFC 3610), 16-byte tag: TLS 1.3's TLS_AES_128_CCM_SHA256 (RFC 8446 §B.4). The
     * IV sizes are RFC 6655's for TLS 1.2 (a 4-byte salt, an 8-byte explicit nonce, as GCM), whose CCM
     * suites this stack does not implement: CCM protects TLS 1.3 records only.
     */
    AES_128_CCM(CipherType.AEAD, 16, 4, 8, 0, 16),
    /** AES-128-CCM with an 8-byte tag: TLS_AES_128_CCM_8_SHA256 (RFC 8446 §B.4), RFC 6655's CCM_8. */
    AES_128_CCM_8(CipherType.AEAD, 16, 4, 8, 0, 8);

    private final CipherType type;
    private final int keyLength;
    private final int fixedIvLength;
    private final int recordIvLength;
    private final int blockLength;
    private final int tagLength;

    BulkCipherAlgorithm(CipherType type, int keyLength, int fixedIvLength, int recordIvLength,
                        int blockLength, int tagLength) {
        this.type = type;
        this.keyLength = keyLength;
        this.fixedIvLength = fixedIvLength;
        this.recordIvLength = recordIvLength;
        this.blockLength = blockLength;
        this.tagLength = tagLength;
    }

    public CipherType type() {
        return type;
    }

    /** enc_key_length. */
    public int keyLength() {
        return keyLength;
    }

    /**
     * fixed_iv_length: the IV taken from the key block. For CBC it is the initial IV of SSL 3.0 and
     * TLS 1.0 (TLS 1.1+ derive none: RFC 4346 §6.3); for GCM the 4-byte salt; for ChaCha20 the 12-byte IV.
     */
    public int fixedIvLength() {
        return fixedIvLength;
    }

    /** record_iv_length: the explicit IV or nonce carried in each record (CBC from TLS 1.1, GCM). */
    public int recordIvLength() {
        return recordIvLength;
    }

    /** block_length, 0 for stream and AEAD ciphers. */
    public int blockLength() {
        return blockLength;
    }

    /** The AEAD tag length, 0 for the others. */
    public int tagLength() {
        return tagLength;
    }
}
