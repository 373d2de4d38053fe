package org.layeredtls.handshake.lab;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;

import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;

/**
 * The malicious server M of the triple handshake, on one address (the one the client knows it by, so its
 * session store offers the same session when it comes back): it answers the client's first connection as
 * a TLS server of its own, and forwards its next one to the real server byte for byte, both ways.
 */
final class MaliciousSite implements Closeable {

    private final ServerSocket listener;

    MaliciousSite() throws IOException {
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(LabServer.READ_TIMEOUT_MILLIS);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Answers the next connection as a TLS server with {@code config}; {@code service} runs the connection. */
    CompletableFuture<Void> serveTls(TlsConfig config, LabServer.Service service) {
        return CompletableFuture.runAsync(() -> {
            try (TlsSocket connection = TlsSocket.server(listener.accept(), config)) {
                connection.socket().setSoTimeout(LabServer.READ_TIMEOUT_MILLIS);
                service.serve(connection);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, OwnThread.EACH);
    }

    /** Forwards the next connection to {@code serverPort} as it is: M only relays, the two ends talk. */
    CompletableFuture<Void> forwardTo(int serverPort) {
        return CompletableFuture.runAsync(() -> {
            try (Socket client = listener.accept();
                 Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort)) {
                CompletableFuture<Void> back = CompletableFuture.runAsync(() -> copy(server, client), OwnThread.EACH);
                copy(client, server);
                back.join();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, OwnThread.EACH);
    }

    /** Copies {@code from}'s bytes to {@code to} until {@code from} ends, then ends {@code to}'s output. */
    private static void copy(Socket from, Socket to) {
        try {
            from.setSoTimeout(LabServer.READ_TIMEOUT_MILLIS);
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException ended) {
            // one side reset or went silent: the other side sees its end when the sockets close
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
