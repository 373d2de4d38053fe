package org.layeredtls.bench.idle;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Future;

/** The baseline: plain {@link Socket} pairs, no TLS, the same exchange in clear. */
final class PlainSocketPairs implements ConnectionPairs {

    private final ServerSocket listener = new ServerSocket(0, BACKLOG, InetAddress.getLoopbackAddress());
    private final AcceptingThread server = new AcceptingThread();

    PlainSocketPairs() throws IOException {
    }

    @Override
    public String name() {
        return "plain java.net.Socket (no TLS)";
    }

    @Override
    public Closeable openPair() throws Exception {
        Future<Socket> accepted = server.submit(() -> {
            Socket socket = listener.accept();
            socket.setTcpNoDelay(true);
            ConnectionPairs.serverExchange(socket.getInputStream(), socket.getOutputStream());
            return socket;
        });
        Socket client = new Socket(listener.getInetAddress(), listener.getLocalPort());
        client.setTcpNoDelay(true);
        ConnectionPairs.clientExchange(client.getInputStream(), client.getOutputStream());
        Socket serverSocket = AcceptingThread.await(accepted);
        return ConnectionPairs.pair(client, serverSocket);
    }

    @Override
    public void close() throws IOException {
        server.closeWith(listener);
    }
}
