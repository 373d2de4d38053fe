package org.layeredtls.handshake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.Mac;
import org.layeredtls.crypto.PublicKeyCrypto;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.testing.DelegatingCryptoProvider;
import org.layeredtls.handshake.testing.HandshakeServer;
import org.layeredtls.record.ProtocolVersion;

/**
 * TLS 1.3's per-secret derivations run on the connection's configured crypto provider, not on the
 * default one: the traffic keys and IVs of each traffic secret (RFC 8446 §7.3), the Finished MACs keyed
 * from it (§4.4.4), KeyUpdate's next secret (§7.2) and the exporter (§7.5). Each of those keys an HMAC
 * with the secret itself, so every secret the key log names must have reached the configured provider's
 * {@code hmac} as a key. Against OpenSSL, in both roles.
 */
class Tls13DerivationsCryptoSeamTest {

    /** BouncyCastle's primitives, remembering every HMAC key it is given. */
    private static final class RecordingProvider extends DelegatingCryptoProvider {
        final List<byte[]> hmacKeys = new CopyOnWriteArrayList<>();

        @Override
        public Mac hmac(HashAlgorithm algorithm, byte[] key) {
            hmacKeys.add(key.clone());
            return super.hmac(algorithm, key);
        }

        boolean keyedWith(byte[] secret) {
            return hmacKeys.stream().anyMatch(k -> Arrays.equals(k, secret));
        }
    }

    /** The TLS 1.3 secrets of one connection by key-log label (NSS key log format). */
    private static final class Secrets implements TlsObserver {
        final Map<String, byte[]> byLabel = new ConcurrentHashMap<>();

        @Override
        public void tls13SecretDerived(byte[] clientRandom, String label, byte[] secret) {
            byLabel.put(label, secret.clone());
        }
    }

    private static void assertEverySecretKeyedTheConfiguredProvider(Secrets secrets, RecordingProvider crypto, List<String> labels) {
        List<String> missing = new ArrayList<>();
        for (String label : labels) {
            byte[] secret = secrets.byLabel.get(label);
            assertTrue(secret != null, "no " + label + " in " + secrets.byLabel.keySet());
            if (!crypto.keyedWith(secret)) {
                missing.add(label);
            }
        }
        assertEquals(List.of(), missing, "derived from on another provider than the configured one");
    }

    /** TLS 1.3 only, on {@code crypto}, its secrets told to {@code secrets}. */
    private static TlsConfig tls13(TlsConfig.Builder role, RecordingProvider crypto, Secrets secrets) {
        return role.versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3)
                .crypto(crypto, PublicKeyCrypto.defaultImplementation()).observer(secrets).build();
    }

    @Test
    void ourClientDerivesOnItsConfiguredProvider() throws Exception {
        RecordingProvider crypto = new RecordingProvider();
        Secrets secrets = new Secrets();
        TlsConfig config = tls13(Pki.client(), crypto, secrets);
        try (OpenSslProcess server = OpenSslProcess.server("-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString(),
                "-tls1_3");
             TlsSocket socket = TlsSocket.connect("localhost", server.port(), config)) {
            socket.socket().setSoTimeout((int) OpenSslProcess.TIMEOUT_MILLIS);
            socket.getOutputStream().write("before\n".getBytes(StandardCharsets.US_ASCII));
            server.awaitOutput("before");
            socket.keyUpdate(false); // our next write is under CLIENT_TRAFFIC_SECRET_1
            socket.getOutputStream().write("after\n".getBytes(StandardCharsets.US_ASCII));
            server.awaitOutput("after");
            assertEquals(32, socket.exportKeyingMaterial("EXPERIMENTAL layeredtls", null, 32).length);
        }
        assertEverySecretKeyedTheConfiguredProvider(secrets, crypto, List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET",
                "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0",
                "CLIENT_TRAFFIC_SECRET_1", "EXPORTER_SECRET"));
    }

    @Test
    void ourServerDerivesOnItsConfiguredProvider() throws Exception {
        RecordingProvider crypto = new RecordingProvider();
        Secrets secrets = new Secrets();
        TlsConfig config = tls13(Pki.server(), crypto, secrets);
        try (HandshakeServer listener = HandshakeServer.bind(config, HandshakeServer.BOUND)) {
            Future<String> served = listener.accept(socket -> {
                InputStream in = socket.getInputStream();
                StringBuilder line = new StringBuilder();
                for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                    line.append((char) b);
                }
                return line.toString();
            });
            try (OpenSslProcess client = OpenSslProcess.client(listener.port(), "-tls1_3", "-CAfile", Pki.caPem().toString())) {
                client.awaitOutput("Verify return code");
                client.write("ping\n");
                assertEquals("ping", HandshakeServer.await(served));
            }
        }
        assertEverySecretKeyedTheConfiguredProvider(secrets, crypto, List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET",
                "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0"));
    }
}
