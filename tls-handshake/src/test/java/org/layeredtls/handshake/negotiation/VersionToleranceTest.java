package org.layeredtls.handshake.negotiation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.intercept.OutgoingFlight;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.handshake.testing.HandshakeServer;
import org.layeredtls.handshake.testing.Reply;

/**
 * RFC 5246 Appendix E.1: a ClientHello with a client_version above ours, whatever its major, gets
 * our highest version; only one below our minimum is protocol_version. The same bytes go to
 * {@code openssl s_server}, the reference.
 */
@Timeout(120)
class VersionToleranceTest {

    private static OpenSslProcess openssl;

    @BeforeAll
    static void startOpenSsl() {
        openssl = OpenSslProcess.server("-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString());
    }

    @AfterAll
    static void stopOpenSsl() {
        openssl.close();
    }

    private static byte[] helloOffering(ProtocolVersion version) {
        return RawTls.handshake(RawTls.clientHello(version, new byte[0], List.of(RawTls.ECDHE_RSA_AES128_GCM)));
    }

    @ParameterizedTest(name = "client_version {0}.{1} gets TLS 1.2")
    @CsvSource({"3, 4", "4, 1", "6, 3", "254, 254"})
    void aClientVersionAboveOursGetsOurHighestVersionAsFromOpenSsl(int major, int minor) throws Exception {
        byte[] hello = helloOffering(new ProtocolVersion(major, minor));
        Reply reference = RawTls.exchange(openssl.port(), hello);
        assertEquals(Optional.of(ProtocolVersion.TLS1_2), reference.serverHello().map(h -> h.serverVersion()), reference::toString);
        try (HandshakeServer server = HandshakeServer.bind(Tls12Pki.server().build(), HandshakeServer.BOUND)) {
            server.acceptOne();
            Reply ours = RawTls.exchange(server.port(), hello);
            assertEquals(Optional.of(ProtocolVersion.TLS1_2), ours.serverHello().map(h -> h.serverVersion()), ours::toString);
            assertTrue(ours.sent(HandshakeType.SERVER_HELLO_DONE), ours::toString);
        }
    }

    @Test
    void aClientVersionBelowSsl3IsProtocolVersionAsFromOpenSsl() throws Exception {
        byte[] hello = helloOffering(new ProtocolVersion(2, 0));
        assertEquals(Optional.of(AlertDescription.PROTOCOL_VERSION), RawTls.exchange(openssl.port(), hello).alertDescription());
        try (HandshakeServer server = HandshakeServer.bind(Tls12Pki.server().build(), HandshakeServer.BOUND)) {
            Future<HandshakeServer.Outcome> outcome = server.acceptOne();
            assertEquals(Optional.of(AlertDescription.PROTOCOL_VERSION), RawTls.exchange(server.port(), hello).alertDescription());
            assertEquals(AlertDescription.PROTOCOL_VERSION, HandshakeServer.await(outcome).alert().description());
        }
    }

    @Test
    void aClientVersionBelowOurMinimumIsProtocolVersion() throws Exception {
        try (HandshakeServer server = HandshakeServer.bind(Tls12Pki.server().build(), HandshakeServer.BOUND)) { // TLS 1.2 only by default
            server.acceptOne();
            assertEquals(Optional.of(AlertDescription.PROTOCOL_VERSION),
                    RawTls.exchange(server.port(), helloOffering(ProtocolVersion.TLS1_1)).alertDescription());
        }
    }

    @ParameterizedTest(name = "ClientHello record version 3.{0}")
    @CsvSource({"0", "3", "4", "9"})
    void anySsl3OrTlsRecordVersionCarriesTheFirstClientHelloAsInOpenSsl(int minor) throws Exception {
        byte[] hello = RawTls.handshake(new ProtocolVersion(3, minor),
                RawTls.clientHello(ProtocolVersion.TLS1_2, new byte[0], List.of(RawTls.ECDHE_RSA_AES128_GCM)));
        assertTrue(RawTls.exchange(openssl.port(), hello).serverHello().isPresent());
        try (HandshakeServer server = HandshakeServer.bind(Tls12Pki.server().build(), HandshakeServer.BOUND)) {
            server.acceptOne();
            Reply ours = RawTls.exchange(server.port(), hello);
            assertEquals(Optional.of(ProtocolVersion.TLS1_2), ours.serverHello().map(h -> h.serverVersion()), ours::toString);
        }
    }

    /** Rewrites our ClientHello's client_version to {4,1}; the transcript hashes what is sent, so the handshake can finish. */
    private static HandshakeInterceptor clientVersion41() {
        return new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                if (message.type() != HandshakeType.CLIENT_HELLO) {
                    HandshakeInterceptor.super.message(message, flight);
                    return;
                }
                byte[] bytes = message.bytes();
                bytes[4] = 4; // client_version follows the 4-byte handshake header
                bytes[5] = 1;
                flight.send(bytes);
                flight.flushRecord();
            }
        };
    }

    @Test
    void aHandshakeOfferingVersion41CompletesInTls12WithOpenSslAndWithUs() throws Exception {
        try (TlsSocket socket = TlsSocket.connect("127.0.0.1", openssl.port(),
                Tls12Pki.client().handshakeInterceptor(clientVersion41()).build())) {
            socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
            socket.startHandshake();
            assertEquals(ProtocolVersion.TLS1_2, socket.session().version());
        }
        try (HandshakeServer server = HandshakeServer.bind(Tls12Pki.server().build(), HandshakeServer.BOUND)) {
            Future<HandshakeServer.Outcome> outcome = server.acceptOne();
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(),
                    Tls12Pki.client().handshakeInterceptor(clientVersion41()).build())) {
                socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
                socket.startHandshake();
                assertEquals(ProtocolVersion.TLS1_2, socket.session().version());
            }
            assertEquals(ProtocolVersion.TLS1_2, HandshakeServer.await(outcome).session().version());
        }
    }
}
