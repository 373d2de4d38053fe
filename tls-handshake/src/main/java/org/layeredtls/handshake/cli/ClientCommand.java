package org.layeredtls.handshake.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.layeredtls.alert.TlsException;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.cert.CertificateRejectedException;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code s_client}: a TLS client with the options and output of {@code openssl s_client}.
 * Connects, prints the session summary, then copies standard input to the server and the server's
 * data to standard output until either side closes.
 */
@Command(name = "client", aliases = "s_client", description = "A TLS client, after openssl s_client.", mixinStandardHelpOptions = true)
public class ClientCommand implements Callable<Integer> {

    /** How long -early_data's first connection waits for the server's tickets (they follow the handshake). */
    private static final int TICKET_WAIT_MILLIS = 1000;

    @Option(names = "-connect", paramLabel = "HOST:PORT", defaultValue = "localhost:4433", description = "Where to connect (default ${DEFAULT-VALUE}).")
    String connect;
    @Option(names = "-servername", paramLabel = "NAME", description = "SNI name, and the name the certificate must carry.")
    String serverName;
    @Option(names = "-alpn", paramLabel = "LIST", description = "ALPN protocols, comma-separated.")
    String alpn;
    @Option(names = "-max_send_frag", paramLabel = "N", description = "Ask for RFC 6066 max_fragment_length N (512, 1024, 2048, 4096).")
    int maxSendFrag;
    @Option(names = "-reconnect", description = "Reconnect 5 times with the same session, printing Reused/New each time.")
    boolean reconnect;
    @Option(names = "-early_data", paramLabel = "FILE", description = "Send FILE as TLS 1.3 0-RTT data on a resumption:"
            + " this client keeps sessions in memory (no -sess_in), so it connects once for a ticket, then again with FILE.")
    java.nio.file.Path earlyData;
    @Option(names = "-quiet", description = "No session summary.")
    boolean quiet;
    @Option(names = "-showcerts", description = "Print every certificate of the server's chain in PEM (else the server's own only).")
    boolean showCerts;
    @Option(names = "-enable_pha", description = "TLS 1.3: offer post_handshake_auth, so the server may ask for our certificate (-cert) after the handshake.")
    boolean enablePha;
    @Mixin
    CommonOptions common = new CommonOptions();
    @Mixin
    KeyingMaterialOptions keyingMaterial = new KeyingMaterialOptions();
    @Mixin
    PskModeOptions pskModes = new PskModeOptions();

    private PrintStream out = System.out;
    private InputStream in = System.in;

    /** Where the command prints and reads (tests inject their own). */
    public ClientCommand io(InputStream stdin, PrintStream stdout) {
        this.in = stdin;
        this.out = stdout;
        return this;
    }

    /**
     * With -CAfile the engine verified chain and name during the handshake (a failure ends it with the
     * alert, as {@code s_client -verify_return_error}); without, what s_client would print for this chain.
     */
    private VerifyCode verifyCode(SessionInfo session, String host, TlsConfig config) {
        if (common.caFile != null) {
            return VerifyCode.OK;
        }
        return VerifyCode.untrusted(session.peerCertificates(), serverName != null ? serverName : host, Instant.now(),
                config.securityLevel());
    }

