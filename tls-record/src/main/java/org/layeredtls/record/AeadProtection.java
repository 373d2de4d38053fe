package org.layeredtls.record;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.Aead;

/**
 * AEAD protection (RFC 5246 §6.2.3.3) with the two nonce constructions of TLS 1.2:
 *
 * <pre>
 * AES-GCM (RFC 5288 §3):            nonce = salt(4, from the key block) || explicit(8)
 *                                   fragment = explicit(8) || ciphertext || tag(16)
 *                                   explicit = the 64-bit sequence number, big-endian (as OpenSSL)
 * ChaCha20-Poly1305 (RFC 7905 §2):  nonce = iv(12, from the key block) XOR (0(4) || seq_num(8))
 *                                   fragment = ciphertext || tag(16)
 * additional_data = seq_num(8) || type(1) || version(2) || length of the plaintext(2)
 * </pre>
 *
 * <p>The tag check is done by the cipher in constant time; a failed one is {@code bad_record_mac}.
 */
final class AeadProtection implements RecordProtection {

    private static final int AAD_LENGTH = 13;

    private final boolean forWriting;
    private final Aead aead;
    /** GCM's salt (4 bytes) or ChaCha20's IV (12 bytes). */
    private final byte[] fixedIv;
    /** 8 for GCM's explicit nonce, 0 for ChaCha20-Poly1305. */
    private final int recordIvLength;
    private final byte[] nonce;
    private final byte[] additionalData = new byte[AAD_LENGTH];

    private AeadProtection(boolean forWriting, Aead aead, byte[] fixedIv, int recordIvLength) {
        this.forWriting = forWriting;
        this.aead = aead;
        this.fixedIv = fixedIv.clone();
        this.recordIvLength = recordIvLength;
        this.nonce = new byte[aead.nonceLength()];
        if (fixedIv.length + recordIvLength != nonce.length) {
            throw new IllegalArgumentException("the nonce parts do not add up to " + nonce.length + " bytes");
        }
        System.arraycopy(fixedIv, 0, nonce, 0, fixedIv.length);
    }

    /** AES-GCM with a 4-byte salt. */
    static AeadProtection gcm(boolean forWriting, Aead aead, byte[] salt) {
        return new AeadProtection(forWriting, aead, salt, 8);
    }

    /** ChaCha20-Poly1305 with a 12-byte IV. */
    static AeadProtection chaCha20Poly1305(boolean forWriting, Aead aead, byte[] iv) {
        return new AeadProtection(forWriting, aead, iv, 0);
    }

    @Override
    public int maxExpansion() {
        return recordIvLength + aead.tagLength();
    }

    @Override
    public int seal(long sequenceNumber, ContentType type, ProtocolVersion version,
                    byte[] in, int inOff, int length, byte[] out, int outOff) {
        checkDirection(true);
        if (recordIvLength > 0) {
            // RFC 5288 §3: the explicit nonce; the sequence number never repeats for one key
            writeLong(sequenceNumber, out, outOff);
            System.arraycopy(out, outOff, nonce, fixedIv.length, recordIvLength);
        } else {
            xorNonce(sequenceNumber);
        }
        fillAdditionalData(sequenceNumber, type, version, length);
        return recordIvLength + aead.seal(nonce, additionalData, 0, AAD_LENGTH, in, inOff, length,
                out, outOff + recordIvLength);
    }

    @Override
    public int open(long sequenceNumber, ContentType type, ProtocolVersion version,
                    byte[] in, int inOff, int length, byte[] out, int outOff) throws TlsAlertException {
        checkDirection(false);
        RecordProtections.checkCiphertextLength(length);
        int plaintextLength = length - recordIvLength - aead.tagLength();
        if (plaintextLength < 0) {
            throw RecordProtections.badRecordMac();
        }
        if (recordIvLength > 0) { // the nonce is what the peer sent, whatever it is
            System.arraycopy(in, inOff, nonce, fixedIv.length, recordIvLength);
        } else {
            xorNonce(sequenceNumber);
        }
        fillAdditionalData(sequenceNumber, type, version, plaintextLength);
        int opened = aead.open(nonce, additionalData, 0, AAD_LENGTH, in, inOff + recordIvLength,
                length - recordIvLength, out, outOff);
        if (opened < 0) {
            throw RecordProtections.badRecordMac();
        }
        return opened;
    }

    private void xorNonce(long sequenceNumber) {
        perRecordNonce(fixedIv, sequenceNumber, nonce);
    }

    /**
     * RFC 7905 §2 and RFC 8446 §5.3: the 64-bit sequence number, left-padded with zeros to the IV's
     * length, XORed with the IV, written into {@code nonce}.
     */
    static void perRecordNonce(byte[] iv, long sequenceNumber, byte[] nonce) {
        int pad = nonce.length - 8;
        System.arraycopy(iv, 0, nonce, 0, pad);
        for (int i = 0; i < 8; i++) {
            nonce[pad + i] = (byte) (iv[pad + i] ^ (sequenceNumber >>> (56 - 8 * i)));
        }
    }

    /** RFC 5246 §6.2.3.3: seq_num + TLSCompressed.type + TLSCompressed.version + TLSCompressed.length. */
    private void fillAdditionalData(long sequenceNumber, ContentType type, ProtocolVersion version, int length) {
        writeLong(sequenceNumber, additionalData, 0);
        additionalData[8] = (byte) type.code();
        additionalData[9] = (byte) version.major();
        additionalData[10] = (byte) version.minor();
        additionalData[11] = (byte) (length >>> 8);
        additionalData[12] = (byte) length;
    }

    private static void writeLong(long value, byte[] out, int off) {
        for (int i = 0; i < 8; i++) {
            out[off + i] = (byte) (value >>> (56 - 8 * i));
        }
    }

    private void checkDirection(boolean sealing) {
        if (sealing != forWriting) {
            throw new IllegalStateException("this record protection was created for "
                    + (forWriting ? "writing" : "reading"));
        }
    }
}
