package org.layeredtls.handshake.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.record.ProtocolVersion;

/**
 * A TlsEngine against a real peer: the test moves the bytes itself, between the engine and a plain
 * socket connected to {@code openssl s_server -www}, which answers an HTTP GET with a page about the
 * session and then closes with close_notify.
 */
class TlsEngineOpenSslTest {

    /** Sends what the engine queued. */
    private static void send(TlsEngine engine, OutputStream out) throws IOException {
        byte[] records = engine.readOutput();
        out.write(records);
        out.flush();
    }

    /** Reads from the socket into the engine (sending its answers) until {@code done}; false if the socket ended first. */
    private static boolean pump(TlsEngine engine, InputStream in, OutputStream out, java.util.function.BooleanSupplier done)
            throws IOException {
        byte[] buffer = new byte[4096];
        while (!done.getAsBoolean()) {
            int n = in.read(buffer);
            if (n < 0) {
                engine.endOfInput();
                return false;
            }
            engine.offerInput(buffer, 0, n);
            send(engine, out);
        }
        return true;
    }

    @Test
    void anEngineClientOverAPlainSocketCompletesAHandshakeWithOpenSslAndFetchesAPage() throws Exception {
        try (OpenSslProcess server = OpenSslProcess.server("-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString(), "-www");
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout((int) OpenSslProcess.TIMEOUT_MILLIS);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            TlsEngine engine = TlsEngine.client(Tls12Pki.client().build(), "localhost", server.port());

            engine.beginHandshake();
            send(engine, out);
            assertTrue(pump(engine, in, out, engine::isHandshakeDone), "openssl closed during the handshake");
            assertEquals(ProtocolVersion.TLS1_2, engine.sessionInfo().version());

            engine.writeApplicationData("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            send(engine, out);
            ByteArrayOutputStream page = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            java.util.function.BooleanSupplier drainedToTheEnd = () -> {
                int n;
                while ((n = engine.readApplicationData(chunk, 0, chunk.length)) > 0) {
                    page.write(chunk, 0, n);
                }
                return n < 0;
            };
            boolean closeNotify = pump(engine, in, out, drainedToTheEnd);
            drainedToTheEnd.getAsBoolean();
            assertTrue(closeNotify && engine.isClosed(), "openssl ended the page with close_notify");
            String text = page.toString(StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("HTTP/1.0 200 ok"), text);
            assertTrue(text.contains(engine.sessionInfo().cipherSuite().openSslName()), text);
        }
    }
}
