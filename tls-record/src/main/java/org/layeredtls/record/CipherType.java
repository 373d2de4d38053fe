package org.layeredtls.record;

/** How a record is protected (RFC 5246 §6.2.3): stream, block (CBC) or AEAD. */
public enum CipherType {
    /** MAC-then-encrypt with a stream cipher; the NULL cipher is a stream cipher that does nothing. */
    STREAM,
    /** CBC with padding, MAC-then-encrypt or, with RFC 7366, encrypt-then-MAC. */
    BLOCK,
    /** Authenticated encryption with additional data: no separate MAC. */
    AEAD
}
