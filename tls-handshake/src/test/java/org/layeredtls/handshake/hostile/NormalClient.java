package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.testing.RawPeer;

/** The well-behaved client every hostile test sends right after the hostile one: our {@link TlsSocket}, bounded in time. */
final class NormalClient {

    private NormalClient() {
    }

    /** The server serves a normal client: its echo, or its page. */
    static void isServed(ServerUnderTest server) throws IOException {
        if (server.echoes()) {
            echoes(server);
        } else {
            getsPage(server);
        }
    }

    /** A full handshake, then a line echoed back (the server runs as an echo server). */
    static void echoes(ServerUnderTest server) throws IOException {
        echoes(server, HostilePki.client().build());
    }

    static void echoes(ServerUnderTest server, TlsConfig config) throws IOException {
        assertTrue(server.isAlive(), () -> "the server is gone:\n" + server.log());
        byte[] line = "served right after\n".getBytes(StandardCharsets.US_ASCII);
        try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), config)) {
            socket.socket().setSoTimeout((int) RawPeer.BOUND.toMillis());
            socket.startHandshake();
            socket.getOutputStream().write(line);
            socket.getOutputStream().flush();
            byte[] back = readFully(socket.getInputStream(), line.length);
            assertArrayEquals(line, back, () -> "the echo came back wrong:\n" + server.log());
        } catch (IOException e) {
            throw new IOException("a normal client was not served right after: " + e + "\n" + server.log(), e);
        }
    }

    /** A full handshake and a GET, answered with the {@code -www} page. */
    static String getsPage(ServerUnderTest server) throws IOException {
        assertTrue(server.isAlive(), () -> "the server is gone:\n" + server.log());
        try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), HostilePki.client().build())) {
            socket.socket().setSoTimeout((int) RawPeer.BOUND.toMillis());
            socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String page = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(page.startsWith("HTTP/1.0 200") || page.startsWith("HTTP/1.1 200"), () -> "not the -www page: " + page + "\n" + server.log());
            return page;
        } catch (IOException e) {
            throw new IOException("a normal client was not served right after: " + e + "\n" + server.log(), e);
        }
    }

    private static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] buffer = new byte[length];
        int filled = 0;
        while (filled < length) {
            int n = in.read(buffer, filled, length - filled);
            if (n < 0) {
                throw new IOException("end of stream after " + filled + " of " + length + " bytes");
            }
            filled += n;
        }
        return buffer;
    }
}
