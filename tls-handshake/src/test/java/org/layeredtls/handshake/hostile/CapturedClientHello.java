package org.layeredtls.handshake.hostile;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.testing.HandshakeServer;

/** The first flight of our own client (its ClientHello record), captured as it goes on the wire, for tests to replay. */
final class CapturedClientHello {

    private CapturedClientHello() {
    }

    /** The ClientHello record our client sends with {@code clientConfig}. */
    static byte[] of(TlsConfig clientConfig) throws Exception {
        long bound = HandshakeServer.BOUND.toMillis();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> client = CompletableFuture.runAsync(() -> {
                try (TlsSocket tls = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), clientConfig)) {
                    tls.startHandshake();
                } catch (IOException expected) {
                    // we hang up after the ClientHello
                }
            }, runnable -> new Thread(runnable, "capture ClientHello").start());
            try (Socket accepted = listener.accept()) {
                accepted.setSoTimeout((int) bound);
                DataInputStream in = new DataInputStream(accepted.getInputStream());
                byte[] header = new byte[5];
                in.readFully(header);
                byte[] record = Arrays.copyOf(header, 5 + ((header[3] & 0xFF) << 8 | header[4] & 0xFF));
                in.readFully(record, 5, record.length - 5);
                return record;
            } finally {
                client.get(bound, TimeUnit.MILLISECONDS);
            }
        }
    }
}
