package org.layeredtls.cwmp.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.util.function.Supplier;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.Method;
import org.layeredtls.crypto.RandomSource;

/**
 * The CPE's Connection Request listener (TR-069 §3.2.2): plain HTTP (not TLS), a {@code GET}
 * authenticated with HTTP Digest (MD5, qop=auth) against the ConnectionRequestUsername and
 * ConnectionRequestPassword only, and never while either is empty (then every request gets 401). A
 * good request is answered {@code 200} with an empty body at once; what happens next (a session with {@code 6 CONNECTION REQUEST}) is the
 * {@link Handler}'s business, which may answer that it is rate-limiting ({@code 503}).
 */
public final class ConnectionRequestServer implements Closeable {

    /** The realm of the Digest challenge. */
    public static final String REALM = "LayeredTLS CPE Connection Request";

    /** What the CPE does with an authenticated Connection Request. */
    public interface Handler {
        /** Called once per authenticated request; false means "rate-limiting": 503. */
        boolean connectionRequested();
    }

    /** A user name and password pair; null stands for the empty string. */
    public record Credentials(String username, String password) {
        public Credentials {
            username = username == null ? "" : username;
            password = password == null ? "" : password;
        }

        /** Both set: empty credentials never authenticate anybody. */
        public boolean configured() {
            return !username.isEmpty() && !password.isEmpty();
        }

        @Override
        public String toString() {
            return "Credentials[" + username + ", ****]";
        }
    }

    private final ServerSocket listener;
    private final HttpServerLoop loop;
    private final DigestVerifier digest;
    private final Supplier<Credentials> credentials;
    private final Handler handler;
    private final String path;

    private ConnectionRequestServer(ServerSocket listener, String path, Supplier<Credentials> credentials,
                                    Handler handler, RandomSource random, Clock clock) {
        this.listener = listener;
        this.path = path;
        this.credentials = credentials;
        this.handler = handler;
        this.digest = new DigestVerifier(REALM, random, clock);
        this.loop = new HttpServerLoop("cpe-connection-request", new HttpServerLoop.Acceptor() {
            @Override
            public Socket accept() throws IOException {
                return listener.accept();
            }

            @Override
            public void close() throws IOException {
                listener.close();
            }

            @Override
            public boolean isClosed() {
                return listener.isClosed();
            }
        }, this::handle, (socket, context) -> socket.setSoTimeout(30_000), (socket, error) -> { });
    }

    /**
     * Listens on {@code address:port} (0 = ephemeral) for GETs on {@code path}; the credentials
     * are read at each request, so that a change made by the ACS takes effect at once.
     */
    public static ConnectionRequestServer start(InetAddress address, int port, String path,
                                                Supplier<Credentials> credentials, Handler handler,
                                                RandomSource random, Clock clock) throws IOException {
        ConnectionRequestServer server = new ConnectionRequestServer(new ServerSocket(port, 50, address), path,
                credentials, handler, random, clock);
        server.loop.start();
        return server;
    }

    /** The ConnectionRequestURL to publish in the data model. */
    public URI url() {
        String host = listener.getInetAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + listener.getLocalPort() + path);
    }

    public int getPort() {
        return listener.getLocalPort();
    }

    private void handle(ClassicHttpRequest request, ClassicHttpResponse response,
                        org.apache.hc.core5.http.protocol.HttpContext context) {
        if (!Method.GET.isSame(request.getMethod())) {
            response.setCode(HttpStatus.SC_METHOD_NOT_ALLOWED);
            response.setHeader(HttpHeaders.ALLOW, "GET");
            return;
        }
        if (!path.equals(stripQuery(request.getRequestUri()))) {
            response.setCode(HttpStatus.SC_NOT_FOUND);
            return;
        }
        Credentials expected = credentials.get();
        var authorization = request.getFirstHeader(HttpHeaders.AUTHORIZATION);
        // TR-069 §3.2.2: only the ConnectionRequestUsername/Password the ACS set; until both are set
        // (a factory-fresh CPE has neither), nobody can make a Connection Request.
        if (authorization == null || expected == null || !expected.configured()
                || !digest.verify(authorization.getValue(), request.getMethod(), request.getRequestUri(),
                        expected.username(), expected.password())) {
            response.setCode(HttpStatus.SC_UNAUTHORIZED); // RFC 7616 §3.3: a new challenge each time
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, digest.challenge());
            return;
        }
        // TR-069 §3.2.2: answer at once with an empty body; the session follows within 30 s.
        response.setCode(handler.connectionRequested() ? HttpStatus.SC_OK : HttpStatus.SC_SERVICE_UNAVAILABLE);
    }

    private static String stripQuery(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    @Override
    public void close() throws IOException {
        loop.close();
    }
}
