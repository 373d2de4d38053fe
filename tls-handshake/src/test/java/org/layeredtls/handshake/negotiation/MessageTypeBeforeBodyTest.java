package org.layeredtls.handshake.negotiation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsException;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.testing.HandshakeServer;

/**
 * RFC 5246 §7.4 and §7.2.2: a message whose type the state does not expect is unexpected_message,
 * whatever its body; the body is read only when the type fits. The same malformed messages go to
 * {@code openssl s_server} and, in the client's first position, to {@code openssl s_client}.
 */
@Timeout(120)
class MessageTypeBeforeBodyTest {

    private static OpenSslProcess openssl;

    @BeforeAll
    static void startOpenSsl() {
        openssl = OpenSslProcess.server("-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString());
    }

    @AfterAll
    static void stopOpenSsl() {
        openssl.close();
    }

    @ParameterizedTest(name = "type {0}, body {1}: {2}")
    @CsvSource({
            "20, 010203, unexpected_message",   // Finished of 3 bytes: out of place before its length is wrong
            "20, 000000000000000000000000, unexpected_message",
            "16, ff, unexpected_message",       // ClientKeyExchange that cannot decode
            "2, 030300, unexpected_message",    // a truncated ServerHello, sent to a server
            "11, 00000501, unexpected_message", // a Certificate with a bad length
            "0, 00, unexpected_message",        // HelloRequest with a body, sent to a server
            "0, '', unexpected_message",
            "99, 00, unexpected_message",       // no such type
            "1, 030300, decode_error",          // the expected type, truncated: now the body counts
    })
    void theFirstMessageOfTheClientIsJudgedByItsTypeFirstAsByOpenSsl(int type, String body, String alert) throws Exception {
        byte[] bytes = RawTls.handshakeOfType(type, HexFormat.of().parseHex(body));
        Optional<String> reference = RawTls.exchange(openssl.port(), bytes).alertDescription().map(AlertDescription::rfcName);
        assertEquals(Optional.of(alert), reference, "openssl s_server");
        try (HandshakeServer server = HandshakeServer.bind(Tls12Pki.server().build(), HandshakeServer.BOUND)) {
            Future<HandshakeServer.Outcome> outcome = server.acceptOne();
            assertEquals(Optional.of(alert), RawTls.exchange(server.port(), bytes).alertDescription().map(AlertDescription::rfcName));
            assertEquals(alert, HandshakeServer.await(outcome).alert().description().rfcName());
        }
    }

    @ParameterizedTest(name = "type {0}, body {1}: {2}")
    @CsvSource({
            "14, 00, unexpected_message",       // ServerHelloDone with a body, before the ServerHello
            "11, 00000501, unexpected_message", // a Certificate with a bad length, before the ServerHello
            "20, 0102, unexpected_message",     // a short Finished
            "1, 00, unexpected_message",        // a ClientHello, sent to a client
            "2, 030300, decode_error",          // the expected type, truncated
    })
    void theFirstMessageOfTheServerIsJudgedByItsTypeFirstAsByOpenSsl(int type, String body, String alert) throws Exception {
        byte[] bytes = RawTls.handshakeOfType(type, HexFormat.of().parseHex(body));
        try (ScriptedServer scripted = new ScriptedServer(hello -> bytes);
             OpenSslProcess client = OpenSslProcess.client(scripted.port(), "-tls1_2")) {
            assertEquals(Optional.of(alert), scripted.alertFromClient().map(AlertDescription::rfcName), client::output);
        }
        try (ScriptedServer scripted = new ScriptedServer(hello -> bytes)) {
            try (TlsSocket socket = TlsSocket.connect("localhost", scripted.port(), Tls12Pki.client().build())) {
                socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
                assertEquals(alert, assertThrows(TlsException.class, socket::startHandshake).description().rfcName());
            }
            assertEquals(Optional.of(alert), scripted.alertFromClient().map(AlertDescription::rfcName));
        }
    }
}
