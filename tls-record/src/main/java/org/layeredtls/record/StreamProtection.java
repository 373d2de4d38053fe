package org.layeredtls.record;

import java.security.MessageDigest;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.StreamCipher;

/**
 * MAC-then-encrypt with a stream cipher (RFC 5246 §6.2.3.1):
 * {@code TLSCiphertext.fragment = E(fragment || MAC)}. The RC4 key stream runs on from one record
 * to the next in each direction. The NULL cipher with a MAC (TLS_RSA_WITH_NULL_SHA and the like)
 * is the same scheme with no encryption: {@code fragment || MAC} in clear.
 *
 * <p>Nothing here depends on a secret length, so the only constant-time step needed is the MAC
 * compare.
 */
final class StreamProtection implements RecordProtection {

    private final boolean forWriting;
    /** The cipher, or {@code null} for the NULL bulk cipher. */
    private final StreamCipher cipher;
    private final RecordMac mac;
    private final byte[] computedMac;
    private final byte[] receivedMac;

    StreamProtection(boolean forWriting, StreamCipher cipher, RecordMac mac) {
        this.forWriting = forWriting;
        this.cipher = cipher;
        this.mac = mac;
        this.computedMac = new byte[mac.length()];
        this.receivedMac = new byte[mac.length()];
    }

    @Override
    public int maxExpansion() {
        return mac.length();
    }

    @Override
    public int seal(long sequenceNumber, ContentType type, ProtocolVersion version,
                    byte[] in, int inOff, int length, byte[] out, int outOff) {
        checkDirection(true);
        mac.compute(sequenceNumber, type, version, in, inOff, length, computedMac, 0);
        transform(in, inOff, length, out, outOff);
        transform(computedMac, 0, computedMac.length, out, outOff + length);
        return length + computedMac.length;
    }

    @Override
    public int open(long sequenceNumber, ContentType type, ProtocolVersion version,
                    byte[] in, int inOff, int length, byte[] out, int outOff) throws TlsAlertException {
        checkDirection(false);
        RecordProtections.checkCiphertextLength(length);
        int fragmentLength = length - receivedMac.length;
        if (fragmentLength < 0) {
            throw RecordProtections.badRecordMac();
        }
        transform(in, inOff, fragmentLength, out, outOff);
        transform(in, inOff + fragmentLength, receivedMac.length, receivedMac, 0);
        mac.compute(sequenceNumber, type, version, out, outOff, fragmentLength, computedMac, 0);
        if (!MessageDigest.isEqual(computedMac, receivedMac)) { // constant-time compare
            throw RecordProtections.badRecordMac();
        }
        return fragmentLength;
    }

    private void transform(byte[] in, int inOff, int length, byte[] out, int outOff) {
        if (cipher != null) {
            cipher.process(in, inOff, length, out, outOff);
        } else {
            System.arraycopy(in, inOff, out, outOff, length);
        }
    }

    private void checkDirection(boolean sealing) {
        if (sealing != forWriting) {
            throw new IllegalStateException("this record protection was created for "
                    + (forWriting ? "writing" : "reading"));
        }
    }
}
