package org.layeredtls.handshake.negotiation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsException;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.extension.EcPointFormat;
import org.layeredtls.handshake.extension.EcPointFormats;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.extension.RenegotiationInfo;
import org.layeredtls.handshake.extension.SignatureAlgorithms;
import org.layeredtls.handshake.extension.SignatureScheme;
import org.layeredtls.handshake.extension.SupportedGroups;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.handshake.testing.HandshakeServer;
import org.layeredtls.handshake.testing.Reply;

/**
 * server_name (RFC 6066 §3) and ec_point_formats (RFC 8422 §5.1.2) as both sides check them. Where
 * OpenSSL's answer is the reference, {@code openssl s_server} gets the same bytes; where the RFC
 * and OpenSSL differ, the test says which one we follow.
 */
@Timeout(120)
class ExtensionChecksTest {

    private static OpenSslProcess openssl;

    @BeforeAll
    static void startOpenSsl() {
        openssl = OpenSslProcess.server("-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString());
    }

    @AfterAll
    static void stopOpenSsl() {
        openssl.close();
    }

    private static Extension serverName(String hex) {
        return new Extension(ExtensionType.SERVER_NAME.code(), HexFormat.of().parseHex(hex));
    }

    /** Our server's answer to {@code hello}: the alert it sent (empty when it went on), checked against its own failure. */
    private static Optional<AlertDescription> ourAnswer(byte[] hello) throws Exception {
        return ourAnswer(Tls12Pki.server().build(), hello);
    }

    private static Optional<AlertDescription> ourAnswer(org.layeredtls.handshake.api.TlsConfig config, byte[] hello) throws Exception {
        try (HandshakeServer server = HandshakeServer.bind(config, HandshakeServer.BOUND)) {
            Future<HandshakeServer.Outcome> outcome = server.acceptOne();
            Reply answer = RawTls.exchange(server.port(), hello);
            if (answer.alertDescription().isPresent()) {
                assertEquals(answer.alertDescription().get(), HandshakeServer.await(outcome).alert().description());
            } else {
                assertTrue(answer.serverHello().isPresent(), answer::toString);
            }
            return answer.alertDescription();
        }
    }

    private static Optional<AlertDescription> opensslAnswer(byte[] hello) throws Exception {
        Reply answer = RawTls.exchange(openssl.port(), hello);
        if (answer.alertDescription().isEmpty()) {
            assertTrue(answer.serverHello().isPresent(), answer::toString);
        }
        return answer.alertDescription();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
            "empty extension_data, '', decode_error",
            "empty server_name_list, 0000, decode_error",
            "host_name twice, 0014000009'6c6f63616c686f7374'000005'6f74686572', decode_error",
            "a byte after the list, 000c000009'6c6f63616c686f7374'00, decode_error",
            "a list longer than its names, 000d000009'6c6f63616c686f7374'00, decode_error",
            "a name cut short, 000c00000a'6c6f63616c686f7374', decode_error",
            "a NUL inside the name, 000d00000a'6c6f63616c00686f7374', unrecognized_name",
            "localhost, 000c000009'6c6f63616c686f7374', none",
            "a trailing dot, 000d00000a'6c6f63616c686f73742e', none",
            "an IP literal, 000c000009'3132372e302e302e31', none",
            "a non-ASCII name, 0009000006'68c3a96c6c6f', none",
    })
    void aMalformedServerNameGetsTheAlertOpenSslSends(String what, String hex, String alert) throws Exception {
        byte[] hello = RawTls.handshake(RawTls.clientHello(serverName(hex.replace("'", ""))));
        Optional<String> expected = alert.equals("none") ? Optional.empty() : Optional.of(alert);
        assertEquals(expected, opensslAnswer(hello).map(AlertDescription::rfcName), "openssl s_server");
        assertEquals(expected, ourAnswer(hello).map(AlertDescription::rfcName));
    }

    @Test
    void aZeroLengthHostNameIsDecodeErrorAsRfc6066SaysThoughOpenSslGoesOn() throws Exception {
        // RFC 6066 §3: opaque HostName<1..2^16-1>. OpenSSL 3.0 accepts the empty name.
        byte[] hello = RawTls.handshake(RawTls.clientHello(serverName("0003000000")));
        assertEquals(Optional.empty(), opensslAnswer(hello));
        assertEquals(Optional.of(AlertDescription.DECODE_ERROR), ourAnswer(hello));
    }

