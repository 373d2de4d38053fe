package org.layeredtls.record;

/**
 * Where the BEAST countermeasure, the 1/n&minus;1 record split, is needed.
 *
 * <p>BEAST (Duong and Rizzo, 2011) attacks CBC in SSL 3.0 and TLS 1.0, where the IV of a record is
 * the last ciphertext block of the record before it (RFC 2246 §6.2.3.2), so an attacker who sees
 * that block knows the IV of the next record before choosing the plaintext that goes into it:
 * choosing its first block as {@code IV xor guess xor previous-IV} tests a guess of a secret block
 * (a cookie byte at a time). Splitting each write into a record of one byte and a record of the
 * rest makes the second record's IV the encryption of data that ends in a MAC the attacker cannot
 * compute: unpredictable again. TLS 1.1 (RFC 4346 §6.2.3.2) sends a fresh random IV with each
 * record, stream ciphers and AEAD have no CBC chain: none of them needs the split.
 */
public final class CbcRecordSplitting {

    private CbcRecordSplitting() {
    }

    /** Whether records protected by {@code spec} under {@code version} chain their CBC IVs (and so need the split). */
    public static boolean isNeeded(ProtocolVersion version, CipherSpec spec) {
        // RFC 4346 §1.1: TLS 1.1 replaced "the implicit Initialization Vector (IV) ... with an explicit IV".
        return spec.type() == CipherType.BLOCK && !version.hasExplicitIv();
    }
}
