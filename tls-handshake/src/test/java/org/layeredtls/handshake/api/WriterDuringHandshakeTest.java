package org.layeredtls.handshake.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.intercept.OutgoingFlight;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.message.ServerHello;

/**
 * A reader runs the first handshake while a writer waits for it to end. When it ends, the writer
 * must get to write before the reader blocks in the socket for the peer's answer: the peer answers
 * only what the writer sends. (With an unfair read lock the reader took it straight back and the
 * session hung; seen against the JDK's echo server.)
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WriterDuringHandshakeTest {

    private static final byte[] QUESTION = "ping".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aWriterThatFoundTheHandshakeRunningWritesBeforeTheReaderBlocks() throws Exception {
        CountDownLatch writerWaiting = new CountDownLatch(1);
        HandshakeInterceptor holdServerHello = new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                if (message.message() instanceof ServerHello) {
                    try {
                        writerWaiting.await(20, TimeUnit.SECONDS); // the handshake runs until the writer is parked
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                }
                HandshakeInterceptor.PASS.message(message, flight);
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (TlsServerSocket server = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0,
                TestCertificates.server().handshakeInterceptor(holdServerHello).build())) {
            Future<?> echo = pool.submit(() -> {
                try (TlsSocket peer = server.accept()) {
                    byte[] question = peer.getInputStream().readNBytes(QUESTION.length);
                    peer.getOutputStream().write(question); // answers only what it was sent
                    peer.getOutputStream().flush();
                    peer.getInputStream().read(); // until the client closes
                }
                return null;
            });
            try (TlsSocket client = TlsSocket.connect("127.0.0.1", server.getLocalPort(), TestCertificates.client().build())) {
                Future<byte[]> reader = pool.submit(() -> client.getInputStream().readNBytes(QUESTION.length)); // runs the handshake
                Thread writer = new Thread(() -> {
                    try {
                        OutputStream out = client.getOutputStream();
                        out.write(QUESTION); // finds the handshake running: waits for it
                        out.flush();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                writer.start();
                long bound = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (writer.getState() != Thread.State.WAITING && System.nanoTime() < bound) {
                    Thread.onSpinWait(); // until the writer is parked on the lock the handshake holds
                }
                assertTrue(writer.getState() == Thread.State.WAITING, "the writer waits for the handshake");
                writerWaiting.countDown();

                assertArrayEquals(QUESTION, reader.get(30, TimeUnit.SECONDS));
                writer.join(30_000);
            }
            echo.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }
}