    @Test
    void anUnknownNameTypeBesideAHostNameIsSkippedAsRfc6066SaysThoughOpenSslRefusesIt() throws Exception {
        // RFC 6066 §3: future name types begin with a 16-bit length so that servers can skip them; OpenSSL
        // knows only host_name and answers decode_error.
        byte[] hello = RawTls.handshake(RawTls.clientHello(serverName("0010000009" + "6c6f63616c686f7374" + "01000178")));
        assertEquals(Optional.of(AlertDescription.DECODE_ERROR), opensslAnswer(hello));
        assertEquals(Optional.empty(), ourAnswer(hello));
    }

    @Test
    void ecPointFormatsWithoutUncompressedBesideEllipticCurvesIsIllegalParameter() throws Exception {
        // RFC 8422 §5.1.2: "the server MUST abort the handshake and return an illegal_parameter alert".
        // OpenSSL 3.0 goes on (and sends uncompressed points all the same).
        byte[] hello = RawTls.handshake(RawTls.clientHello(EcPointFormats.of(EcPointFormat.ANSIX962_COMPRESSED_PRIME)));
        assertEquals(Optional.empty(), opensslAnswer(hello));
        assertEquals(Optional.of(AlertDescription.ILLEGAL_PARAMETER), ourAnswer(hello));
        // ... whatever suite would be chosen: an RSA key exchange offered first changes nothing.
        byte[] rsaFirst = RawTls.handshake(RawTls.clientHello(ProtocolVersion.TLS1_2, new byte[0],
                List.of(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256.code(), RawTls.ECDHE_RSA_AES128_GCM),
                EcPointFormats.of(EcPointFormat.ANSIX962_COMPRESSED_PRIME)));
        assertEquals(Optional.of(AlertDescription.ILLEGAL_PARAMETER), ourAnswer(rsaFirst));
    }

    @Test
    void ecPointFormatsWithoutUncompressedAndNoCurvesOfferedIsNoReasonToAbort() throws Exception {
        ClientHello hello = new ClientHello(ProtocolVersion.TLS1_2, new byte[32], new byte[0],
                List.of(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256.code()), List.of(0), Optional.of(Extensions.of(
                SupportedGroups.of(NamedGroup.FFDHE2048), SignatureAlgorithms.of(SignatureScheme.RSA_PKCS1_SHA256),
                EcPointFormats.of(EcPointFormat.ANSIX962_COMPRESSED_PRIME))));
        assertEquals(Optional.empty(), ourAnswer(Tls12Pki.server().cipherSuites(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256).build(),
                RawTls.handshake(hello)));
    }

    // ------------------------------------------------------------------ the client, against a scripted ServerHello

    private static byte[] serverHelloWith(Extension extension) {
        return RawTls.handshake(ProtocolVersion.TLS1_2, new ServerHello(ProtocolVersion.TLS1_2, new byte[32], new byte[0],
                RawTls.ECDHE_RSA_AES128_GCM, 0, Optional.of(new Extensions(List.of(RenegotiationInfo.initial().toExtension(), extension)))));
    }

    private static void bothClientsRefuse(byte[] serverHello, AlertDescription expected) throws Exception {
        try (ScriptedServer scripted = new ScriptedServer(hello -> serverHello);
             OpenSslProcess client = OpenSslProcess.client(scripted.port(), "-tls1_2", "-servername", "localhost")) {
            assertEquals(Optional.of(expected), scripted.alertFromClient(), client::output);
        }
        ourClientRefuses(serverHello, expected);
    }

    private static void ourClientRefuses(byte[] serverHello, AlertDescription expected) throws Exception {
        try (ScriptedServer scripted = new ScriptedServer(hello -> serverHello)) {
            try (TlsSocket socket = TlsSocket.connect("localhost", scripted.port(), Tls12Pki.client().build())) {
                socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
                assertEquals(expected, assertThrows(TlsException.class, socket::startHandshake).description());
            }
            assertEquals(Optional.of(expected), scripted.alertFromClient());
        }
    }

    @Test
    void aServerHelloWhoseServerNameIsNotEmptyIsDecodeErrorAsFromOpenSsl() throws Exception {
        bothClientsRefuse(serverHelloWith(serverName("000c000009" + "6c6f63616c686f7374")), AlertDescription.DECODE_ERROR);
    }

    @Test
    void aServerHelloWhosePointFormatsLackUncompressedIsIllegalParameter() throws Exception {
        // RFC 8422 §5.2: the server's list MUST contain uncompressed. OpenSSL 3.0's client goes on.
        ourClientRefuses(serverHelloWith(EcPointFormats.of(EcPointFormat.ANSIX962_COMPRESSED_PRIME).toExtension()),
                AlertDescription.ILLEGAL_PARAMETER);
    }
}
