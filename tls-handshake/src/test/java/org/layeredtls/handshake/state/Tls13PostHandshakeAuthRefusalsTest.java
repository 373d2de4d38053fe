package org.layeredtls.handshake.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.SignatureScheme;
import org.layeredtls.handshake.api.CertifiedKey;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.cert.KeyAlgorithm;
import org.layeredtls.handshake.message.CertificateVerify;
import org.layeredtls.handshake.message.DigitallySigned;
import org.layeredtls.handshake.message.Finished;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.Tls13Certificate;
import org.layeredtls.handshake.message.Tls13CertificateRequest;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.record.ProtocolVersion;

/**
 * The refusals of TLS 1.3 post-handshake client authentication (RFC 8446 §4.6.2), each side facing a scripted
 * peer: two {@link Connection}s wired in memory, one of which sends, after the handshake and under its
 * application traffic keys, messages our own code would never send in that order.
 */
class Tls13PostHandshakeAuthRefusalsTest {

    private static final IssuedCertificate CLIENT = Pki.CA.issueClient("pha-refusals", KeyAlgorithm.EC_P256,
            Pki.NOT_BEFORE, Pki.NOT_AFTER);
    /** RFC 8446 §4.2.3: ecdsa_secp256r1_sha256, the scheme a P-256 key signs TLS 1.3 with. */
    private static final int ECDSA_SECP256R1_SHA256 = 0x0403;

    /** A connection whose input the test fills with whole records, and whose output it takes. */
    private static final class Side {
        final Connection connection;
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        final Input input = new Input();
        final List<HandshakeMessage> sent = new ArrayList<>();

        Side(TlsConfig.Builder config, boolean client) {
            TlsObserver observer = new TlsObserver() {
                @Override
                public void handshakeMessageSent(HandshakeMessage message, byte[] bytes) {
                    sent.add(message);
                }
            };
            this.connection = new Connection(config.observer(observer).build(), client, "localhost", 443, input, output);
        }

        /** The context of the last CertificateRequest this side sent after the handshake. */
        byte[] lastRequestContext() {
            for (int i = sent.size() - 1; i >= 0; i--) {
                if (sent.get(i) instanceof Tls13CertificateRequest request) {
                    return request.requestContext();
                }
            }
            throw new AssertionError("no CertificateRequest was sent");
        }

        /** Sends messages after the handshake, as a peer that does not follow the protocol would. */
        void sendPostHandshake(HandshakeMessage... messages) throws IOException {
            connection.writePostHandshake(List.of(messages), () -> { });
        }
    }

    /** Records waiting to be read: whole records only, so the record layer never waits. */
    private static final class Input extends InputStream {
        private byte[] bytes = new byte[0];
        private int at;

        void add(byte[] more) {
            byte[] all = Arrays.copyOf(Arrays.copyOfRange(bytes, at, bytes.length), bytes.length - at + more.length);
            System.arraycopy(more, 0, all, bytes.length - at, more.length);
            bytes = all;
            at = 0;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= bytes.length) {
                return -1;
            }
            int n = Math.min(len, bytes.length - at);
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }

