package org.layeredtls.record;

import org.layeredtls.crypto.HashAlgorithm;

/**
 * The record MAC (RFC 5246 §6.2.3.1). From TLS 1.0 on it is HMAC with the named hash; under
 * SSL 3.0 the same names select the SSL 3.0 MAC (RFC 6101 §5.2.3.1: the hash with pad_1/pad_2),
 * which only exists for MD5 and SHA-1. AEAD suites have no record MAC ({@link #NULL}).
 */
public enum MacAlgorithm {
    NULL(null),
    HMAC_MD5(HashAlgorithm.MD5),
    HMAC_SHA1(HashAlgorithm.SHA1),
    HMAC_SHA256(HashAlgorithm.SHA256),
    HMAC_SHA384(HashAlgorithm.SHA384);

    private final HashAlgorithm hash;

    MacAlgorithm(HashAlgorithm hash) {
        this.hash = hash;
    }

    /** The hash underneath, or {@code null} for {@link #NULL}. */
    public HashAlgorithm hash() {
        return hash;
    }

    /** mac_length and mac_key_length: the hash's output length (0 for NULL). */
    public int macLength() {
        return hash == null ? 0 : hash.digestLength();
    }
}
