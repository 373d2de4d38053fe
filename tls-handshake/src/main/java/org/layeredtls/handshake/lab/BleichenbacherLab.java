package org.layeredtls.handshake.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.layeredtls.codec.ByteWriter;
import org.layeredtls.crypto.RsaPublicKey;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.conversation.Conversation;
import org.layeredtls.handshake.conversation.ConversationResult;
import org.layeredtls.handshake.conversation.Messages;
import org.layeredtls.handshake.conversation.WireEvent;
import org.layeredtls.handshake.keyexchange.RsaKeyExchange;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.prf.KeySchedule;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.lab.Lab;
import org.layeredtls.record.lab.LabResult;

/**
 * Bleichenbacher's attack (CRYPTO '98) on the RSA key exchange: an eavesdropper records a victim's
 * ClientKeyExchange, then asks a server that leaks PKCS#1 v1.5 padding errors ({@link PaddingOracleLeak})
 * about thousands of related ciphertexts, one TLS handshake each, until the victim's premaster secret
 * is known; with the recorded hello randoms it gives the session's master secret. Our real server
 * follows RFC 5246 §7.4.7.1 (a random premaster secret on any failure) and answers every ciphertext
 * the same way: there is no oracle to ask.
 */
public final class BleichenbacherLab implements Lab {

    /** The attack gives up after this many oracle queries (it needs about 2,000 with the lab key). */
    static final int QUERY_BUDGET = 20_000;
    /** How many valid and how many invalid paddings are shown to the real server. */
    static final int PROBES = 10;
    static final CipherSuite SUITE = CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA;
    static final ProtocolVersion VERSION = ProtocolVersion.TLS1_2;

    @Override
    public String name() {
        return "bleichenbacher";
    }

    @Override
    public String layer() {
        return "handshake";
    }

    @Override
    public String summary() {
        return "a PKCS#1 v1.5 padding oracle gives away a recorded premaster secret; RFC 5246 §7.4.7.1 leaves no oracle";
    }

    @Override
    public LabResult run(PrintStream out) throws Exception {
        SmallRsaKey key = SmallRsaKey.generate();
        out.printf("Lab key: RSA, %d bits (k = %d bytes), lab-only: small so that the attack ends in seconds.%n",
                key.publicKey().modulus().bitLength(), key.publicKey().modulusLength());
        out.println("Suite: " + SUITE.ianaName() + " (the RSA key exchange); no extended master secret.");
        out.println();
        out.println("1. Vulnerable: a server that answers a bad PKCS#1 padding with its own alert ("
                + PaddingOracleLeak.PADDING_ALERT.rfcName() + ").");
        Bleichenbacher attack = attackLeakyServer(key, out);
        boolean recovered = attack != null;
        out.println();
        out.println("2. Countermeasure: our real server (RFC 5246 §7.4.7.1: on any failure, a random premaster secret).");
        Set<String> valid;
        Set<String> invalid;
        try (LabServer real = new LabServer(server(key).build(), TlsSocket::startHandshake)) {
            valid = probe(real.port(), key.publicKey(), true);
            invalid = probe(real.port(), key.publicKey(), false);
        }
        out.println("   " + PROBES + " valid paddings -> " + valid + ", " + PROBES + " invalid -> " + invalid);
        boolean noOracle = valid.equals(invalid) && valid.size() == 1;
        out.println("   " + (noOracle ? "the same answer either way: the server is no oracle, the attack cannot take its first step"
                : "the answers differ: the server is an oracle"));
        return new LabResult(recovered, noOracle, (recovered ? "the leaky server's oracle gave the victim's premaster secret in "
                + attack.queries() + " queries" : "the attack did not recover the victim's premaster secret")
                + "; the real server answered " + valid + " to valid and " + invalid + " to invalid paddings");
    }

    /**
     * Records a victim's handshake with the leaky server, then runs the attack against it; the attack when the
     * recovered premaster secret gives the victim's master secret, else null.
     */
    private static Bleichenbacher attackLeakyServer(SmallRsaKey key, PrintStream out) throws IOException {
        RsaPublicKey publicKey = key.publicKey();
        try (LabServer leaky = new LabServer(server(key).incomingHandshakeInterceptor(new PaddingOracleLeak(key.privateKey()))
                .build(), TlsSocket::startHandshake)) {
            Recording victim = recordVictim(leaky.port(), out);
            Set<String> valid = probe(leaky.port(), publicKey, true);
            Set<String> invalid = probe(leaky.port(), publicKey, false);
            out.println("   oracle check: " + PROBES + " valid paddings -> " + valid + ", " + PROBES + " invalid -> " + invalid);
            String leak = PaddingOracleLeak.PADDING_ALERT.rfcName();
            int k = publicKey.modulusLength();
            Bleichenbacher attack = new Bleichenbacher(publicKey, c -> !answer(leaky.port(), c, k).endsWith(leak), QUERY_BUDGET, out);
            long started = System.nanoTime();
            out.println("   the attack, one TLS handshake per query:");
            BigInteger m;
            try {
                m = attack.recover(new BigInteger(1, victim.encryptedPremaster()));
            } catch (Bleichenbacher.BudgetExhausted exhausted) {
                out.println("   " + exhausted.getMessage());
                return null;
            }
            byte[] premaster = premaster(m, k);
            byte[] master = KeySchedule.of(VERSION, SUITE.prfHash())
                    .masterSecret(premaster, victim.clientRandom(), victim.serverRandom());
            boolean recovered = Arrays.equals(master, victim.masterSecret());
            out.printf("   recovered premaster secret: %s...%n", HexFormat.of().formatHex(premaster, 0, 16));
            out.printf("   its master secret %s the victim's (%d queries, %.1f s)%n", recovered ? "EQUALS" : "differs from",
                    attack.queries(), (System.nanoTime() - started) / 1e9);
            return recovered ? attack : null;
        }
    }

