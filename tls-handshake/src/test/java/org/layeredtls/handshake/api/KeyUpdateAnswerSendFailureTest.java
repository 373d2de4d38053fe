package org.layeredtls.handshake.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.record.ProtocolVersion;

/**
 * A peer may ask for a KeyUpdate (RFC 8446 §4.6.3) and close right after: our answer then cannot be
 * sent. The read must still deliver what the peer sent before closing and end at its close_notify;
 * the failure belongs to the next write. (Seen with the JDK's SunJSSE under {@code jdk.tls.keyLimits}:
 * the read threw "Broken pipe" instead of ending.)
 */
@Timeout(60)
class KeyUpdateAnswerSendFailureTest {

    private static final byte[] MESSAGE = "after the KeyUpdate".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aKeyUpdateAnswerThatCannotBeSentLeavesTheReadToTheCloseNotifyAndFailsTheNextWrite() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (TlsServerSocket server = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0,
                TestCertificates.server().maxVersion(ProtocolVersion.TLS1_3).build());
                WriteSideBreakingSocket raw = new WriteSideBreakingSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            Future<?> peer = pool.submit(() -> {
                try (TlsSocket accepted = server.accept()) {
                    accepted.startHandshake();
                    accepted.getInputStream().read(); // one byte from the client: its write side still works here
                    accepted.keyUpdate(true);          // update_requested: the client owes us a KeyUpdate
                    accepted.getOutputStream().write(MESSAGE);
                    accepted.getOutputStream().flush();
                } // close(): our close_notify; the client's answer never comes (its write side is broken)
                return null;
            });
            try (TlsSocket client = TlsSocket.client(raw, "localhost", server.getLocalPort(),
                    TestCertificates.client().maxVersion(ProtocolVersion.TLS1_3).build())) {
                client.startHandshake();
                assertEquals(ProtocolVersion.TLS1_3, client.session().version());
                client.getOutputStream().write('x');
                client.getOutputStream().flush();
                raw.breakWriteSide();

                byte[] received = readToEnd(client.getInputStream());

                assertArrayEquals(MESSAGE, received, "the data the peer sent before closing, then -1 at its close_notify");
                SocketException next = assertThrows(SocketException.class, () -> client.getOutputStream().write('y'));
                assertTrue(next.getMessage().contains("answer"), next.getMessage());
            }
            peer.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        for (int n; (n = in.read(buffer)) >= 0;) {
            all.write(buffer, 0, n);
        }
        return all.toByteArray();
    }

    /** A connected socket whose writes fail once {@link #breakWriteSide()} is called, as after the peer's reset. */
    private static final class WriteSideBreakingSocket extends Socket {
        private volatile boolean broken;

        WriteSideBreakingSocket(InetAddress address, int port) throws IOException {
            super(address, port);
        }

        void breakWriteSide() {
            broken = true;
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (broken) {
                        throw new SocketException("Broken pipe");
                    }
                    out.write(b, off, len);
                }

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }
            };
        }
    }
}
