package org.layeredtls.record;

/**
 * The description of a record protection, handed down by the handshake (the record layer knows
 * no cipher suites): the bulk cipher, the MAC, and whether encrypt-then-MAC (RFC 7366) was
 * negotiated.
 */
public record CipherSpec(BulkCipherAlgorithm bulkCipher, MacAlgorithm mac, boolean encryptThenMac) {

    /** The state every connection starts in: no encryption, no MAC (RFC 5246 §6.1). */
    public static final CipherSpec NULL_WITH_NULL_NULL = new CipherSpec(BulkCipherAlgorithm.NULL, MacAlgorithm.NULL, false);

    public CipherSpec {
        if (bulkCipher.type() == CipherType.AEAD && mac != MacAlgorithm.NULL) {
            throw new IllegalArgumentException("an AEAD cipher has no separate MAC");
        }
        if (encryptThenMac && bulkCipher.type() != CipherType.BLOCK) {
            throw new IllegalArgumentException("encrypt-then-MAC applies to block ciphers only (RFC 7366 §3)");
        }
    }

    /** MAC-then-encrypt: the TLS default for stream and block ciphers. */
    public static CipherSpec of(BulkCipherAlgorithm bulkCipher, MacAlgorithm mac) {
        return new CipherSpec(bulkCipher, mac, false);
    }

    public CipherType type() {
        return bulkCipher.type();
    }
}
