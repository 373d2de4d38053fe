package org.layeredtls.vectors;

import java.util.Arrays;

/**
 * One record of a {@link RecordProtectionVector}: what goes into the protection and what OpenSSL
 * says must come out.
 *
 * @param sequenceNumber the record's 64-bit sequence number (it is MACed or part of the AEAD data)
 * @param contentType    the record's content type byte (20..23)
 * @param explicitIv     the bytes that open the fragment in clear: for TLS 1.1+ CBC the IV the
 *                       sealing side must draw from its random source, for AES-GCM the explicit
 *                       nonce (the sequence number); empty otherwise
 * @param plaintext      the TLSCompressed fragment
 * @param fragment       the TLSCiphertext fragment OpenSSL computed
 */
public record VectorRecord(long sequenceNumber, int contentType, byte[] explicitIv, byte[] plaintext,
                           byte[] fragment) {

    public VectorRecord {
        explicitIv = explicitIv.clone();
        plaintext = plaintext.clone();
        fragment = fragment.clone();
    }

    @Override
    public byte[] explicitIv() {
        return explicitIv.clone();
    }

    @Override
    public byte[] plaintext() {
        return plaintext.clone();
    }

    @Override
    public byte[] fragment() {
        return fragment.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VectorRecord that && sequenceNumber == that.sequenceNumber
                && contentType == that.contentType && Arrays.equals(explicitIv, that.explicitIv)
                && Arrays.equals(plaintext, that.plaintext) && Arrays.equals(fragment, that.fragment);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequenceNumber) * 31 + contentType * 7 + Arrays.hashCode(fragment);
    }

    @Override
    public String toString() {
        return String.format("record seq=%016x type=%d plaintext=%d bytes fragment=%d bytes",
                sequenceNumber, contentType, plaintext.length, fragment.length);
    }
}
