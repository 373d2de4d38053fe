package org.layeredtls.handshake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsException;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.intercept.OutgoingFlight;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.message.CertificateVerify;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.DigitallySigned;
import org.layeredtls.handshake.message.Finished;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.testing.HandshakeServer;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;

/**
 * Our TLS 1.3 client against our TLS 1.3 server, one side's messages changed on the way by a research hook:
 * each fault is answered with the alert RFC 8446 names for it.
 */
@Timeout(60)
class Tls13HandshakeAlertsTest {

    private static TlsConfig.Builder tls13Server() {
        return TestCertificates.server().maxVersion(ProtocolVersion.TLS1_3);
    }

    private static TlsConfig.Builder tls13Client() {
        return TestCertificates.client().maxVersion(ProtocolVersion.TLS1_3);
    }

    /** Sends every message as it is, except those {@code change} replaces (null: as it is). */
    private static HandshakeInterceptor changing(UnaryOperator<HandshakeMessage> change) {
        return new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                HandshakeMessage changed = change.apply(message.message());
                flight.send(changed != null ? changed : message.message());
                flight.flushRecord();
            }
        };
    }

    private static byte[] flipped(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[copy.length - 1] ^= 1;
        return copy;
    }

    /** The handshake between the two configurations: our client's error, with the server's outcome checked too. */
    private static TlsException clientFailure(TlsConfig server, TlsConfig client) throws Exception {
        try (HandshakeServer listener = HandshakeServer.bind(server);
             TlsSocket socket = TlsSocket.connect("localhost", listener.port(), client)) {
            Future<HandshakeServer.Outcome> outcome = listener.acceptOne();
            socket.socket().setSoTimeout(20_000);
            TlsException failure = assertThrows(TlsException.class, socket::startHandshake);
            HandshakeServer.await(outcome);
            return failure;
        }
    }

    /**
     * A fault the client meets only after its handshake is done (TLS 1.3: the client's Finished is the last
     * handshake message, so the server's verdict, or a record after the server's Finished, comes with the data).
     */
    private static TlsException clientFailureAfterHandshake(TlsConfig server, TlsConfig client) throws Exception {
        try (HandshakeServer listener = HandshakeServer.bind(server);
             TlsSocket socket = TlsSocket.connect("localhost", listener.port(), client)) {
            Future<HandshakeServer.Outcome> outcome = listener.acceptOne();
            socket.socket().setSoTimeout(20_000);
            socket.startHandshake();
            TlsException failure = assertThrows(TlsException.class, () -> socket.getInputStream().read());
            HandshakeServer.await(outcome);
            return failure;
        }
    }

    private static AlertDescription serverAlert(TlsConfig server, TlsConfig client) throws Exception {
        try (HandshakeServer listener = HandshakeServer.bind(server);
             TlsSocket socket = TlsSocket.connect("localhost", listener.port(), client)) {
            Future<HandshakeServer.Outcome> outcome = listener.acceptOne();
            socket.socket().setSoTimeout(20_000);
            assertThrows(TlsException.class, socket::startHandshake);
            return HandshakeServer.await(outcome).alert().description();
        }
    }

    @Test
    void aServerFinishedThatDoesNotMatchIsDecryptError() throws Exception {
        TlsConfig server = tls13Server().handshakeInterceptor(changing(m -> m instanceof Finished f
                ? new Finished(flipped(f.verifyData())) : null)).build();
        TlsException failure = clientFailure(server, tls13Client().build());
        assertInstanceOf(TlsAlertException.class, failure);
        assertEquals(AlertDescription.DECRYPT_ERROR, failure.description(), failure.getMessage()); // RFC 8446 §4.4.4
    }

    @Test
    void aServerCertificateVerifyThatDoesNotVerifyIsDecryptError() throws Exception {
        TlsConfig server = tls13Server().handshakeInterceptor(changing(m -> m instanceof CertificateVerify v
                ? new CertificateVerify(new DigitallySigned(v.signature().algorithm(), flipped(v.signature().signature())))
                : null)).build();
        TlsException failure = clientFailure(server, tls13Client().build());
        assertEquals(AlertDescription.DECRYPT_ERROR, failure.description(), failure.getMessage()); // RFC 8446 §4.4.3
    }

    @Test
    void aCertificateVerifyWithASchemeNotOfferedIsIllegalParameter() throws Exception {
        TlsConfig server = tls13Server().handshakeInterceptor(changing(m -> m instanceof CertificateVerify v
                ? new CertificateVerify(new DigitallySigned(OptionalInt.of(0x0401), v.signature().signature())) // rsa_pkcs1_sha256
                : null)).build();
        TlsException failure = clientFailure(server, tls13Client().build());
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, failure.description(), failure.getMessage()); // RFC 8446 §4.2.3
    }

    @Test
    void aChangeCipherSpecAfterTheServerFinishedIsUnexpectedMessage() throws Exception {
        TlsConfig server = tls13Server().handshakeInterceptor(new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                flight.send(message.message());
                flight.flushRecord();
                if (message.message() instanceof Finished) {
                    flight.injectChangeCipherSpec(); // after the peer's Finished: no compatibility CCS any more
                }
            }
        }).build();
        TlsException failure = clientFailureAfterHandshake(server, tls13Client().build());
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, failure.description(), failure.getMessage()); // RFC 8446 §5
    }

    @Test
    void aChangeCipherSpecOtherThanOneIsUnexpectedMessage() throws Exception {
        TlsConfig server = tls13Server().middleboxCompatibility(false).handshakeInterceptor(new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                flight.send(message.message());
                flight.flushRecord();
                if (message.type() == org.layeredtls.handshake.message.HandshakeType.SERVER_HELLO) {
                    flight.sendRecord(ContentType.CHANGE_CIPHER_SPEC, new byte[] {2});
                }
            }
        }).build();
        TlsException failure = clientFailure(server, tls13Client().build());
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, failure.description(), failure.getMessage()); // RFC 8446 §5
    }

    @Test
    void aClientHelloWithoutKeyShareIsMissingExtension() throws Exception {
        TlsConfig client = tls13Client().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3)
                .handshakeInterceptor(changing(m -> m instanceof ClientHello hello ? without(hello, ExtensionType.KEY_SHARE) : null))
                .build();
        assertEquals(AlertDescription.MISSING_EXTENSION, serverAlert(tls13Server().build(), client)); // RFC 8446 §9.2
    }

    @Test
    void aClientWithoutCertificateIsCertificateRequiredWhenTheServerNeedsOne() throws Exception {
        TlsConfig server = tls13Server().clientAuth(ClientAuth.NEED).build();
        // RFC 8446 §4.4.2.4; the client is done with its handshake when the server's verdict comes
        TlsException failure = clientFailureAfterHandshake(server, tls13Client().build());
        assertEquals(AlertDescription.CERTIFICATE_REQUIRED, failure.description(), failure.getMessage());
    }

    @Test
    void aTls13HandshakeCompletesBetweenOurTwoSidesWithAClientCertificate() throws Exception {
        TlsConfig server = tls13Server().clientAuth(ClientAuth.NEED).build();
        TlsConfig client = TestCertificates.withClientCertificate(tls13Client(), TestCertificates.CLIENT_EC).build();
        try (HandshakeServer listener = HandshakeServer.bind(server);
             TlsSocket socket = TlsSocket.connect("localhost", listener.port(), client)) {
            Future<HandshakeServer.Outcome> outcome = listener.acceptOne();
            assertEquals(ProtocolVersion.TLS1_3, socket.session().version());
            SessionInfo serverSession = HandshakeServer.await(outcome).session();
            assertEquals(List.of(TestCertificates.CLIENT_EC.certificate()), serverSession.peerCertificates());
        }
    }

    private static ClientHello without(ClientHello hello, ExtensionType type) {
        List<Extension> kept = hello.extensionsOrEmpty().list().stream().filter(e -> e.type() != type.code()).toList();
        return new ClientHello(hello.clientVersion(), hello.random(), hello.sessionId(), hello.cipherSuites(),
                hello.compressionMethods(), Optional.of(new Extensions(kept)));
    }
}
