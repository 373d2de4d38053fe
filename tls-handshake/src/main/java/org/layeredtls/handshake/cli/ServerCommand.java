package org.layeredtls.handshake.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;

import org.layeredtls.alert.TlsException;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.trace.CertificateLines;
import org.layeredtls.handshake.trace.TlsObservers;
import org.layeredtls.handshake.cert.CertificateValidator;
import org.layeredtls.handshake.session.InMemorySessionCache;
import org.layeredtls.handshake.session.TicketProtector;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code s_server}: a TLS server with the options of {@code openssl s_server}. Prints
 * {@code ACCEPT host:port} once it listens; per connection, by default copies the client's data to
 * standard output and standard input to the client; {@code -echo} sends the client's data back;
 * {@code -www} answers an HTTP GET with a page listing the session's parameters. As s_server, a read of
 * standard input that is just {@code c} (a line of its own) is a command: in TLS 1.3, ask the client for its
 * certificate after the handshake (RFC 8446 §4.6.2; the client must have offered it, s_client's {@code -enable_pha}).
 *
 * <p>The server outlives its connections: whatever one client does (connect and close, reset,
 * a record cut short, an alert, a handshake that never ends, any exception) ends that
 * connection only, with one {@code error:} line, and the next connection is served. Only
 * {@code -naccept} ends the process.
 */
@Command(name = "server", aliases = "s_server", description = "A TLS server, after openssl s_server.", mixinStandardHelpOptions = true)
public class ServerCommand implements Callable<Integer> {

    @Option(names = "-accept", paramLabel = "[HOST:]PORT", defaultValue = "4433", converter = AcceptAddress.Converter.class,
            description = {"Where to listen, as s_server: PORT (on the loopback address), HOST:PORT, [IPv6]:PORT or *:PORT (every address);",
                    "port 0 for an ephemeral one (default ${DEFAULT-VALUE})."})
    AcceptAddress accept;
    @Option(names = "-verify", paramLabel = "DEPTH", description = "Ask for a client certificate (want); DEPTH is accepted but not enforced (see OBSERVE.md).")
    Integer verify;
    @Option(names = "-Verify", paramLabel = "DEPTH", description = "Require a client certificate (need); DEPTH as for -verify.")
    Integer verifyRequired;
    @Option(names = "-alpn", paramLabel = "LIST", description = "ALPN protocols the server accepts, comma-separated, in its order of preference.")
    String alpn;
    @Option(names = "-www", description = "Answer an HTTP GET with a status page of the session.")
    boolean www;
    @Option(names = "-echo", description = "Send back whatever the client sends.")
    boolean echo;
    @Option(names = "-naccept", paramLabel = "N", defaultValue = "-1", description = "Stop after N connections (default: never).")
    int naccept;
    @Option(names = "-client_renegotiation", description = "Accept renegotiation started by the client (refused by default, as OpenSSL 3).")
    boolean clientRenegotiation;
    @Option(names = "-handshake_timeout", paramLabel = "SECONDS", description = "End a handshake that takes longer with a fatal handshake_failure "
            + "(default 30; with -www, also the time the client has to send its request). Not an OpenSSL option.")
    Integer handshakeTimeout;
    @Mixin
    CommonOptions common = new CommonOptions();
    @Mixin
    KeyingMaterialOptions keyingMaterial = new KeyingMaterialOptions();
    @Mixin
    EarlyDataOptions earlyData = new EarlyDataOptions();
    @Mixin
    PskModeOptions pskModes = new PskModeOptions();
    @Option(names = "-stateless", description = "TLS 1.3: answer every first ClientHello with a HelloRetryRequest and a cookie"
            + " (\"Require TLSv1.3 cookies\", as OpenSSL).")
    boolean stateless;

    private final Object currentLock = new Object();
    private OutputStream current; // the connection standard input goes to; guarded by currentLock
    private TlsSocket currentSocket; // its socket, for the c command; guarded by currentLock
    private Thread stdinReader;
    private PrintStream out = System.out;
    private InputStream in = System.in;

    /** Where the command prints and reads (tests inject their own). */
    public ServerCommand io(InputStream stdin, PrintStream stdout) {
        this.in = stdin;
        this.out = stdout;
        return this;
    }

    @Override
    public Integer call() throws Exception {
        if (common.cert == null) {
            out.println("error: s_server needs -cert (and -key)");
            return 1;
        }
        TlsConfig.Builder builder = common.configure(TlsConfig.builder(), out, false, "The illustrated session: server on port " + accept.port())
                .sessionCache(new InMemorySessionCache(1024, Duration.ofHours(2)))
                .ticketProtector(TicketProtector.withDefaults());
        builder.clientAuth(verifyRequired != null ? ClientAuth.NEED : verify != null ? ClientAuth.WANT : ClientAuth.NONE);
        if (verifyRequired != null || verify != null) {
            // s_server's words. The depth is not enforced: TlsConfig has no depth limit, the engine's
            // CertificateValidator builds paths of up to MAX_DEPTH certificates (see OBSERVE.md).
            out.println("verify depth is " + (verifyRequired != null ? verifyRequired + ", must return a certificate" : verify)
                    + " (not enforced: paths up to " + CertificateValidator.MAX_DEPTH + " certificates)");
        }
        if (alpn != null) {
            builder.alpn(alpn.split(","));
        }
        builder.clientRenegotiation(clientRenegotiation);
        if (handshakeTimeout != null) {
            builder.handshakeTimeout(Duration.ofSeconds(handshakeTimeout));
        }
        earlyData.configure(builder);
        if (stateless) {
            builder.helloRetryCookie(org.layeredtls.handshake.api.HelloRetryCookie.STATELESS);
        }
        TlsConfig configured = pskModes.configure(builder).build();
        TlsConfig config = configured.toBuilder()
                .observer(TlsObservers.of(configured.observer(), postHandshakeCertificatePrinter())).build();
        try (TlsServerSocket listener = TlsServerSocket.bind(accept.bindAddress(), accept.port(), config)) {
            out.println("ACCEPT " + AcceptAddress.format(listener.getInetAddress(), listener.getLocalPort()));
            out.flush();
            for (int served = 0; naccept < 0 || served < naccept; served++) {
                TlsSocket socket;
                try {
                    socket = listener.accept();
                } catch (java.io.IOException e) {
                    if (listener.isClosed()) {
                        throw e;
                    }
                    out.println("error: accept: " + e); // this connection only; the listener goes on
                    out.flush();
                    continue;
                }
                serveOne(socket, config);
                common.writeIllustration();
            }
            return 0;
        } finally {
            common.closeOutputs();
        }
    }

    /** Serves one connection; whatever goes wrong is one line, and the caller goes on to the next. */
    private void serveOne(TlsSocket socket, TlsConfig config) {
        try (socket) {
            serve(socket, config);
        } catch (TlsException e) {
            out.println("error: " + e.getMessage() + " (alert " + e.description() + ")");
        } catch (Exception e) { // EOF anywhere, reset, timeout, or a bug: this connection only
            out.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        out.flush();
    }

    private void serve(TlsSocket socket, TlsConfig config) throws java.io.IOException {
        socket.startHandshake();
        earlyData.print(socket, out); // s_server prints it before the summary
        SessionInfo session = socket.session();
        if (!www && !echo) {
            // Before the summary is printed: whoever reads it may type at once.
            startStdinReader();
            setCurrent(socket);
        }
        out.println(SessionSummary.headline(session));
        if (!session.peerCertificates().isEmpty()) { // as s_server: the client's certificate
            CertificateLines.peerCertificate(session.peerCertificates().get(0), "Client", true).forEach(out::println);
        }
        keyingMaterial.lines(socket).forEach(out::println);
        out.flush();
        if (www) {
            // A single-threaded server: the request has the handshake's time to arrive.
            socket.socket().setSoTimeout((int) config.handshakeTimeout().toMillis());
            WwwRequestHead.Outcome request = WwwRequestHead.read(new java.io.BufferedInputStream(socket.getInputStream()));
            if (request == WwwRequestHead.Outcome.ENDED) {
                throw new java.io.EOFException("the client closed before the end of its request");
            }
            OutputStream body = socket.getOutputStream();
            if (request.status != null) {
                body.write(("HTTP/1.0 " + request.status + "\r\nContent-type: text/plain\r\nConnection: close\r\n\r\n"
                        + request.status + "\n").getBytes(StandardCharsets.ISO_8859_1));
                body.flush();
                throw new java.io.IOException("refused the request: " + request.status);
            }
            body.write(("HTTP/1.0 200 ok\r\nContent-type: text/plain\r\n\r\n" + statusPage(session))
                    .getBytes(StandardCharsets.ISO_8859_1));
            body.flush();
        } else if (echo) {
            CommonOptions.pump(socket.getInputStream(), socket.getOutputStream());
        } else {
            try {
                CommonOptions.pump(socket.getInputStream(), out);
            } finally {
                setCurrent(null);
            }
        }
        out.println("DONE");
    }

    private void setCurrent(TlsSocket connection) {
        synchronized (currentLock) {
            current = connection == null ? null : connection.getOutputStream();
            currentSocket = connection;
            currentLock.notifyAll();
        }
    }

    /**
     * s_server's {@code c}: a TLS 1.3 CertificateRequest after the handshake (RFC 8446 §4.6.2). The client's
     * answer is read with its data; the certificate it proves is printed as the handshake's is.
     */
    private void requestClientCertificate(TlsSocket socket) throws java.io.IOException {
        if (!socket.session().version().equals(org.layeredtls.record.ProtocolVersion.TLS1_3)) {
            out.println("This command only works in TLSv1.3"); // s_server's words
        } else {
            try {
                socket.requestClientCertificate();
                out.println("CERTIFICATE REQUEST sent (post-handshake)");
            } catch (IllegalStateException refused) {
                out.println("Failed to initiate request: " + refused.getMessage());
            }
        }
        out.flush();
    }

    /** Prints the certificate a client proved after the handshake, as s_server prints the handshake's. */
    private TlsObserver postHandshakeCertificatePrinter() {
        return new TlsObserver() {
            @Override
            public void clientAuthenticatedAfterHandshake(java.util.List<org.layeredtls.handshake.cert.Certificate> chain) {
                if (chain.isEmpty()) {
                    out.println("No client certificate (post-handshake)");
                } else {
                    CertificateLines.peerCertificate(chain.get(0), "Client", true).forEach(out::println);
                }
                out.flush();
            }
        };
    }

    /**
     * One reader of standard input for the whole run: what is typed goes to the connection being
     * served (as s_server), not to a thread left over from an earlier connection. Between
     * connections it waits, as s_server leaves its standard input unread until a client is there.
     */
    private void startStdinReader() {
        if (stdinReader != null) {
            return;
        }
        stdinReader = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    OutputStream to;
                    TlsSocket socket;
                    synchronized (currentLock) {
                        while (current == null) {
                            currentLock.wait();
                        }
                        to = current;
                        socket = currentSocket;
                    }
                    try {
                        if (n == 2 && buffer[0] == 'c' && buffer[1] == '\n') { // a command takes its whole read, as in s_server
                            requestClientCertificate(socket);
                            continue;
                        }
                        to.write(buffer, 0, n);
                        to.flush();
                    } catch (java.io.IOException gone) {
                        // this connection is closing: the next one gets what is typed next
                    }
                }
            } catch (java.io.IOException ended) {
                // standard input is gone
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "s_server stdin");
        stdinReader.setDaemon(true);
        stdinReader.start();
    }

    /** The -www page: the session's parameters, as s_server -www lists them. */
    static String statusPage(SessionInfo s) {
        StringBuilder page = new StringBuilder("LayeredTLS s_server -www\n");
        page.append("Protocol  : ").append(s.version().displayName()).append('\n');
        page.append("Cipher    : ").append(s.cipherSuite().openSslName()).append(" (").append(s.cipherSuite().ianaName()).append(")\n");
        page.append("Session-ID: ").append(HexFormat.of().withUpperCase().formatHex(s.sessionId())).append('\n');
        page.append("Reused    : ").append(s.resumed() ? "yes" : "no").append('\n');
        page.append("Extended master secret: ").append(s.extendedMasterSecret() ? "yes" : "no").append('\n');
        page.append("Encrypt-then-MAC: ").append(s.encryptThenMac() ? "yes" : "no").append('\n');
        page.append("Secure renegotiation: ").append(s.secureRenegotiation() ? "yes" : "no").append('\n');
        page.append("Compression: ").append(SessionSummary.compression(s.compression())).append('\n');
        page.append("ALPN      : ").append(s.applicationProtocol() == null ? "none" : s.applicationProtocol()).append('\n');
        page.append("Client certificate: ").append(s.peerCertificates().isEmpty() ? "none" : s.peerCertificates().get(0).subject()).append('\n');
        return page.toString();
    }
}
