package org.layeredtls.handshake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.suite.KeyExchangeAlgorithm;
import org.layeredtls.handshake.testing.HandshakeServer;
import org.layeredtls.record.ProtocolVersion;

/** TlsConfig.peerCertificateVerifier: the verifier, not the trust anchors, decides on the peer's chain, on both sides. */
class PeerCertificateVerifierTest {

    /** Records each call; refuses with {@code refusal} when it is not null. */
    private static final class Recording implements PeerCertificateVerifier {
        final List<String> calls = new CopyOnWriteArrayList<>();
        private final AlertDescription refusal;

        Recording(AlertDescription refusal) {
            this.refusal = refusal;
        }

        @Override
        public void verifyServer(List<Certificate> chain, KeyExchangeAlgorithm keyExchange, String expectedName) throws TlsAlertException {
            calls.add("server " + chain.get(0).subject() + " " + keyExchange + " " + expectedName);
            refuseIfAsked();
        }

        @Override
        public void verifyClient(List<Certificate> chain) throws TlsAlertException {
            calls.add("client " + chain.get(0).subject());
            refuseIfAsked();
        }

        private void refuseIfAsked() throws TlsAlertException {
            if (refusal != null) {
                throw new TlsAlertException(refusal, TlsLayer.HANDSHAKE, "refused by the test's verifier");
            }
        }
    }

    private static TlsConfig.Builder serverRsaOnly() {
        return TlsConfig.builder().certificate(List.of(TestCertificates.SERVER_RSA.certificate()),
                TestCertificates.SERVER_RSA.keyPair().privateKey()).maxVersion(ProtocolVersion.TLS1_2); // authType ECDHE_RSA: a TLS 1.2 suite's
    }

    @Test
    void aClientsVerifierAcceptsAServerNoTrustAnchorVouchesFor() throws Exception {
        Recording verifier = new Recording(null);
        try (HandshakeServer server = HandshakeServer.bind(serverRsaOnly().build())) {
            Future<HandshakeServer.Outcome> outcome = server.acceptOne();
            try (TlsSocket client = TlsSocket.connect("localhost", server.port(),
                    TlsConfig.builder().peerCertificateVerifier(verifier).build())) {
                client.startHandshake();
            }
            assertNull(HandshakeServer.failureOf(outcome));
        }
        assertEquals(List.of("server " + TestCertificates.SERVER_RSA.certificate().subject() + " ECDHE_RSA localhost"), verifier.calls);
    }

    @Test
    void aClientsVerifierRefusesWithTheAlertItThrows() throws Exception {
        try (HandshakeServer server = HandshakeServer.bind(serverRsaOnly().build())) {
            Future<HandshakeServer.Outcome> outcome = server.acceptOne();
            try (TlsSocket client = TlsSocket.connect("localhost", server.port(), TestCertificates.client()
                    .peerCertificateVerifier(new Recording(AlertDescription.UNKNOWN_CA)).build())) {
                TlsAlertException refused = assertThrows(TlsAlertException.class, client::startHandshake);
                assertEquals(AlertDescription.UNKNOWN_CA, refused.description());
            }
            TlsException received = assertInstanceOf(TlsException.class, HandshakeServer.failureOf(outcome));
            assertEquals(AlertDescription.UNKNOWN_CA, received.description(), "the server received the verifier's alert");
        }
    }

    @Test
    void aServersVerifierDecidesOnTheClientsChain() throws Exception {
        Recording verifier = new Recording(null);
        TlsConfig serverConfig = serverRsaOnly().clientAuth(ClientAuth.NEED).peerCertificateVerifier(verifier).build();
        IssuedCertificateKey intruder = new IssuedCertificateKey(TestCertificates.CLIENT_OTHER_CA);
        try (HandshakeServer server = HandshakeServer.bind(serverConfig)) {
            Future<HandshakeServer.Outcome> outcome = server.acceptOne();
            try (TlsSocket client = TlsSocket.connect("localhost", server.port(), TestCertificates.client()
                    .certificate(intruder.chain(), intruder.key()).build())) {
                client.startHandshake();
            }
            HandshakeServer.Outcome done = HandshakeServer.await(outcome);
            assertNull(done.failure());
            assertEquals(intruder.chain().get(0), done.session().peerCertificates().get(0));
        }
        assertEquals(List.of("client " + TestCertificates.CLIENT_OTHER_CA.certificate().subject()), verifier.calls,
                "a chain no trust anchor vouches for, accepted because the verifier said so");
    }

    private record IssuedCertificateKey(List<Certificate> chain, org.layeredtls.crypto.PrivateKey key) {
        IssuedCertificateKey(org.layeredtls.handshake.cert.IssuedCertificate issued) {
            this(List.of(issued.certificate()), issued.keyPair().privateKey());
        }
    }
}
