package org.layeredtls.handshake.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.intercept.OutgoingFlight;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.relay.Direction;
import org.layeredtls.handshake.relay.RecordVerdict;
import org.layeredtls.handshake.relay.RelayInterceptor;
import org.layeredtls.handshake.relay.examples.DowngradeClientHello;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.RecordHeader;
import org.layeredtls.record.RecordLimits;
import org.layeredtls.record.lab.Lab;
import org.layeredtls.record.lab.LabResult;

/**
 * The version downgrade: a client that retries with a lower version when a handshake fails (the
 * "downgrade dance" browsers did until 2015) lets a man in the middle choose the version: it only has
 * to break every hello above the version it wants. TLS_FALLBACK_SCSV (RFC 7507) stops it: the
 * client marks each retry, and a server that supports a higher version than the retry offers answers
 * {@code inappropriate_fallback}. Rewriting the hello's version instead never worked: the Finished
 * messages cover the hello (RFC 5246 §7.4.9), and today the server's downgrade sentinel (RFC 8446 §4.1.3)
 * stops it even earlier, at the ServerHello.
 */
public final class DowngradeLab implements Lab {

    /** What the client offers first, then at each retry, highest first. */
    static final List<ProtocolVersion> FALLBACK_ORDER = List.of(ProtocolVersion.TLS1_2, ProtocolVersion.TLS1_1,
            ProtocolVersion.TLS1_0);
    /** A suite for TLS 1.2 and one that TLS 1.0 and 1.1 can use. */
    static final List<CipherSuite> SUITES = List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA);

    @Override
    public String name() {
        return "downgrade";
    }

    @Override
    public String layer() {
        return "handshake";
    }

    @Override
    public String summary() {
        return "a man in the middle breaks hellos until the client falls back to TLS 1.0; TLS_FALLBACK_SCSV (RFC 7507) stops it";
    }

    @Override
    public LabResult run(PrintStream out) throws Exception {
        TlsConfig serverConfig = Pki.server().versions(ProtocolVersion.TLS1_0, ProtocolVersion.TLS1_2).securityLevel(0)
                .cipherSuites(SUITES).build();
        try (LabServer server = new LabServer(serverConfig, TlsSocket::startHandshake);
             LabRelay attacker = new LabRelay(server.port(), BreakHellosAboveTls10::new);
             LabRelay rewriter = new LabRelay(server.port(), DowngradeClientHello::new)) {
            out.println("Server: this stack, TLS 1.0 to TLS 1.2. Man in the middle: a relay that cuts every connection");
            out.println("whose ClientHello offers more than TLS 1.0 (as a broken middlebox would).");
            out.println();
            out.println("1. Vulnerable: a client that falls back to a lower version when a handshake fails, unmarked.");
            Optional<ProtocolVersion> vulnerable = fallbackDance(attacker.port(), false, out);
            out.println();
            out.println("2. Countermeasure: the same client marks each retry with TLS_FALLBACK_SCSV (RFC 7507 §4).");
            Optional<ProtocolVersion> marked = fallbackDance(attacker.port(), true, out);
            Optional<String> refusal = marked.isEmpty()
                    ? server.awaitFailure(f -> f.contains("TLS_FALLBACK_SCSV"), LabServer.READ_TIMEOUT_MILLIS)
                    : Optional.empty();
            out.println("   the server's side: " + refusal.orElse("no refusal"));
            out.println();
            out.println("3. The other way to downgrade: rewrite client_version in the hello to TLS 1.1 (relay example");
            out.println("   DowngradeClientHello). The server agrees on TLS 1.1, but it ends its random with the downgrade");
            out.println("   sentinel DOWNGRD 00 (RFC 8446 §4.1.3), and both transcripts hold the hello.");
            Optional<ProtocolVersion> rewritten = attempt(rewriter.port(), ProtocolVersion.TLS1_2, false, out);
            out.println("   (a client that did not check the sentinel would fail the Finished check: with the extended");
            out.println("   master secret, RFC 7627, the keys themselves hash the hello, so the Finished record does not");
            out.println("   even open; without it, its verify_data would not match)");
            boolean downgraded = vulnerable.equals(Optional.of(ProtocolVersion.TLS1_0));
            boolean stopped = marked.isEmpty() && refusal.isPresent() && rewritten.isEmpty();
            out.println();
            out.println("Without the SCSV the attacker chose the version: "
                    + vulnerable.map(ProtocolVersion::displayName).orElse("no connection")
                    + "; with it, every downgraded connection was refused (inappropriate_fallback),");
            out.println("and the rewritten hello was caught by the downgrade sentinel.");
            return new LabResult(downgraded, stopped, "without TLS_FALLBACK_SCSV the client ended on "
                    + vulnerable.map(ProtocolVersion::displayName).orElse("no connection")
                    + "; with it the server answered inappropriate_fallback; a rewritten hello was caught by the downgrade sentinel");
        }
    }

    /** The client's downgrade dance: the highest version first, then one lower after each failure. */
    private static Optional<ProtocolVersion> fallbackDance(int port, boolean markFallbacks, PrintStream out) {
        for (ProtocolVersion max : FALLBACK_ORDER) {
            boolean fallback = !max.equals(FALLBACK_ORDER.get(0));
            Optional<ProtocolVersion> agreed = attempt(port, max, markFallbacks && fallback, out);
            if (agreed.isPresent()) {
                return agreed;
            }
        }
        out.println("   the client gives up: no connection (the attacker can deny service, not downgrade)");
        return Optional.empty();
    }

    /** One connection offering at most {@code max}; the version agreed, or empty when the handshake failed. */
    private static Optional<ProtocolVersion> attempt(int port, ProtocolVersion max, boolean scsv, PrintStream out) {
        TlsConfig.Builder config = Pki.client().versions(ProtocolVersion.TLS1_0, max).securityLevel(0).cipherSuites(SUITES);
        if (scsv) {
            config.handshakeInterceptor(new FallbackScsv());
        }
        String offer = "   offer up to " + max.displayName() + (scsv ? " + TLS_FALLBACK_SCSV" : "") + ": ";
        try (TlsSocket client = TlsSocket.connect("127.0.0.1", port, config.build())) {
            ProtocolVersion agreed = client.session().version();
            out.println(offer + "connected with " + agreed.displayName());
            return Optional.of(agreed);
        } catch (TlsAlertReceivedException refused) {
            out.println(offer + "the server answered fatal " + refused.alert().description().rfcName());
        } catch (IOException failed) {
            out.println(offer + "failed: " + failed.getMessage());
        }
        return Optional.empty();
    }

    /**
     * The attacker: cuts the connection at a ClientHello whose client_version is above TLS 1.0 (read
     * from the record in the clear: RFC 5246 §7.4.1.2, right after the 4-byte handshake header).
     */
    public static final class BreakHellosAboveTls10 implements RelayInterceptor {
        @Override
        public RecordVerdict record(Direction direction, RecordHeader header, byte[] record) {
            int body = RecordLimits.HEADER_LENGTH + 4;
            if (direction.fromClient() && header.type() == ContentType.HANDSHAKE && record.length > body + 1
                    && (record[RecordLimits.HEADER_LENGTH] & 0xFF) == HandshakeType.CLIENT_HELLO.code()
                    && new ProtocolVersion(record[body] & 0xFF, record[body + 1] & 0xFF).compareTo(ProtocolVersion.TLS1_0) > 0) {
                return RecordVerdict.truncate();
            }
            return RecordVerdict.pass(record);
        }
    }

    /**
     * RFC 7507 §4: a client that retries with a lower version than it supports puts TLS_FALLBACK_SCSV
     * last in the retry's cipher_suites. Sent through the research hook, so it is hashed as sent.
     */
    static final class FallbackScsv implements HandshakeInterceptor {
        @Override
        public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
            if (message.type() != HandshakeType.CLIENT_HELLO) {
                HandshakeInterceptor.super.message(message, flight);
                return;
            }
            ClientHello hello = (ClientHello) message.message();
            List<Integer> suites = new ArrayList<>(hello.cipherSuites());
            suites.add(CipherSuite.TLS_FALLBACK_SCSV.code());
            flight.send(new ClientHello(hello.clientVersion(), hello.random(), hello.sessionId(), suites,
                    hello.compressionMethods(), hello.extensions()));
            flight.flushRecord();
        }
    }
}
