package org.layeredtls.handshake.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.record.ProtocolVersion;

/**
 * One thread writes while another reads, against a peer that echoes everything: once the TCP windows
 * are full, the writer blocks in its socket write until the reader drains the echo. The reader must
 * never wait for the writer's send lock when it has nothing to send (it did: the session hung).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FullDuplexEchoTest {

    private static final int SIZE = 24 << 20; // well past the loopback's TCP buffers

    @Test
    void aReaderAndAWriterOnOneSocketDoNotWaitForEachOtherAgainstAnEchoingPeer() throws Exception {
        byte[] data = new byte[SIZE];
        new Random(7).nextBytes(data);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (TlsServerSocket server = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0,
                TestCertificates.server().maxVersion(ProtocolVersion.TLS1_3).cryptoBackend(CryptoBackend.JDK).build())) {
            Future<?> echo = pool.submit(() -> {
                try (TlsSocket peer = server.accept()) {
                    InputStream in = peer.getInputStream();
                    OutputStream out = peer.getOutputStream();
                    byte[] buffer = new byte[16384];
                    long left = SIZE;
                    for (int n; left > 0 && (n = in.read(buffer)) >= 0; left -= n) {
                        out.write(buffer, 0, n); // one thread: while this write blocks, it reads nothing
                    }
                }
                return null;
            });
            Socket raw = new Socket();
            raw.setReceiveBufferSize(8192);
            raw.setSendBufferSize(8192);
            raw.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 10_000);
            try (TlsSocket client = TlsSocket.client(raw, "localhost", server.getLocalPort(),
                    TestCertificates.client().maxVersion(ProtocolVersion.TLS1_3).cryptoBackend(CryptoBackend.JDK).build())) {
                client.startHandshake();
                Future<?> writer = pool.submit(() -> {
                    OutputStream out = client.getOutputStream();
                    for (int at = 0; at < SIZE; at += 65536) {
                        out.write(data, at, Math.min(65536, SIZE - at));
                    }
                    out.flush();
                    return null;
                });
                byte[] back = client.getInputStream().readNBytes(SIZE);
                writer.get(60, TimeUnit.SECONDS);
                assertArrayEquals(data, back);
            }
            echo.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }
}
