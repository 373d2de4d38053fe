package org.layeredtls.cwmp.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.crypto.SecureRandomSource;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.session.InMemorySessionCache;
import org.layeredtls.handshake.session.TicketProtector;

/**
 * The ACS's HTTPS endpoint: HTTP/1.1 (HttpCore 5, blocking) over our {@link TlsServerSocket}, a
 * thread per connection, persistent connections. Each POST on the ACS path (any path when none is
 * configured: CPEs are set up with whatever URL the operator typed) goes to the CWMP session named
 * by the cookie this server set on the InformResponse; an Inform always starts a new session
 * (TR-069 §3.4.1). An empty POST outside a session is answered 204 and starts none. The CPE's
 * identity is its certificate's subject CN (or first SAN) when the TLS handshake authenticated it;
 * otherwise, when passwords are configured, the user of HTTP Digest or Basic (Basic is acceptable
 * here because this endpoint is always TLS).
 * {@code GET} on a path added with {@link #addFile} serves that file (firmware for Download).
 * A TCP connection that closes before its first byte is closed silently (no alert, no
 * close_notify) and reported on the debug log only (see {@link FirstByteSocket}).
 *
 * <p>CPEs resume their TLS session from one CWMP session to the next: unless the configuration
 * brings its own, the server keeps a session cache and a ticket protector. A resumed session
 * carries the peer certificates of the full handshake that made it, so the identity check is
 * the same on an abbreviated handshake.
 */
public final class AcsServer implements Closeable {

    static final String COOKIE = "LTLS_ACS_SESSION";
    static final String REALM = "LayeredTLS ACS";
    private static final String IDENTITY = "cwmp.identity";
    private static final String CONNECTION_SESSION = "cwmp.session";
    private static final ContentType TEXT_XML = ContentType.create("text/xml", StandardCharsets.UTF_8);

    private final TlsServerSocket listener;
    private final SoapEndpoint endpoint;
    private final String path;
    private final Function<String, Optional<String>> passwords;
    private final DigestVerifier digest;
    private final RandomSource random;
    private final Consumer<String> log;
    private final Consumer<String> debug;
    private final int firstByteTimeoutMillis;
    private final int idleTimeoutMillis;
    private final HttpServerLoop loop;
    private final Map<String, SessionEntry> sessions = new ConcurrentHashMap<>();
    private final Map<String, SessionEntry> sessionOfIdentity = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessionsStarted = new AtomicInteger();

    private record SessionEntry(String cookie, String identity, SoapEndpoint.Session session) {
    }

