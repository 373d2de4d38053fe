package org.layeredtls.cwmp.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;

/**
 * A CPE's connection to the ACS written by hand, so that a test can misbehave at any byte: HTTP/1.1
 * POSTs over our TLS client (or garbage over bare TCP), each answer read whole (status, cookie,
 * Content-Length body). What a well-behaved CPE would never do is a method here: send half a request,
 * reset the connection (RST), or wait for the server to give up on it.
 */
final class RawCwmpConnection implements Closeable {

    /** A bound on every read: a hang guard, far above anything a working server needs. */
    static final Duration READ_BOUND = Duration.ofSeconds(60);

    /** An HTTP answer. */
    record Response(int status, byte[] body) {
    }

    private final Socket tcp;
    private final InputStream in;
    private final OutputStream out;
    private String cookie;

    private RawCwmpConnection(Socket tcp, InputStream in, OutputStream out) {
        this.tcp = tcp;
        this.in = new BufferedInputStream(in);
        this.out = out;
    }

    /** A TCP connection to the ACS on loopback, no TLS: for bytes that are not TLS at all. */
    static RawCwmpConnection tcp(int port) throws IOException {
        Socket tcp = connect(port);
        return new RawCwmpConnection(tcp, tcp.getInputStream(), tcp.getOutputStream());
    }

    /** A TLS connection to the ACS on loopback, its handshake done with {@code cpeTls} (SNI "localhost"). */
    static RawCwmpConnection tls(int port, TlsConfig cpeTls) throws IOException {
        Socket tcp = connect(port);
        try {
            TlsSocket tls = TlsSocket.client(tcp, cpeTls.toBuilder().serverName("localhost").build());
            tls.startHandshake();
            return new RawCwmpConnection(tcp, tls.getInputStream(), tls.getOutputStream());
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket tcp = new Socket();
        try {
            tcp.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) READ_BOUND.toMillis());
            tcp.setSoTimeout((int) READ_BOUND.toMillis());
            return tcp;
        } catch (IOException e) {
            tcp.close();
            throw e;
        }
    }

    /** POSTs {@code body} (empty: Content-Length 0) and reads the answer. */
    Response post(byte[] body) throws IOException {
        sendHead(body.length);
        out.write(body);
        out.flush();
        return readResponse();
    }

    /** Sends the head of a POST announcing {@code body}, then only its first {@code sent} bytes. */
    void postPart(byte[] body, int sent) throws IOException {
        sendHead(body.length);
        out.write(body, 0, sent);
        out.flush();
    }

    /** Writes bytes as they are (inside TLS when this is a TLS connection). */
    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Ends the connection with a TCP reset (RST), as a CPE that loses power or its link does. */
    void reset() throws IOException {
        tcp.setSoLinger(true, 0);
        tcp.close();
    }

    /**
     * Waits, reading and dropping whatever comes, until the server ends the connection (end of stream, an
     * alert, a reset); false when it is still open after {@code bound}.
     */
    boolean awaitClosedByServer(Duration bound) throws IOException {
        tcp.setSoTimeout((int) bound.toMillis());
        try {
            while (in.read() >= 0) {
                // an alert or an error response may come before the close
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException closedByAlertOrReset) {
            return true;
        }
    }

    private void sendHead(int contentLength) throws IOException {
        StringBuilder head = new StringBuilder()
                .append("POST /acs HTTP/1.1\r\n")
                .append("Host: localhost\r\n")
                .append("Content-Length: ").append(contentLength).append("\r\n");
        if (contentLength > 0) {
            head.append("Content-Type: text/xml; charset=\"utf-8\"\r\n");
        }
        if (cookie != null) {
            head.append("Cookie: ").append(cookie).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    }

    private Response readResponse() throws IOException {
        String statusLine = readLine();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        int length = 0;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            String name = colon < 0 ? line : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : line.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Integer.parseInt(value);
                case "set-cookie" -> cookie = value.split(";", 2)[0];
                case "transfer-encoding" -> throw new IOException("chunked answers are not expected: " + value);
                default -> { }
            }
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("answer cut short: " + body.length + " of " + length + " bytes");
        }
        return new Response(status, body);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the server closed the connection");
            }
            line.write(b);
        }
        String s = line.toString(StandardCharsets.US_ASCII);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void close() throws IOException {
        tcp.close();
    }
}
