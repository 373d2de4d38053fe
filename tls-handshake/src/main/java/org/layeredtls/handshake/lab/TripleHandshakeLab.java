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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.cert.KeyAlgorithm;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;
import org.layeredtls.handshake.session.InMemorySessionCache;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.lab.Lab;
import org.layeredtls.record.lab.LabResult;

/**
 * The triple handshake's first two steps (Bhargavan et al., IEEE S&amp;P 2014): a client C connects to a
 * malicious server M, which makes C's connection and its own connection to the server S share one session
 * id and one master secret ({@link KeySynchronizingAttacker}, the unknown key-share); when C comes back to
 * resume its session, M only forwards, and C resumes with S ({@link MaliciousSite}). The paper goes on with a
 * renegotiation to impersonate C to S. The extended master secret (RFC 7627) binds the master secret to
 * the connection's own transcript, so the two master secrets differ and the resumption fails.
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
        Outcome plain = synchronize(mallory, false, false, out);
        out.println();
        out.println("2. Countermeasure: C and S negotiate the extended master secret (RFC 7627); M does the same as before.");
        Outcome extended = synchronize(mallory, true, true, out);
        out.println();
        out.println("With EMS the master secret is PRF(premaster, \"extended master secret\", session_hash): each connection's");
        out.println("transcript holds its own server certificate, so M cannot make them agree.");
        out.println();
        out.println("3. And if M refuses EMS on both of its connections? C and S offer it, as before, but do not require it.");
        Outcome refused = synchronize(mallory, true, false, out);
        if (refused.same() && !refused.resumedThroughM()) {
            out.println("   The first step works again (C and S went on without EMS), the second does not: C offers EMS when it");
            out.println("   resumes, the session was made without it, so S must not resume it (RFC 7627 §5.3) and runs a full");
            out.println("   handshake, with its own certificate. Requiring EMS (RFC 7627 §5.2-5.3 allows it) would stop the first");
            out.println("   step too; this stack offers EMS by default but has no setting to require it.");
        }
        return new LabResult(plain.same() && plain.resumedThroughM(), !extended.same() && !extended.resumedThroughM(),
                "without EMS the C-M and M-S connections " + (plain.same() ? "shared" : "did not share")
                + " the session id and the master secret " + plain.shortMaster() + (plain.resumedThroughM()
                        ? ", and C's resumption with M was a resumption with S" : "") + "; with EMS their master secrets"
                + " differed (" + extended.shortMaster() + " / " + extended.shortServerMaster() + ")"
                + (extended.resumedThroughM() ? "" : " and the resumption through M failed"));
    }

    /** What both connections ended with, and whether C's resumption through M reached S's session. */
    record Outcome(byte[] sessionIdAtC, byte[] masterAtC, byte[] sessionIdAtS, byte[] masterAtS, boolean resumedThroughM) {
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

    /**
     * One run of the attack.
     *
     * @param ems         whether C and S offer (and accept) the extended master secret
     * @param emsAtM      whether M does too, on both of its connections
     */
    private static Outcome synchronize(IssuedCertificate mallory, boolean ems, boolean emsAtM, PrintStream out)
            throws Exception {
        AtomicReference<byte[]> masterAtC = new AtomicReference<>();
        AtomicReference<byte[]> masterAtS = new AtomicReference<>();
        List<SessionInfo> sessionsAtS = new CopyOnWriteArrayList<>();
        TlsConfig server = common(Pki.server(), ems).sessionCache(new InMemorySessionCache(SESSION_CACHE_SIZE, SESSION_LIFETIME))
                .observer(keyLog(masterAtS)).build();
        KeySynchronizingAttacker attacker = new KeySynchronizingAttacker(mallory);
        // M gives S the name C gives M, so that S will take C's resumption of the session (RFC 6066 §3: not under
        // another name); M does not check S's certificate, it has no use for it.
        TlsConfig towardsS = attacker.clientSide(common(Pki.client(), emsAtM)).serverName(ATTACKER_NAME).verifyPeer(false).build();
        TlsConfig towardsC = attacker.serverSide(common(TlsConfig.builder(), emsAtM)
                .sessionCache(new InMemorySessionCache(SESSION_CACHE_SIZE, SESSION_LIFETIME))).build();
        TlsConfig client = common(Pki.client(), ems).serverName(ATTACKER_NAME)
                .clientSessionStore(new InMemoryClientSessionStore(SESSION_CACHE_SIZE)).observer(keyLog(masterAtC)).build();
        CompletableFuture<SessionInfo> atS = new CompletableFuture<>();
        try (LabServer s = new LabServer(server, connection -> sessionsAtS.add(connection.session()));
             MaliciousSite m = new MaliciousSite()) {
            CompletableFuture<Void> first = m.serveTls(towardsC, fromC -> connectOnwards(s.port(), towardsS, fromC, atS));
            SessionInfo atC = handshake(client, m.port());
            first.get(LabServer.READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            SessionInfo mToS = atS.get(LabServer.READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            Outcome keys = new Outcome(atC.sessionId(), masterAtC.get(), mToS.sessionId(), masterAtS.get(), false);
            HexFormat hex = HexFormat.of();
            out.printf("   C-M (C's peer: %s, EMS %s): session %s..., master secret %s%n",
                    atC.peerCertificates().get(0).commonName().orElse("?"), atC.extendedMasterSecret() ? "yes" : "no",
                    hex.formatHex(atC.sessionId(), 0, 8), hex.formatHex(keys.masterAtC(), 0, 16) + "...");
            out.printf("   M-S (S's peer: M, anonymous; EMS %s): session %s..., master secret %s%n",
                    mToS.extendedMasterSecret() ? "yes" : "no", hex.formatHex(mToS.sessionId(), 0, 8),
                    hex.formatHex(keys.masterAtS(), 0, 16) + "...");
            out.println("   " + (keys.same()
                    ? "the SAME session and master secret on two connections to two different servers"
                    : "different master secrets: what M learnt on one connection is worth nothing on the other"));
            out.println("   C comes back to " + ATTACKER_NAME + " and resumes its session; M now forwards its bytes to S as they are:");
            boolean resumed = resumeThrough(m, s.port(), client, sessionsAtS, out);
            return new Outcome(keys.sessionIdAtC(), keys.masterAtC(), keys.sessionIdAtS(), keys.masterAtS(), resumed);
        } catch (ExecutionException | TimeoutException failed) {
            throw new IOException("M's connections did not complete: " + failed.getMessage(), failed);
        }
    }

    /** C's resumption through M, which only forwards: whether both C and S resumed (C with "M", S with M's session). */
    private static boolean resumeThrough(MaliciousSite m, int sPort, TlsConfig client, List<SessionInfo> sessionsAtS,
                                         PrintStream out) throws Exception {
        CompletableFuture<Void> forwarding = m.forwardTo(sPort);
        SessionInfo again;
        try {
            again = handshake(client, m.port());
        } catch (IOException refused) {
            out.println("   C: the abbreviated handshake fails (" + refused.getMessage() + ")");
            return false;
        } finally {
            forwarding.get(LabServer.READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }
        SessionInfo atS = sessionsAtS.get(sessionsAtS.size() - 1);
        out.printf("   C: %s with \"%s\"; S: %s the session it made with M%n", again.resumed() ? "resumed" : "new session",
                again.peerCertificates().get(0).commonName().orElse("?"), atS.resumed() ? "resumed" : "did not resume");
        boolean both = again.resumed() && atS.resumed();
        if (both) {
            out.println("   C and S now share one connection whose keys M knows (it knows the master secret); next in the");
            out.println("   paper, S asks for a renegotiation with a client certificate, C shows its own, renegotiation_info");
            out.println("   checks out (both Finished are the same on both sides), and S takes what M wrote before as C's");
        }
        return both;
    }

    private static SessionInfo handshake(TlsConfig client, int port) throws IOException {
        try (TlsSocket c = TlsSocket.connect("127.0.0.1", port, client)) {
            return c.session();
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
