package org.layeredtls.handshake.interop;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A client socket that keeps a copy of every byte it sends and receives, in the order they passed, as the
 * TCP payloads a capture on the loopback interface would have shown ({@link #conversation()}); what
 * {@link SyntheticPcap} turns into a capture file without capture privileges.
 */
final class TappedSocket extends Socket {

    /** Bytes that went one way in one read or write. */
    record Chunk(boolean fromClient, byte[] bytes) {
    }

    private final List<Chunk> conversation = new ArrayList<>();
    private InputStream tappedIn;
    private OutputStream tappedOut;

    /** Connects to {@code address}. */
    TappedSocket(InetSocketAddress address, int timeoutMillis) throws IOException {
        connect(address, timeoutMillis);
        setSoTimeout(timeoutMillis);
    }

    /** What passed so far, both ways, in order. */
    synchronized List<Chunk> conversation() {
        return List.copyOf(conversation);
    }

    private synchronized void record(boolean fromClient, byte[] bytes, int offset, int length) {
        if (length > 0) {
            conversation.add(new Chunk(fromClient, Arrays.copyOfRange(bytes, offset, offset + length)));
        }
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (tappedIn == null) {
            tappedIn = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = in.read(b, off, len);
                    record(false, b, off, n);
                    return n;
                }
            };
        }
        return tappedIn;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (tappedOut == null) {
            tappedOut = new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    record(true, b, off, len);
                    out.write(b, off, len);
                }
            };
        }
        return tappedOut;
    }

    /** All bytes one way, concatenated (for assertions about the stream itself). */
    synchronized byte[] bytes(boolean fromClient) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        conversation.stream().filter(c -> c.fromClient() == fromClient).forEach(c -> all.writeBytes(c.bytes()));
        return all.toByteArray();
    }
}
