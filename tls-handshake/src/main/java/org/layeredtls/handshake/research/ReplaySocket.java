package org.layeredtls.handshake.research;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.IntSupplier;


/**
 * An {@link OfflineSocket} for replaying a recorded conversation: reading plays the peer's recorded bytes (in chunks of the
 * sizes {@code chunks} gives, as TCP might deliver them), writing compares each byte with what our
 * side wrote in the recording and fails at the first difference, saying where it is.
 */
public final class ReplaySocket extends OfflineSocket {

    private final byte[] peerBytes;
    private final byte[] expected;
    private final IntSupplier chunks;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private int readAt;

    /** Plays {@code peerBytes} in reads of at most {@code chunks} bytes each; expects our side to write {@code expected}. */
    public ReplaySocket(byte[] peerBytes, byte[] expected, IntSupplier chunks) {
        this.peerBytes = peerBytes.clone();
        this.expected = expected.clone();
        this.chunks = chunks;
    }

    /** What our side wrote so far. */
    public byte[] written() {
        return written.toByteArray();
    }

    @Override
    public InputStream getInputStream() {
        return new InputStream() {
            @Override
            public int read() {
                return readAt < peerBytes.length ? peerBytes[readAt++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (readAt >= peerBytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, peerBytes.length - readAt), Math.max(1, chunks.getAsInt()));
                System.arraycopy(peerBytes, readAt, b, off, n);
                readAt += n;
                return n;
            }
        };
    }

    @Override
    public OutputStream getOutputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                int at = written.size();
                for (int i = 0; i < len; i++) {
                    if (at + i >= expected.length || expected[at + i] != b[off + i]) {
                        written.write(b, off, i);
                        throw new ReplayDivergence(at + i, expected, written.toByteArray(),
                                at + i >= expected.length ? -1 : expected[at + i] & 0xFF, b[off + i] & 0xFF);
                    }
                }
                written.write(b, off, len);
            }
        };
    }

    /** Our side wrote a byte other than the recorded one. */
    public static final class ReplayDivergence extends IOException {
        private static final long serialVersionUID = 1L;
        /** Where in our recorded stream the first difference is. */
        public final int offset;

        ReplayDivergence(int offset, byte[] expected, byte[] written, int expectedByte, int actualByte) {
            super("our output diverges from the recording at " + RecordStream.describe(expected, offset)
                    + ": recorded " + (expectedByte < 0 ? "nothing more" : String.format("0x%02x", expectedByte))
                    + ", written " + String.format("0x%02x", actualByte));
            this.offset = offset;
        }
    }
}
