package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.crypto.SecureRandomSource;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.interop.OpenSslServer;
import org.layeredtls.handshake.interop.TestPki;
import org.layeredtls.handshake.keyexchange.ClientKeyShare;
import org.layeredtls.handshake.keyexchange.KeyShareGroup;

/**
 * The key schedule, the transcript and the key shares of a real TLS 1.3 handshake, checked against
 * the secrets OpenSSL 3.0's {@code s_server -keylogfile} writes for the same connection: a
 * hand-made client ({@link HandMadeTls13Client}) offers one group, computes the shared secret with
 * {@link KeyShareGroup}, walks {@link Tls13KeySchedule} over a {@link Tls13Transcript} of the real
 * messages, opens the server's encrypted flight with the keys it derived, verifies the server's
 * Finished, and sends its own, which OpenSSL accepts. Every secret of the key log must be ours, byte
 * for byte. The HelloRetryRequest cell checks the message_hash rule against OpenSSL.
 */
class Tls13KeyScheduleAgainstOpenSslKeyLogTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final RandomSource RANDOM = new SecureRandomSource();

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() throws IOException, InterruptedException {
        pki = TestPki.create(directory);
    }

    @ParameterizedTest(name = "{0}, server groups {1}, client shares {2}, HelloRetryRequest {3}")
    @CsvSource({
        "TLS_AES_128_GCM_SHA256, X25519, X25519, false",
        "TLS_AES_256_GCM_SHA384, P-256, SECP256R1, false",
        "TLS_AES_128_GCM_SHA256, P-384, SECP384R1, false",
        "TLS_AES_256_GCM_SHA384, ffdhe2048, FFDHE2048, false",
        "TLS_AES_128_GCM_SHA256, ffdhe3072, FFDHE3072, false",
        // the client's x25519 share is not what the server wants: it asks for another
        "TLS_AES_128_GCM_SHA256, P-256, X25519, true",
        "TLS_AES_256_GCM_SHA384, ffdhe2048, X25519, true",
    })
    void everySecretOfTheKeyLogIsTheSchedules(String suiteName, String serverGroups, NamedGroup offeredShare,
                                              boolean expectRetry)
            throws IOException, InterruptedException, TlsAlertException {
        int suite = suiteName.equals("TLS_AES_128_GCM_SHA256") ? 0x1301 : 0x1302;
        HashAlgorithm hash = suite == 0x1301 ? HashAlgorithm.SHA256 : HashAlgorithm.SHA384;
        int keyLength = suite == 0x1301 ? 16 : 32;
        List<NamedGroup> supported = List.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1,
                NamedGroup.FFDHE2048, NamedGroup.FFDHE3072);
        Path keyLog = Files.createTempFile(directory, "keylog", ".txt");
        try (OpenSslServer server = OpenSslServer.builder().directory(directory)
                .cert(pki.serverEcdsa().certificate()).key(pki.serverEcdsa().key())
                .option("-tls1_3", "-groups", serverGroups).ciphersuites(suiteName).keylogFile(keyLog).start();
             HandMadeTls13Client client = new HandMadeTls13Client(server.port())) {
            byte[] random = RANDOM.nextBytes(32);
            byte[] sessionId = RANDOM.nextBytes(32);
            ClientKeyShare share = KeyShareGroup.of(offeredShare).orElseThrow().generate(RANDOM);
            byte[] clientHello = HandMadeTls13Client.clientHello(random, sessionId, suite, supported,
                    Map.of(offeredShare, share.publicShare()), null);
            Tls13Transcript transcript = new Tls13Transcript();
            transcript.add(clientHello);
            client.sendPlaintext(clientHello);

            HandMadeTls13Client.ServerHello hello = client.readServerHello();
            boolean retried = hello.isHelloRetryRequest();
            assertEquals(expectRetry, retried, "HelloRetryRequest");
            if (retried) {
                // RFC 8446 §4.1.4: answer with a share of the group the HelloRetryRequest selects
                NamedGroup selected = NamedGroup.fromCode(hello.group()).orElseThrow();
                assertFalse(selected == offeredShare);
                transcript.add(hello.message());
                transcript.selectHash(hash);
                transcript.replaceClientHelloWithMessageHash();
                share = KeyShareGroup.of(selected).orElseThrow().generate(RANDOM);
                byte[] secondHello = HandMadeTls13Client.clientHello(random, sessionId, suite, supported,
                        Map.of(selected, share.publicShare()), hello.cookie());
                transcript.add(secondHello);
                client.sendPlaintext(secondHello);
                hello = client.readServerHello();
                assertFalse(hello.isHelloRetryRequest());
            }
            assertEquals(suite, hello.cipherSuite());
            transcript.add(hello.message());
            transcript.selectHash(hash);

            Tls13KeySchedule schedule = new Tls13KeySchedule(hash);
            Map<String, byte[]> ours = new LinkedHashMap<>();
            schedule.setListener(d -> d.keyLogLabel().ifPresent(label -> ours.put(label, d.value())));
            schedule.early(null);
            schedule.handshake(share.sharedSecret(hello.keyExchange()));
            byte[] clientHandshake = schedule.clientHandshakeTrafficSecret(transcript.hash());
            byte[] serverHandshake = schedule.serverHandshakeTrafficSecret(transcript.hash());

            // EncryptedExtensions, Certificate, CertificateVerify, Finished
            List<byte[]> flight = client.readEncryptedHandshake(Tls13KeySchedule.trafficKey(hash, serverHandshake, keyLength),
                    Tls13KeySchedule.trafficIv(hash, serverHandshake), 4);
            for (byte[] message : flight.subList(0, 3)) {
                transcript.add(message);
            }
            byte[] serverFinished = flight.get(3);
            assertEquals(20, serverFinished[0], "the fourth message is the server's Finished");
            assertTrue(Tls13KeySchedule.finishedMatches(hash, serverHandshake, transcript.hash(),
                    Arrays.copyOfRange(serverFinished, 4, serverFinished.length)), "the server's Finished verifies");
            transcript.add(serverFinished);
            schedule.master();
            schedule.clientApplicationTrafficSecret(transcript.hash());
            schedule.serverApplicationTrafficSecret(transcript.hash());
            schedule.exporterMasterSecret(transcript.hash());

            byte[] verifyData = Tls13KeySchedule.finishedVerifyData(hash, clientHandshake, transcript.hash());
            byte[] clientFinished = new byte[4 + verifyData.length];
            clientFinished[0] = 20;
            clientFinished[3] = (byte) verifyData.length;
            System.arraycopy(verifyData, 0, clientFinished, 4, verifyData.length);
            client.sendEncrypted(Tls13KeySchedule.trafficKey(hash, clientHandshake, keyLength),
                    Tls13KeySchedule.trafficIv(hash, clientHandshake), clientFinished);
            assertTrue(server.awaitHandshake(0, WAIT).isPresent(),
                    () -> "s_server did not accept our Finished:\n" + server.diagnostics());

            Map<String, byte[]> theirs = keyLogOf(Files.readString(keyLog), random);
            assertEquals(List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                    "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET"), List.copyOf(ours.keySet()));
            assertEquals(ours.keySet(), theirs.keySet(), "the labels OpenSSL logged for this connection");
            for (String label : ours.keySet()) {
                assertArrayEquals(theirs.get(label), ours.get(label), label + (retried ? " after a HelloRetryRequest" : ""));
            }
        }
    }

    /** The key log lines of the connection whose ClientHello.random is {@code random}. */
    private static Map<String, byte[]> keyLogOf(String keyLog, byte[] random) {
        Map<String, byte[]> secrets = new HashMap<>();
        for (String line : keyLog.split("\n")) {
            String[] fields = line.strip().split(" ");
            if (fields.length == 3 && fields[1].equals(HEX.formatHex(random))) {
                secrets.put(fields[0], HEX.parseHex(fields[2]));
            }
        }
        return secrets;
    }
}
