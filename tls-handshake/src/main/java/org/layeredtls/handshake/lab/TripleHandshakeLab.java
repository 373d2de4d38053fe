package org.layeredtls.handshake.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.cert.KeyAlgorithm;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.session.InMemorySessionCache;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.lab.Lab;
import org.layeredtls.record.lab.LabResult;

/**
 * The triple handshake's first step, the unknown key-share (Bhargavan et al., IEEE S&amp;P 2014): a client
 * C connects to a malicious server M, which makes C's connection and its own connection to the server S
 * share one session id and one master secret ({@link KeySynchronizingAttacker}). From there the paper
 * resumes the session on both sides and renegotiates to impersonate C to S. The extended master secret
 * (RFC 7627) binds the master secret to the connection's own transcript, so the two master secrets differ.
 */
public final class TripleHandshakeLab implements Lab {

    static final CipherSuite SUITE = CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA;
    static final String ATTACKER_NAME = "mallory.test";
    private static final int SESSION_CACHE_SIZE = 16;
    private static final Duration SESSION_LIFETIME = Duration.ofMinutes(5);

    @Override
    public String name() {
        return "triple-handshake";
    }

    @Override
    public String layer() {
        return "handshake";
    }

    @Override
    public String summary() {
        return "a malicious server gives its connection to the real server the victim's master secret;"
                + " the extended master secret (RFC 7627) stops it";
    }

    @Override
    public LabResult run(PrintStream out) throws Exception {
        IssuedCertificate mallory = Pki.CA.issueServer(ATTACKER_NAME, List.of(ATTACKER_NAME), List.of(), KeyAlgorithm.RSA_2048,
                Pki.NOT_BEFORE, Pki.NOT_AFTER);
        out.println("C: a client of this stack that connects to " + ATTACKER_NAME
                + " (M, a site with a valid certificate of its own).");
        out.println("M: connects to S (this stack's server, localhost) with C's client random, and answers C with S's");
        out.println("   server random and session id; C encrypts the premaster secret to M's key, M re-encrypts it to S's.");
        out.println("Suite: " + SUITE.ianaName() + ".");
        out.println();
        out.println("1. Vulnerable: no extended master secret (C, M and S all without it).");
        Outcome plain = synchronize(mallory, false, out);
        out.println();
        out.println("2. Countermeasure: C and S negotiate the extended master secret (RFC 7627), M does the same as before.");
        Outcome extended = synchronize(mallory, true, out);
        out.println();
        out.println("With EMS the master secret is PRF(premaster, \"extended master secret\", session_hash): each connection's");
        out.println("transcript holds its own server certificate, so M cannot make them agree. (M could refuse EMS on both");
        out.println("sides to get the attack back: a client or server should then refuse the handshake, RFC 7627 §5.2-5.3.)");
        return new LabResult(plain.same(), !extended.same(), "without EMS the C-M and M-S connections "
                + (plain.same() ? "shared" : "did not share") + " the session id and the master secret "
                + plain.shortMaster() + "; with EMS their master secrets differed (" + extended.shortMaster() + " / "
                + extended.shortServerMaster() + ")");
    }

    /** What both connections ended with. */
    record Outcome(byte[] sessionIdAtC, byte[] masterAtC, byte[] sessionIdAtS, byte[] masterAtS) {
        boolean same() {
            return Arrays.equals(sessionIdAtC, sessionIdAtS) && Arrays.equals(masterAtC, masterAtS);
        }

        String shortMaster() {
            return HexFormat.of().formatHex(masterAtC, 0, 8) + "...";
        }

        String shortServerMaster() {
            return HexFormat.of().formatHex(masterAtS, 0, 8) + "...";
        }
    }

    private static Outcome synchronize(IssuedCertificate mallory, boolean ems, PrintStream out) throws Exception {
        AtomicReference<byte[]> masterAtC = new AtomicReference<>();
        AtomicReference<byte[]> masterAtS = new AtomicReference<>();
        TlsConfig server = common(Pki.server(), ems).sessionCache(new InMemorySessionCache(SESSION_CACHE_SIZE, SESSION_LIFETIME))
                .observer(keyLog(masterAtS)).build();
        KeySynchronizingAttacker attacker = new KeySynchronizingAttacker(mallory);
        TlsConfig towardsS = attacker.clientSide(common(Pki.client(), ems)).build();
        TlsConfig towardsC = attacker.serverSide(common(TlsConfig.builder(), ems)
                .sessionCache(new InMemorySessionCache(SESSION_CACHE_SIZE, SESSION_LIFETIME))).build();
        CompletableFuture<SessionInfo> atS = new CompletableFuture<>();
        SessionInfo atC;
        try (LabServer s = new LabServer(server, TlsSocket::startHandshake);
             LabServer m = new LabServer(towardsC, fromC -> connectOnwards(s.port(), towardsS, fromC, atS))) {
            try (TlsSocket c = TlsSocket.connect("127.0.0.1", m.port(),
                    common(Pki.client(), ems).serverName(ATTACKER_NAME).observer(keyLog(masterAtC)).build())) {
                atC = c.session();
            }
            SessionInfo mToS = atS.get(LabServer.READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            Outcome outcome = new Outcome(atC.sessionId(), masterAtC.get(), mToS.sessionId(), masterAtS.get());
            HexFormat hex = HexFormat.of();
            out.printf("   C-M (C's peer: %s, EMS %s): session %s..., master secret %s%n",
                    atC.peerCertificates().get(0).commonName().orElse("?"), atC.extendedMasterSecret() ? "yes" : "no",
                    hex.formatHex(atC.sessionId(), 0, 8), hex.formatHex(outcome.masterAtC(), 0, 16) + "...");
            out.printf("   M-S (S's peer: M, anonymous; EMS %s): session %s..., master secret %s%n",
                    mToS.extendedMasterSecret() ? "yes" : "no", hex.formatHex(mToS.sessionId(), 0, 8),
                    hex.formatHex(outcome.masterAtS(), 0, 16) + "...");
            out.println("   " + (outcome.same()
                    ? "the SAME session and master secret on two connections to two different servers: M can resume"
                            + " C's session with S"
                    : "different master secrets: what M learnt on one connection is worth nothing on the other"));
            return outcome;
        } catch (ExecutionException | TimeoutException failed) {
            throw new IOException("M's connection to S did not complete: " + failed.getMessage(), failed);
        }
    }

    /** M's side: while C's handshake runs, M's own connection to S runs on another thread. */
    private static void connectOnwards(int sPort, TlsConfig towardsS, TlsSocket fromC, CompletableFuture<SessionInfo> atS)
            throws IOException {
        Thread onwards = new Thread(() -> {
            try (TlsSocket toS = TlsSocket.connect("127.0.0.1", sPort, towardsS)) {
                atS.complete(toS.session());
            } catch (IOException | RuntimeException e) {
                atS.completeExceptionally(e);
            }
        }, "lab M -> S");
        onwards.setDaemon(true);
        onwards.start();
        fromC.startHandshake();
        try {
            onwards.join(LabServer.READ_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static TlsConfig.Builder common(TlsConfig.Builder builder, boolean ems) {
        return builder.versions(ProtocolVersion.TLS1_2, ProtocolVersion.TLS1_2).cipherSuites(SUITE).extendedMasterSecret(ems)
                .sessionTickets(false);
    }

    private static TlsObserver keyLog(AtomicReference<byte[]> master) {
        return new TlsObserver() {
            @Override
            public void masterSecretDerived(byte[] clientRandom, byte[] masterSecret) {
                master.set(masterSecret.clone());
            }
        };
    }
}