    AcsServer(SoapEndpoint endpoint, TlsConfig tls, InetAddress address, int port, String path,
              Function<String, Optional<String>> passwords, Consumer<String> log, Consumer<String> debug)
            throws IOException {
        this.listener = new TlsServerSocket(FirstByteSocket.listen(address, port, tls.acceptBacklog()),
                withResumption(tls));
        this.firstByteTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, tls.handshakeTimeout().toMillis());
        this.idleTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, tls.idleTimeout().toMillis());
        this.endpoint = endpoint;
        this.path = path;
        this.passwords = passwords;
        this.random = new SecureRandomSource();
        this.digest = new DigestVerifier(REALM, random, Clock.systemUTC());
        this.log = log == null ? s -> { } : log;
        this.debug = debug == null ? s -> { } : debug;
        this.loop = new HttpServerLoop("acs", new HttpServerLoop.Acceptor() {
            @Override
            public Socket accept() throws IOException {
                return new TlsBoundSocket(listener.accept());
            }

            @Override
            public void close() throws IOException {
                listener.close();
            }

            @Override
            public boolean isClosed() {
                return listener.isClosed();
            }
        }, this::handle, this::handshake, this::connectionFailed);
    }

    /**
     * Starts an ACS over {@code engine} on {@code address:port} (0 = ephemeral).
     *
     * @param tls       the server configuration: the ACS certificate, the CA as trust anchor and
     *                  {@code ClientAuth.NEED} for the papers' mutual authentication
     * @param path      the only path CWMP is answered on, or null for any path
     * @param passwords for CPEs without a certificate (tls with {@code ClientAuth.WANT}): the
     *                  password of a user name, or null to accept only certificates
     * @param log       where connection and session events go (may be null)
     */
    public static AcsServer start(org.layeredtls.cwmp.acs.AcsEngine engine, TlsConfig tls, InetAddress address,
                                  int port, String path, Function<String, Optional<String>> passwords,
                                  Consumer<String> log) throws IOException {
        return start(engine, tls, address, port, path, passwords, log, null);
    }

    /** As {@link #start(org.layeredtls.cwmp.acs.AcsEngine, TlsConfig, InetAddress, int, String, Function, Consumer)},
     * with a {@code debug} log for what is not worth an operator's attention (may be null). */
    public static AcsServer start(org.layeredtls.cwmp.acs.AcsEngine engine, TlsConfig tls, InetAddress address,
                                  int port, String path, Function<String, Optional<String>> passwords,
                                  Consumer<String> log, Consumer<String> debug) throws IOException {
        return start(new EngineEndpoint(engine), tls, address, port, path, passwords, log, debug);
    }

    static AcsServer start(SoapEndpoint endpoint, TlsConfig tls, InetAddress address, int port, String path,
                           Function<String, Optional<String>> passwords, Consumer<String> log) throws IOException {
        return start(endpoint, tls, address, port, path, passwords, log, null);
    }

    static AcsServer start(SoapEndpoint endpoint, TlsConfig tls, InetAddress address, int port, String path,
                           Function<String, Optional<String>> passwords, Consumer<String> log,
                           Consumer<String> debug) throws IOException {
        AcsServer server = new AcsServer(endpoint, tls, address, port, path, passwords, log, debug);
        server.loop.start();
        return server;
    }

    public int getPort() {
        return listener.getLocalPort();
    }

    /** The ACS URL for a CPE, with {@code host} as the name the certificate carries ({@code /acs} when any path is answered). */
    public URI url(String host) {
        return URI.create("https://" + host + ":" + getPort() + (path == null ? "/acs" : path));
    }

    /** Serves {@code content} on {@code GET filePath} (for example a firmware image for Download). */
    public void addFile(String filePath, byte[] content) {
        files.put(filePath, content.clone());
    }

    /** Connection and session events, oldest first (refusals name the alert). */
    public List<String> events() {
        return List.copyOf(events);
    }

    /**
     * How many CWMP sessions are open: started, not yet ended with 204 or refused. A session whose CPE went
     * away (a reset, a stall cut by the idle timeout) counts until the device's next Inform supersedes it.
     */
    public int openSessions() {
        return sessions.size();
    }

    /** How many CWMP sessions (Informs) this server has started. */
    public int sessionsStarted() {
        return sessionsStarted.get();
    }

    private void event(String line) {
        events.add(line);
        log.accept(line);
    }

    /** The server's configuration with a session cache and a ticket protector where it has none. */
    static TlsConfig withResumption(TlsConfig tls) {
        TlsConfig.Builder builder = tls.toBuilder();
        if (tls.sessionCache() == null) {
            builder.sessionCache(new InMemorySessionCache(1024, java.time.Duration.ofHours(1))); // RFC 5246 §7.4.1.2
        }
        if (tls.ticketProtector() == null) {
            builder.ticketProtector(TicketProtector.withDefaults()); // RFC 5077
        }
        return builder.build();
    }

    /**
     * Runs on the connection's thread: the TLS handshake, then the identity the certificate proves.
     * On a resumed session the certificates are those the full handshake checked (RFC 5246 §7.3).
     */
    private void handshake(Socket socket, HttpContext context) throws IOException {
        socket.setSoTimeout(idleTimeoutMillis); // TlsConfig.idleTimeout: a stalled CPE cannot hold its thread
        TlsSocket tls = ((TlsBoundSocket) socket).tls();
        if (tls.socket() instanceof FirstByteSocket tcp && !tcp.awaitFirstByte(firstByteTimeoutMillis)) {
            tcp.close(); // nothing was said: nothing to answer, not even close_notify
            throw new ClosedBeforeFirstByte();
        }
        tls.startHandshake();
        SessionInfo session = tls.session();
        List<Certificate> peer = session.peerCertificates();
        String identity = peer.isEmpty() ? null : identityOf(peer.get(0));
        if (identity != null) {
            context.setAttribute(IDENTITY, identity);
        }
        event("TLS " + (session.resumed() ? "resumed" : "full") + " handshake with " + socket.getRemoteSocketAddress()
                + ", " + (identity == null ? "no client certificate" : "certificate identity " + identity));
    }

    /** The device identity a client certificate proves: its CN, or else its first SAN. */
    static String identityOf(Certificate certificate) {
        if (certificate.commonName().isPresent()) {
            return certificate.commonName().get();
        }
        return certificate.subjectAltName().flatMap(san -> san.dnsNames().stream().findFirst()).orElse(null);
    }

    /** The peer closed the TCP connection before it sent a byte (a port probe): not a failure. */
    private static final class ClosedBeforeFirstByte extends IOException {
        private static final long serialVersionUID = 1L;

        ClosedBeforeFirstByte() {
            super("closed before its first byte");
        }
    }

    private void connectionFailed(Socket socket, Exception error) {
        String who = socket == null ? "listener" : String.valueOf(socket.getRemoteSocketAddress());
        if (error instanceof ClosedBeforeFirstByte) {
            debug.accept("connection " + who + " closed before its first byte: closed silently");
        } else if (error instanceof TlsAlertException sent) {
            event("refused " + who + ": sent alert " + sent.alert().description().rfcName() + " (" + sent.getMessage() + ")");
        } else if (error instanceof TlsAlertReceivedException received) {
            event("refused " + who + ": received alert " + received.alert().description().rfcName());
        } else {
            event("connection " + who + " failed: " + error);
        }
    }

    private void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context)
            throws IOException {
        String target = stripQuery(request.getRequestUri());
        if (Method.GET.isSame(request.getMethod()) && files.containsKey(target)) {
            response.setCode(HttpStatus.SC_OK);
            response.setEntity(new ByteArrayEntity(files.get(target), ContentType.APPLICATION_OCTET_STREAM));
            return;
        }
        if (path != null && !path.equals(target)) {
            response.setCode(HttpStatus.SC_NOT_FOUND);
            return;
        }
        if (!Method.POST.isSame(request.getMethod())) {
            response.setCode(HttpStatus.SC_METHOD_NOT_ALLOWED);
            response.setHeader(HttpHeaders.ALLOW, "POST");
            return;
        }
        byte[] body = request.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(request.getEntity());
        String identity = (String) context.getAttribute(IDENTITY);
        if (identity == null && passwords != null) {
            identity = httpUser(request);
            if (identity == null) {
                response.setCode(HttpStatus.SC_UNAUTHORIZED);
                response.addHeader(HttpHeaders.WWW_AUTHENTICATE, digest.challenge());
                response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
                return;
            }
            context.setAttribute(IDENTITY, identity); // this connection is authenticated from now on
        }
        SessionEntry entry = findSession(request, context);
        if ((entry == null || entry.session().isOver()) && isEmpty(body)) {
            // TR-069 §3.7.2.4: an empty POST asks the ACS for its requests; with no session there are
            // none, and a session begins only with an Inform (§3.7.1.1): 204, no session, no cookie.
            response.setCode(HttpStatus.SC_NO_CONTENT);
            debug.accept("empty POST outside a session from " + (identity == null ? "an unauthenticated CPE" : identity)
                    + ": 204");
            return;
        }
        boolean inform = SoapMethod.of(body).filter("Inform"::equals).isPresent();
        if (entry == null || inform || entry.session().isOver()) {
            if (entry != null) {
                sessions.remove(entry.cookie());
            }
            String cookie = HexFormat.of().formatHex(random.nextBytes(16));
            entry = new SessionEntry(cookie, identity, endpoint.newSession(identity));
            sessions.put(cookie, entry);
            SessionEntry superseded = identity == null ? null : sessionOfIdentity.put(identity, entry);
            if (superseded != null) { // one session per device: its new Inform ends one it abandoned (reset, stall)
                sessions.remove(superseded.cookie());
            }
            context.setAttribute(CONNECTION_SESSION, entry);
            response.addHeader(new BasicHeader(HttpHeaders.SET_COOKIE, COOKIE + "=" + cookie + "; Path="
                    + (path == null ? "/" : path) + "; Secure; HttpOnly"));
            sessionsStarted.incrementAndGet();
            event("session started for " + (identity == null ? "an unauthenticated CPE" : identity));
        } else if (!java.util.Objects.equals(entry.identity(), identity)) {
            refuse(response, HttpStatus.SC_FORBIDDEN, "a session cookie used by another identity");
            return;
        }
        byte[] answer;
        try {
            answer = entry.session().onPost(body);
            if (inform) {
                String device = entry.session().deviceId().orElse("?");
                event("Inform from " + device + " accepted: " + (identity == null
                        ? "no identity to check (no client certificate, no HTTP user)"
                        : "authenticated identity " + identity + " checked against it"));
            }
        } catch (SoapEndpoint.Refused refused) {
            forget(entry);
            context.removeAttribute(CONNECTION_SESSION);
            event("session refused (" + refused.status + "): " + refused.getMessage());
            response.setCode(refused.status);
            if (refused.closeConnection) {
                response.setHeader(HttpHeaders.CONNECTION, "close");
            }
            return;
        }
        if (answer == null) { // TR-069 §3.7.2.4: 204 ends the session
            forget(entry);
            context.removeAttribute(CONNECTION_SESSION);
            response.setCode(HttpStatus.SC_NO_CONTENT);
            event("session ended for " + entry.session().deviceId().orElse(String.valueOf(identity)));
            return;
        }
        response.setCode(HttpStatus.SC_OK);
        response.setEntity(new ByteArrayEntity(answer, TEXT_XML));
    }

    private void forget(SessionEntry entry) {
        sessions.remove(entry.cookie());
        if (entry.identity() != null) {
            sessionOfIdentity.remove(entry.identity(), entry);
        }
    }

    private SessionEntry findSession(ClassicHttpRequest request, HttpContext context) {
        for (var header : request.getHeaders(HttpHeaders.COOKIE)) {
            for (String pair : header.getValue().split(";")) {
                String[] nv = pair.strip().split("=", 2);
                if (nv.length == 2 && nv[0].equals(COOKIE)) {
                    SessionEntry entry = sessions.get(nv[1]);
                    if (entry != null) {
                        return entry;
                    }
                }
            }
        }
        return (SessionEntry) context.getAttribute(CONNECTION_SESSION);
    }

    /** The user an Authorization header proves, or null. */
    private String httpUser(ClassicHttpRequest request) {
        var header = request.getFirstHeader(HttpHeaders.AUTHORIZATION);
        AuthParams auth = header == null ? null : AuthParams.parse(header.getValue()).orElse(null);
        if (auth == null) {
            return null;
        }
        if (auth.isScheme("Basic") && auth.get("token68") != null) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.get("token68")), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String user = decoded.substring(0, colon);
            Optional<String> expected = passwords.apply(user);
            return expected.isPresent() && java.security.MessageDigest.isEqual(
                    expected.get().getBytes(StandardCharsets.UTF_8),
                    decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8)) ? user : null;
        }
        if (auth.isScheme("Digest") && auth.get("username") != null) {
            String user = auth.get("username");
            Optional<String> expected = passwords.apply(user);
            return expected.isPresent() && digest.verify(header.getValue(), request.getMethod(),
                    request.getRequestUri(), user, expected.get()) ? user : null;
        }
        return null;
    }

    private void refuse(ClassicHttpResponse response, int status, String why) {
        event("refused request (" + status + "): " + why);
        response.setCode(status);
        response.setHeader(HttpHeaders.CONNECTION, "close");
    }

    /** An empty POST: no body, or only white space (TR-069 §3.7.2.4 says Content-Length 0). */
    private static boolean isEmpty(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
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
