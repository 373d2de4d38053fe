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
        if (length > maxLength) {
            // RFC 5246 §6.2.1/§6.2.2: with null compression, a TLSCompressed longer than the
            // plaintext limit is a plaintext longer than allowed.
            throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW, TlsLayer.RECORD,
                    "a " + length + "-byte fragment exceeds the " + maxLength + "-byte plaintext limit");
        }
        System.arraycopy(in, inOff, out, outOff, length);
        return length;
    }
}
