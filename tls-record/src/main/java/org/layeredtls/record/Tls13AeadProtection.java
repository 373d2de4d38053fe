package org.layeredtls.record;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.crypto.Aead;

/**
 * TLS 1.3 record protection (RFC 8446 §5.2, §5.3): AEAD only, and everything about a record that
 * is not secret is authenticated as the additional data.
 *
 * <pre>
 * nonce            = iv(12, from the traffic secret) XOR (0(4) || seq_num(8))     nothing sent in the record
 * additional_data  = opaque_type(1) || legacy_record_version(2) || length(2)      the record header itself
 * encrypted_record = AEAD-Encrypt(write_key, nonce, additional_data, TLSInnerPlaintext)
 * </pre>
 *
 * <p>Compared with TLS 1.2's {@link AeadProtection}: no explicit nonce in the record (GCM's 8 bytes are
 * gone, every AEAD uses ChaCha20's XOR construction), the sequence number is no longer in the
 * additional data (it is in the nonce), and the additional data is the header as sent, whose length
 * is the ciphertext's, not the plaintext's. {@code seal} takes and {@code open} gives a
 * {@link TLSInnerPlaintext}; the record layer adds and removes the content type and padding.
 *
 * <p>One object serves either direction (a TLS 1.3 state is the same for sealing and opening: the
 * key schedule derives a key and an iv per direction, nothing else). The hot path allocates nothing; the tag is checked by the cipher in constant time, and a failed
 * check is {@code bad_record_mac} (§5.2).
 */
final class Tls13AeadProtection implements RecordProtection {

    private final Aead aead;
    private final byte[] iv;
    private final byte[] nonce;
    private final byte[] additionalData = new byte[RecordLimits.HEADER_LENGTH];

    Tls13AeadProtection(Aead aead, byte[] iv) {
        if (iv.length != aead.nonceLength()) {
            throw new IllegalArgumentException("a TLS 1.3 iv is the AEAD's nonce length, " + aead.nonceLength()
                    + " bytes (RFC 8446 §5.3), not " + iv.length);
        }
        this.aead = aead;
        this.iv = iv.clone();
        this.nonce = new byte[iv.length];
    }

    /**
     * The content type byte and the tag: what a record adds to its content. Padding does not count,
     * it stays within the fragment limit (RFC 8446 §5.4).
     */
    @Override
    public int maxExpansion() {
        return 1 + aead.tagLength();
    }

    /**
     * Seals one TLSInnerPlaintext.
     *
     * @param type    the outer type (application_data)
     * @param version the outer legacy_record_version ({3,3})
     */
    @Override
    public int seal(long sequenceNumber, ContentType type, ProtocolVersion version,
                    byte[] in, int inOff, int length, byte[] out, int outOff) {
        AeadProtection.perRecordNonce(iv, sequenceNumber, nonce);
        RecordHeader.write(type, version, length + aead.tagLength(), additionalData, 0);
        return aead.seal(nonce, additionalData, 0, additionalData.length, in, inOff, length, out, outOff);
    }

    /**
     * Opens one encrypted_record into its TLSInnerPlaintext.
     *
     * @param type    the outer type as received
     * @param version the outer legacy_record_version as received: both are authenticated
     * @throws TlsAlertException {@code record_overflow} above 2^14 + 256 bytes, {@code bad_record_mac}
     *         when the tag does not verify (or the record is shorter than one)
     */
    @Override
    public int open(long sequenceNumber, ContentType type, ProtocolVersion version,
                    byte[] in, int inOff, int length, byte[] out, int outOff) throws TlsAlertException {
        if (length > RecordLimits.MAX_TLS13_CIPHERTEXT_LENGTH) {
            // RFC 8446 §5.2: "The length MUST NOT exceed 2^14 + 256 bytes"
            throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW, TlsLayer.RECORD,
                    "TLSCiphertext of " + length + " bytes exceeds 2^14 + 256");
        }
        AeadProtection.perRecordNonce(iv, sequenceNumber, nonce);
        RecordHeader.write(type, version, length, additionalData, 0);
        int opened = aead.open(nonce, additionalData, 0, additionalData.length, in, inOff, length, out, outOff);
        if (opened < 0) {
            throw RecordProtections.badRecordMac();
        }
        return opened;
    }
}
