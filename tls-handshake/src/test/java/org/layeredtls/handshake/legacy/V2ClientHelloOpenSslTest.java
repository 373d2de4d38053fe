package org.layeredtls.handshake.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.message.V2ClientHello;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.handshake.testing.HandshakeServer;

/**
 * The same SSLv2-compatible ClientHello bytes sent to {@code openssl s_server} (OpenSSL 3.0, which still
 * accepts them) and to our server: the same ServerHello, a handshake whose Finished verifies against both
 * (so the test client's transcript, the V2 message without its header, is OpenSSL's too), and the same
 * alert for every malformed hello, except the challenge length, which OpenSSL does not check.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class V2ClientHelloOpenSslTest {

    private static OpenSslProcess openSsl;

    @BeforeAll
    static void startOpenSsl() {
        // One s_server for every case: it serves connection after connection, failed handshakes included.
        openSsl = OpenSslProcess.server("-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString(),
                "-cipher", "ALL:@SECLEVEL=0");
    }

    @AfterAll
    static void stopOpenSsl() {
        openSsl.close();
    }

    private static V2ClientHello hello(ProtocolVersion version) {
        return new V2ClientHello(version, List.of(V2ClientHelloServerTest.SSL_CK_RC4_128_WITH_MD5,
                V2ClientHelloServerTest.AES_128_CBC_SHA, V2ClientHelloServerTest.RENEGOTIATION_SCSV),
                new byte[0], V2ClientHelloServerTest.CHALLENGE_16);
    }

    private static Optional<AlertDescription> alertFromOpenSsl(byte[] firstRecord) throws Exception {
        try (V2HelloClient client = new V2HelloClient(openSsl.port())) {
            client.sendRaw(firstRecord);
            return client.awaitAlert();
        }
    }

    @Test
    void ourTestClientCompletesAV2HelloHandshakeWithSServer() throws Exception {
        String line = "data after an SSLv2-compatible hello\n";
        try (V2HelloClient client = new V2HelloClient(openSsl.port())) {
            V2HelloClient.Outcome outcome = client.handshake(hello(ProtocolVersion.TLS1_2), false);
            assertEquals(Optional.empty(), outcome.alert());
            assertTrue(outcome.serverFinishedVerified(), "OpenSSL's Finished verifies over the V2 message bytes");
            client.write(line.getBytes(StandardCharsets.US_ASCII));
            openSsl.awaitOutput(line);
        }
    }

    @Test
    void sServerCannotVerifyAFinishedWhoseTranscriptIncludesTheTwoByteHeader() throws Exception {
        try (V2HelloClient client = new V2HelloClient(openSsl.port())) {
            V2HelloClient.Outcome outcome = client.handshake(hello(ProtocolVersion.TLS1_2), true);
            assertFalse(outcome.serverFinishedVerified());
            assertEquals(Optional.of(AlertDescription.DECRYPT_ERROR), outcome.alert());
        }
    }

    @Test
    void ourServerAnswersTheSameServerHelloAsSServer() throws Exception {
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS1_0, ProtocolVersion.TLS1_2)) {
            ServerHello theirs;
            try (V2HelloClient client = new V2HelloClient(openSsl.port())) {
                theirs = client.handshake(hello(version), false).serverHello();
            }
            ServerHello ours;
            try (HandshakeServer server = V2ClientHelloServerTest.ourServer(V2ClientHelloServerTest.serverConfig().build());
                 V2HelloClient client = new V2HelloClient(server.port())) {
                Future<SessionInfo> serverSide = V2ClientHelloServerTest.serve(server, 0);
                ours = client.handshake(hello(version), false).serverHello();
                assertEquals(version, serverSide.get(30, TimeUnit.SECONDS).version());
            }
            assertEquals(theirs.serverVersion(), ours.serverVersion(), version.toString());
            assertEquals(theirs.cipherSuite(), ours.cipherSuite(), version.toString());
            assertEquals(theirs.compressionMethod(), ours.compressionMethod(), version.toString());
            assertEquals(extensionTypes(theirs), extensionTypes(ours),
                    "the extensions answered: renegotiation_info only (for the SCSV), " + version);
        }
    }

    private static List<Integer> extensionTypes(ServerHello hello) {
        return hello.extensionsOrEmpty().list().stream().map(e -> e.type()).toList();
    }

    @Test
    void ourServerSendsSServersAlertForEachMalformedV2Hello() throws Exception {
        TlsConfig config = V2ClientHelloServerTest.serverConfig().build();
        for (V2Hellos.Case malformed : V2Hellos.malformed()) {
            assertEquals(Optional.of(malformed.openSslAlert()), alertFromOpenSsl(malformed.bytes()), "OpenSSL, " + malformed);
            assertEquals(malformed.openSslAlert(), V2ClientHelloServerTest.alertFromOurServer(config, malformed.bytes()),
                    "ours, " + malformed);
        }
    }

    @Test
    void sServerAcceptsAnyChallengeLengthWhereWeKeepToTheRfcs16To32() throws Exception {
        for (int length : new int[] {0, 15, 33}) {
            byte[] record = V2Hellos.raw(0x0303, V2Hellos.specs(V2ClientHelloServerTest.AES_128_CBC_SHA), new byte[0],
                    new byte[length]);
            try (V2HelloClient client = new V2HelloClient(openSsl.port())) {
                client.sendRaw(record);
                assertEquals("ServerHello", client.firstAnswer(), "OpenSSL's answer to a challenge of " + length);
            }
            assertEquals(AlertDescription.ILLEGAL_PARAMETER,
                    V2ClientHelloServerTest.alertFromOurServer(V2ClientHelloServerTest.serverConfig().build(), record));
        }
    }
}