    /** A server of this stack with the lab key, the RSA key exchange and no extended master secret (a 2010 server). */
    private static TlsConfig.Builder server(SmallRsaKey key) {
        return key.server().versions(VERSION, VERSION).cipherSuites(SUITE).extendedMasterSecret(false);
    }

    /** What the eavesdropper kept of the victim's handshake, and (to check the attack) the victim's master secret. */
    record Recording(byte[] clientRandom, byte[] serverRandom, byte[] encryptedPremaster, byte[] masterSecret) {
    }

    /** A victim's connection through a passive relay that records the hello randoms and the ClientKeyExchange. */
    private static Recording recordVictim(int serverPort, PrintStream out) throws IOException {
        Eavesdropper eavesdropper = new Eavesdropper();
        AtomicReference<byte[]> master = new AtomicReference<>();
        TlsObserver keyLog = new TlsObserver() {
            @Override
            public void masterSecretDerived(byte[] clientRandom, byte[] masterSecret) {
                master.set(masterSecret.clone());
            }
        };
        try (LabRelay relay = new LabRelay(serverPort, () -> eavesdropper);
             TlsSocket victim = TlsSocket.connect("127.0.0.1", relay.port(),
                     Pki.client().versions(VERSION, VERSION).securityLevel(0).cipherSuites(SUITE).observer(keyLog).build())) {
            victim.startHandshake();
        }
        Recording recording = eavesdropper.recording(master.get());
        out.println("   a victim connects; the eavesdropper records its ClientKeyExchange: "
                + HexFormat.of().formatHex(recording.encryptedPremaster(), 0, 16) + "...");
        return recording;
    }

    /** The server's answers to {@link #PROBES} ciphertexts of conforming (or non-conforming) blocks. */
    private static Set<String> probe(int port, RsaPublicKey key, boolean conforming) throws IOException {
        SecureRandom random = new SecureRandom();
        Set<String> answers = new LinkedHashSet<>();
        for (int i = 0; i < PROBES; i++) {
            byte[] block = new byte[key.modulusLength()]; // 00 02 PS 00 premaster[48], or 00 03 ...
            for (int j = 2; j < block.length; j++) {
                block[j] = (byte) (1 + random.nextInt(255));
            }
            block[1] = (byte) (conforming ? 2 : 3);
            block[block.length - RsaKeyExchange.PREMASTER_LENGTH - 1] = 0;
            answers.add(answer(port, new BigInteger(1, block).modPow(key.publicExponent(), key.modulus()), key.modulusLength()));
        }
        return answers;
    }

    /**
     * One oracle query: a handshake whose ClientKeyExchange carries {@code ciphertext}, then
     * ChangeCipherSpec and a Finished the server cannot open; the server's first alert (or "closed").
     */
    static String answer(int port, BigInteger ciphertext, int k) throws IOException {
        byte[] encrypted = unsigned(ciphertext, k);
        ConversationResult result = Conversation.named("oracle query").waiting(Duration.ofSeconds(10))
                .send(Messages.clientHello().cipherSuites(SUITE))
                .expectFlightUntil(HandshakeType.SERVER_HELLO_DONE)
                .send(Messages.raw(HandshakeType.CLIENT_KEY_EXCHANGE, new ByteWriter(encrypted.length + 2)
                        .vector16(encrypted).toByteArray()))
                .sendChangeCipherSpec()
                .sendRecord(ContentType.HANDSHAKE.code(), new byte[40])
                .expectCloseAfterAnyAlerts()
                .runAsClient("127.0.0.1", port);
        return result.received().stream().filter(WireEvent.Alert.class::isInstance).findFirst()
                .map(WireEvent::describe).orElse("closed");
    }

    /** {@code x} as exactly {@code k} bytes, big-endian (RFC 8017 §4.1, I2OSP). */
    static byte[] unsigned(BigInteger x, int k) {
        byte[] bytes = x.toByteArray();
        byte[] out = new byte[k];
        int copy = Math.min(bytes.length, k);
        System.arraycopy(bytes, bytes.length - copy, out, k - copy, copy);
        return out;
    }

    /** The premaster secret in a recovered block {@code 00 02 PS 00 premaster}: its last 48 bytes. */
    private static byte[] premaster(BigInteger m, int k) {
        return Arrays.copyOfRange(unsigned(m, k), k - RsaKeyExchange.PREMASTER_LENGTH, k);
    }
}
