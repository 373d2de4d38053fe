package org.example.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.SecureRandomSource;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.CertificateValidator;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.cert.KeyAlgorithm;
import org.layeredtls.handshake.cert.Purpose;
import org.layeredtls.handshake.conversation.Conversation;
import org.layeredtls.handshake.conversation.ConversationResult;
import org.layeredtls.handshake.conversation.Messages;
import org.layeredtls.handshake.conversation.WireEvent;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.research.Attacks;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.research.Pki;

/**
 * Experiments as an outside project writes them: a package of its own, the published tls-handshake jar only,
 * its public research API only (RESEARCH.md, "Use it from your own Maven project").
 */
class OutsideExperimentTest {

    /** s_server with the research PKI's certificate, TLS 1.2, on an ephemeral port of 127.0.0.1. */
    private static OpenSslProcess openSslServer() {
        return OpenSslProcess.server("-tls1_2", "-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString());
    }

    @Test
    void aCertificateIssuedByThePkiValidatesAgainstItsCaAndOneFromAnotherCaDoesNot() throws Exception {
        IssuedCertificate device = Pki.CA.issueServer("device.example", List.of("device.example"), List.of(),
                KeyAlgorithm.EC_P256, Pki.NOT_BEFORE, Pki.NOT_AFTER);
        CertificateValidator trustingPki = new CertificateValidator(List.of(Pki.CA.certificate().certificate()));
        assertEquals(device.certificate(), trustingPki.validate(List.of(device.certificate()), Purpose.SERVER_AUTH).get(0));

        CertificateAuthority other = CertificateAuthority.create("Another CA", KeyAlgorithm.EC_P256, Pki.NOT_BEFORE,
                Pki.NOT_AFTER, new SecureRandomSource());
        IssuedCertificate stranger = other.issueServer("device.example", List.of("device.example"), List.of(),
                KeyAlgorithm.EC_P256, Pki.NOT_BEFORE, Pki.NOT_AFTER);
        assertThrows(TlsAlertException.class, () -> trustingPki.validate(List.of(stranger.certificate()), Purpose.SERVER_AUTH));
    }

    @Test
    void openSslAnswersOurTamperedFinishedWithDecryptError() throws Exception {
        try (OpenSslProcess server = openSslServer();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(),
                     Pki.client().handshakeInterceptor(Attacks.tamperFinished()).build())) {
            socket.socket().setSoTimeout((int) OpenSslProcess.TIMEOUT_MILLIS);
            TlsAlertReceivedException alert = assertThrows(TlsAlertReceivedException.class, socket::startHandshake,
                    server::output);
            assertEquals(AlertDescription.DECRYPT_ERROR, alert.description());
        }
    }

    @Test
    void openSslAnswersAChangeCipherSpecAfterItsFlightWithUnexpectedMessage() throws Exception {
        try (OpenSslProcess server = openSslServer()) {
            ConversationResult result = Conversation.named("ChangeCipherSpec right after the server's flight")
                    .waiting(Duration.ofMillis(OpenSslProcess.TIMEOUT_MILLIS))
                    .send(Messages.clientHello())
                    .expectFlightUntil(HandshakeType.SERVER_HELLO_DONE)
                    .sendChangeCipherSpec()
                    .expectAlert(AlertDescription.UNEXPECTED_MESSAGE)
                    .runAsClient("127.0.0.1", server.port());
            WireEvent.Alert alert = assertInstanceOf(WireEvent.Alert.class, result.last().orElseThrow());
            assertEquals(AlertDescription.UNEXPECTED_MESSAGE.code(), alert.description());
        }
    }
}
