package org.layeredtls.record;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

/** CompressionMethod.null: TLSCompressed is TLSPlaintext, byte for byte. */
final class NullCompression implements Compression {

    static final NullCompression INSTANCE = new NullCompression();

    private NullCompression() {
    }

    @Override
    public CompressionMethod method() {
        return CompressionMethod.NULL;
    }

    @Override
    public int compress(byte[] in, int inOff, int length, byte[] out, int outOff) {
        System.arraycopy(in, inOff, out, outOff, length);
        return length;
    }

    @Override
    public int decompress(byte[] in, int inOff, int length, byte[] out, int outOff, int maxLength)
            throws TlsAlertException {
        checkPlaintextLength(length, maxLength);
        System.arraycopy(in, inOff, out, outOff, length);
        return length;
    }

    /** Whether {@code compression} is this identity, so that the record layer may skip the copy. */
    static boolean isIdentity(Compression compression) {
        return compression == INSTANCE;
    }

    /**
     * RFC 5246 §6.2.1/§6.2.2: with null compression, a TLSCompressed longer than the plaintext
     * limit is a plaintext longer than allowed: record_overflow.
     */
    static void checkPlaintextLength(int length, int maxLength) throws TlsAlertException {
        if (length > maxLength) {
            throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW, TlsLayer.RECORD,
                    "a " + length + "-byte fragment exceeds the " + maxLength + "-byte plaintext limit");
        }
    }
}
