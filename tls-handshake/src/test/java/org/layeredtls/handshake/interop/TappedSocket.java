package org.layeredtls.handshake.interop;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A socket that keeps a copy of every byte it sends and receives, in the order they passed, as the TCP payloads a
 * capture on the loopback interface would have shown ({@link #conversation()}); what {@link SyntheticPcap} turns
 * into a capture file without capture privileges. A client's connects; a server's comes from a {@link Listener}.
 */
final class TappedSocket extends Socket {

    /** A listener on 127.0.0.1 (ephemeral port) whose accepted sockets are tapped (the server's side). */
    static final class Listener extends ServerSocket {
        private TappedSocket lastAccepted;

        Listener() throws IOException {
            super(0, 50, InetAddress.getLoopbackAddress());
            setSoTimeout((int) Exchange.WAIT.toMillis());
        }

        @Override
        public synchronized Socket accept() throws IOException {
            TappedSocket socket = new TappedSocket(false);
            implAccept(socket);
            lastAccepted = socket;
            return socket;
        }

        /** The socket of the last connection accepted. */
        synchronized TappedSocket lastAccepted() {
            return lastAccepted;
        }
    }

    /** Bytes that went one way in one read or write. */
    record Chunk(boolean fromClient, byte[] bytes) {
    }

    private final boolean client;
    private final List<Chunk> conversation = new ArrayList<>();
    private InputStream tappedIn;
    private OutputStream tappedOut;

    /** A client's, connected to {@code address}. */
    TappedSocket(InetSocketAddress address, int timeoutMillis) throws IOException {
        this(true);
        connect(address, timeoutMillis);
        setSoTimeout(timeoutMillis);
    }

    private TappedSocket(boolean client) {
        this.client = client;
    }

    /** What passed so far, both ways, in order. */
    synchronized List<Chunk> conversation() {
        return List.copyOf(conversation);
    }

    private synchronized void record(boolean written, byte[] bytes, int offset, int length) {
        if (length > 0) {
            conversation.add(new Chunk(written == client, Arrays.copyOfRange(bytes, offset, offset + length)));
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
}