    /**
     * Copies standard input to the server, as s_client does; in TLS 1.3 a read that is just {@code k} or
     * {@code K} (a line of its own) sends KeyUpdate instead, {@code K} asking the server to update too.
     */
    private void sendInput(TlsSocket tls) {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                boolean command = n == 2 && buffer[1] == '\n' && (buffer[0] == 'k' || buffer[0] == 'K')
                        && tls.session().version().equals(org.layeredtls.record.ProtocolVersion.TLS1_3);
                if (command) {
                    out.println(buffer[0] == 'K' ? "KEYUPDATE (requesting the server's)" : "KEYUPDATE");
                    tls.keyUpdate(buffer[0] == 'K');
                } else {
                    tls.getOutputStream().write(buffer, 0, n);
                    tls.getOutputStream().flush();
                }
            }
        } catch (java.io.IOException gone) {
            // the server closed: the reading side reports how the connection ended
        }
    }

    /** TLS 1.3 tickets come after the handshake: a short read takes them in before the connection goes. */
    private static void drainTickets(TlsSocket socket) throws java.io.IOException {
        socket.socket().setSoTimeout(TICKET_WAIT_MILLIS);
        try {
            socket.getInputStream().read(new byte[1]); // what the server says on this first connection is not shown
        } catch (java.net.SocketTimeoutException noMore) {
            // the server sent no ticket in time: the next connection is a full handshake, without 0-RTT
        }
    }

    @Override
    public Integer call() throws Exception {
        int colon = connect.lastIndexOf(':');
        String host = connect.substring(0, colon);
        int port = Integer.parseInt(connect.substring(colon + 1));
        TlsConfig.Builder builder = common.configure(TlsConfig.builder(), out, true, "The illustrated session: client to " + connect)
                .clientSessionStore(new InMemoryClientSessionStore(16))
                .verifyPeer(common.caFile != null);
        if (serverName != null) {
            builder.serverName(serverName);
        }
        if (alpn != null) {
            builder.alpn(alpn.split(","));
        }
        if (maxSendFrag != 0) {
            builder.maxFragmentLength(maxSendFrag);
        }
        builder.postHandshakeAuth(enablePha); // RFC 8446 §4.2.6
        TlsConfig config = pskModes.configure(builder).build();
        try {
            out.println("CONNECTED");
            TlsSocket socket = TlsSocket.connect(host, port, config);
            if (earlyData != null) { // s_client -sess_in -early_data: a ticket first, from a connection of its own
                socket.startHandshake();
                out.println(SessionSummary.headline(socket.session()));
                drainTickets(socket);
                socket.close();
                socket = TlsSocket.connect(host, port, config);
                socket.writeEarlyData(java.nio.file.Files.readAllBytes(earlyData));
                out.println("drop connection and then reconnect");
            }
            if (reconnect) {
                socket.startHandshake();
                out.println(SessionSummary.headline(socket.session()));
                for (int i = 0; i < 5; i++) {
                    socket.close();
                    socket = TlsSocket.connect(host, port, config);
                    socket.startHandshake();
                    out.println("drop connection and then reconnect");
                    out.println(SessionSummary.headline(socket.session()));
                }
            }
            try (TlsSocket tls = socket) {
                tls.startHandshake();
                if (!quiet) {
                    SessionSummary.print(out, tls.session(), verifyCode(tls.session(), host, config), showCerts,
                            keyingMaterial.lines(tls));
                }
                if (earlyData != null) {
                    out.println(EarlyDataOptions.clientStatus(tls.earlyDataStatus()));
                }
                out.flush();
                Thread sender = new Thread(() -> {
                    sendInput(tls);
                    try {
                        tls.close(); // s_client: end of input closes the connection
                    } catch (java.io.IOException ignored) {
                        // already closed
                    }
                }, "s_client stdin");
                sender.setDaemon(true);
                sender.start();
                CommonOptions.pump(tls.getInputStream(), out);
                out.println("closed");
            }
            return 0;
        } catch (TlsException e) {
            if (e instanceof CertificateRejectedException rejected) {
                // as s_client -verify_return_error: the verify callback's line first
                VerifyCode code = VerifyCode.of(rejected.error());
                out.println("verify error:num=" + code.code() + ":" + code.text());
            }
            out.println("error: " + e.getMessage() + " (alert " + e.description() + ")");
            if (e instanceof CertificateRejectedException rejected) {
                // s_client's summary lines; its TLS 1.2 summary says "0 (ok)" here (the session
                // never stored the result), its TLS 1.3 one the code: we print the code
                out.println("Verification error: " + rejected.error().text());
                out.println("    Verify return code: " + VerifyCode.of(rejected.error()));
            }
            return 1;
        } finally {
            out.flush();
            common.closeOutputs();
        }
    }
}