        @Override
        public int available() {
            return bytes.length - at;
        }
    }

    private final List<Side> sides = new ArrayList<>();

    private Side client(TlsConfig.Builder config) {
        Side side = new Side(config.versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3), true);
        sides.add(side);
        return side;
    }

    private Side server(TlsConfig.Builder config) {
        Side side = new Side(config.versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3), false);
        sides.add(side);
        return side;
    }

    /** Moves what {@code from} wrote to {@code to} and has {@code to} process it; returns whether anything moved. */
    private static boolean deliver(Side from, Side to) throws IOException {
        byte[] bytes = from.output.toByteArray();
        from.output.reset();
        to.input.add(bytes);
        while (to.input.available() > 0 && !to.connection.isClosed()) {
            to.connection.processNextRecord();
        }
        return bytes.length > 0;
    }

    /** Drops what {@code side} wrote: its peer never sees it. */
    private static void drop(Side side) {
        side.output.reset();
    }

    private static void handshake(Side client, Side server) throws IOException {
        client.connection.beginHandshake();
        server.connection.beginHandshake();
        while (deliver(client, server) | deliver(server, client)) {
            // until neither side has anything more to say
        }
        assertTrue(client.connection.isHandshakeDone() && server.connection.isHandshakeDone());
    }

    private static TlsConfig.Builder withCertificate(TlsConfig.Builder builder) {
        return builder.certificate(List.of(CLIENT.certificate()), CLIENT.keyPair().privateKey());
    }

    /** RFC 8446 §4.4.4: verify_data is as long as the suite's hash. */
    private static int finishedLength(Side side) {
        return side.connection.sessionInfo().cipherSuite().prfHash().digestLength();
    }

    private static void assertAlert(AlertDescription expected, TlsAlertException thrown) {
        assertEquals(expected, thrown.alert().description(), thrown.getMessage());
    }

    @Test
    void aClientThatDidNotOfferPostHandshakeAuthAnswersACertificateRequestWithUnexpectedMessage() throws IOException {
        Side client = client(withCertificate(Pki.client()));
        Side server = server(Pki.server());
        handshake(client, server);
        server.connection.postHandshake().auth().sendCertificateRequest(); // what requestClientCertificate() refuses to do
        // RFC 8446 §4.6.2: "MUST send an "unexpected_message" fatal alert"
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, assertThrows(TlsAlertException.class, () -> deliver(server, client)));
        assertTrue(client.connection.isOutboundClosed(), "the alert went out");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Certificate", "CertificateVerify", "Finished"})
    void aMessageOfAnAnswerTheServerDidNotAskForIsUnexpectedMessage(String unasked) throws IOException {
        Side client = client(withCertificate(Pki.client()).postHandshakeAuth(true));
        Side server = server(Pki.server());
        handshake(client, server);
        client.sendPostHandshake(switch (unasked) {
            case "Certificate" -> Tls13Certificates.of(new byte[] {1}, new CertifiedKey(List.of(CLIENT.certificate()), CLIENT.keyPair().privateKey()));
            case "CertificateVerify" -> new CertificateVerify(new DigitallySigned(java.util.OptionalInt.of(ECDSA_SECP256R1_SHA256), new byte[64]));
            default -> new Finished(new byte[finishedLength(client)]);
        });
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, assertThrows(TlsAlertException.class, () -> deliver(client, server)));
    }

    @Test
    void aFinishedBeforeTheCertificateIsUnexpectedMessage() throws IOException {
        Side client = client(withCertificate(Pki.client()).postHandshakeAuth(true));
        Side server = server(Pki.server());
        handshake(client, server);
        server.connection.requestClientCertificate();
        drop(server);
        client.sendPostHandshake(new Finished(new byte[finishedLength(client)]));
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, assertThrows(TlsAlertException.class, () -> deliver(client, server)));
    }

    @Test
    void aCertificateWithAnotherRequestContextIsIllegalParameter() throws IOException {
        Side client = client(withCertificate(Pki.client()).postHandshakeAuth(true));
        Side server = server(Pki.server());
        handshake(client, server);
        server.connection.requestClientCertificate();
        drop(server);
        byte[] other = server.lastRequestContext().clone();
        other[0] ^= 1;
        client.sendPostHandshake(Tls13Certificates.of(other, null));
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, assertThrows(TlsAlertException.class, () -> deliver(client, server)));
    }

    @Test
    void aCertificateVerifyThatDoesNotVerifyIsDecryptError() throws IOException {
        Side client = client(withCertificate(Pki.client()).postHandshakeAuth(true));
        Side server = server(Pki.server());
        handshake(client, server);
        server.connection.requestClientCertificate();
        drop(server);
        TlsConfig clientConfig = client.connection.config;
        SignatureScheme scheme = org.layeredtls.handshake.keyexchange.SignatureSchemes.fromCode(ECDSA_SECP256R1_SHA256).orElseThrow();
        client.sendPostHandshake(Tls13Certificates.of(server.lastRequestContext(),
                        new CertifiedKey(List.of(CLIENT.certificate()), CLIENT.keyPair().privateKey())),
                // a good signature, over another transcript hash
                Tls13Signatures.sign(clientConfig, scheme, CLIENT.keyPair().privateKey(), Tls13Signatures.CLIENT_CONTEXT, new byte[32]));
        assertAlert(AlertDescription.DECRYPT_ERROR, assertThrows(TlsAlertException.class, () -> deliver(client, server)));
    }

    @Test
    void aFinishedThatDoesNotMatchIsDecryptError() throws IOException {
        Side client = client(Pki.client().postHandshakeAuth(true));
        Side server = server(Pki.server().clientAuth(ClientAuth.WANT));
        handshake(client, server);
        server.connection.requestClientCertificate();
        drop(server);
        client.sendPostHandshake(Tls13Certificates.of(server.lastRequestContext(), null), new Finished(new byte[finishedLength(client)]));
        assertAlert(AlertDescription.DECRYPT_ERROR, assertThrows(TlsAlertException.class, () -> deliver(client, server)));
    }

    @Test
    void anEmptyCertificateWhenOneIsRequiredIsCertificateRequired() throws IOException {
        Side client = client(withCertificate(Pki.client()).postHandshakeAuth(true));
        Side server = server(Pki.server().clientAuth(ClientAuth.NEED));
        handshake(client, server);
        server.connection.requestClientCertificate();
        drop(server);
        client.sendPostHandshake(Tls13Certificates.of(server.lastRequestContext(), null));
        assertAlert(AlertDescription.CERTIFICATE_REQUIRED, assertThrows(TlsAlertException.class, () -> deliver(client, server)));
    }

    @Test
    void aCertificateRequestWithoutSignatureAlgorithmsIsMissingExtension() throws IOException {
        Side client = client(withCertificate(Pki.client()).postHandshakeAuth(true));
        Side server = server(Pki.server());
        handshake(client, server);
        server.sendPostHandshake(new Tls13CertificateRequest(new byte[] {7}, org.layeredtls.handshake.extension.Extensions.of(
                new org.layeredtls.handshake.extension.SignatureAlgorithmsCert(List.of(ECDSA_SECP256R1_SHA256)))));
        // RFC 8446 §4.3.2: "The "signature_algorithms" extension MUST be specified"
        assertAlert(AlertDescription.MISSING_EXTENSION, assertThrows(TlsAlertException.class, () -> deliver(server, client)));
    }
}
