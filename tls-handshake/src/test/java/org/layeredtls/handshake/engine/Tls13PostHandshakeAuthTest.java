package org.layeredtls.handshake.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.engine.EnginePairTest.ascii;
import static org.layeredtls.handshake.engine.EnginePairTest.received;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.cert.KeyAlgorithm;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.interop.HandshakeMessagesSeen;
import org.layeredtls.handshake.message.CertificateVerify;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.Finished;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.Tls13Certificate;
import org.layeredtls.handshake.message.Tls13CertificateRequest;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.trace.TlsObservers;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.crypto.DeterministicRandomSource;

/**
 * TLS 1.3 post-handshake client authentication (RFC 8446 §4.6.2) between two engines: the server asks after the
 * handshake, the client answers under its application traffic keys, and the server's session takes the chain.
 */
class Tls13PostHandshakeAuthTest {

    static final IssuedCertificate CLIENT_EC = Pki.CA.issueClient("pha-ec", KeyAlgorithm.EC_P256, Pki.NOT_BEFORE, Pki.NOT_AFTER);
    static final IssuedCertificate CLIENT_RSA = Pki.CA.issueClient("pha-rsa", KeyAlgorithm.RSA_2048, Pki.NOT_BEFORE, Pki.NOT_AFTER);
    private static final CertificateAuthority OTHER_CA = CertificateAuthority.create("Somebody Else's CA", KeyAlgorithm.EC_P256,
            Pki.NOT_BEFORE, Pki.NOT_AFTER, DeterministicRandomSource.fromLabel("pha other ca"));

    enum ClientKey { EC, RSA }

    /** Every handshake message both ways (the interop tests' observer), and what the server heard of post-handshake authentication. */
    static final class Seen {
        final HandshakeMessagesSeen messages = new HandshakeMessagesSeen();
        final List<List<Certificate>> authenticated = Collections.synchronizedList(new ArrayList<>());

        TlsObserver observer() {
            return TlsObservers.of(messages, new TlsObserver() {
                @Override
                public void clientAuthenticatedAfterHandshake(List<Certificate> clientCertificates) {
                    authenticated.add(clientCertificates);
                }
            });
        }

        <T extends HandshakeMessage> List<T> sent(Class<T> type) {
            return messages.sent(type);
        }

        <T extends HandshakeMessage> List<T> received(Class<T> type) {
            return messages.received(type);
        }
    }

    private static TlsConfig.Builder client() {
        return Pki.client().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3);
    }

    private static TlsConfig.Builder server() {
        return Pki.server().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3);
    }

    private static TlsConfig.Builder withCertificate(TlsConfig.Builder builder, IssuedCertificate identity) {
        return builder.certificate(List.of(identity.certificate()), identity.keyPair().privateKey());
    }

    @ParameterizedTest
    @EnumSource(ClientKey.class)
    void theServerAsksAfterTheHandshakeAndTheClientsChainBecomesTheSessions(ClientKey key) throws IOException {
        IssuedCertificate identity = key == ClientKey.EC ? CLIENT_EC : CLIENT_RSA;
        Seen clientSaw = new Seen();
        Seen serverSaw = new Seen();
        EnginePair pair = TlsEngine.pair(withCertificate(client(), identity).postHandshakeAuth(true).observer(clientSaw.observer()).build(),
                server().observer(serverSaw.observer()).build());
        pair.handshake();
        pair.shuttle();
        assertTrue(pair.server().sessionInfo().peerCertificates().isEmpty(), "no certificate asked for in the handshake");
        assertTrue(pair.server().postHandshakeAuthOffered());

        pair.server().requestClientCertificate();
        pair.shuttle();

        assertEquals(List.of(identity.certificate()), pair.server().sessionInfo().peerCertificates());
        assertEquals(List.of(List.of(identity.certificate())), serverSaw.authenticated);
        Tls13CertificateRequest request = clientSaw.received(Tls13CertificateRequest.class).get(0);
        assertEquals(32, request.requestContext().length, "RFC 8446 §4.3.2: an unpredictable context");
        assertArrayEquals(request.requestContext(), clientSaw.sent(Tls13Certificate.class).get(0).requestContext());
        assertEquals(1, serverSaw.received(CertificateVerify.class).size());
        assertEquals(1, serverSaw.received(Finished.class).size() - 1, "the handshake's Finished and the answer's");
        // the connection goes on under the same keys both ways
        pair.client().writeApplicationData(ascii("after post-handshake auth"));
        pair.server().writeApplicationData(ascii("and back"));
        pair.shuttle();
        assertArrayEquals(ascii("after post-handshake auth"), received(pair.server()));
        assertArrayEquals(ascii("and back"), received(pair.client()));
    }

    @Test
    void theClientOffersPostHandshakeAuthOnlyWhenConfigured() throws IOException {
        for (boolean offer : new boolean[] {false, true}) {
            Seen clientSaw = new Seen();
            EnginePair pair = TlsEngine.pair(client().postHandshakeAuth(offer).observer(clientSaw.observer()).build(), server().build());
            pair.handshake();
            ClientHello hello = clientSaw.sent(ClientHello.class).get(0);
            assertEquals(offer, hello.extensionsOrEmpty().contains(ExtensionType.POST_HANDSHAKE_AUTH));
            assertEquals(offer, pair.server().postHandshakeAuthOffered());
        }
        assertFalse(TlsConfig.builder().build().postHandshakeAuth(), "off by default, as OpenSSL without -enable_pha");
    }

    @Test
    void aClientWithNoCertificateAnswersWithAnEmptyCertificateAndFinished() throws IOException {
        Seen clientSaw = new Seen();
        Seen serverSaw = new Seen();
        EnginePair pair = TlsEngine.pair(client().postHandshakeAuth(true).observer(clientSaw.observer()).build(),
                server().clientAuth(ClientAuth.WANT).observer(serverSaw.observer()).build());
        pair.handshake();
        pair.server().requestClientCertificate();
        pair.shuttle();
        assertTrue(clientSaw.sent(Tls13Certificate.class).get(1).certificateList().isEmpty(), "the answer's Certificate is empty");
        assertTrue(clientSaw.sent(CertificateVerify.class).isEmpty(), "no CertificateVerify without a certificate");
        assertEquals(List.of(List.of()), serverSaw.authenticated);
        assertTrue(pair.server().sessionInfo().peerCertificates().isEmpty());
        pair.server().requestClientCertificate(); // answered: the server may ask again
        pair.shuttle();
        assertEquals(2, serverSaw.authenticated.size());
    }

    @Test
    void theServerRefusesToAskAClientThatDidNotOfferPostHandshakeAuth() throws IOException {
        EnginePair pair = TlsEngine.pair(withCertificate(client(), CLIENT_EC).build(), server().build());
        pair.handshake();
        assertThrows(IllegalStateException.class, pair.server()::requestClientCertificate,
                "RFC 8446 §4.6.2: Servers MUST NOT send a post-handshake CertificateRequest to clients which do not offer this extension");
        assertThrows(IllegalStateException.class, pair.client()::requestClientCertificate, "a client asks no one");
        assertEquals(0, pair.shuttle(), "nothing was sent");
    }

    @Test
    void aSecondRequestWaitsForTheAnswerToTheFirst() throws IOException {
        EnginePair pair = TlsEngine.pair(withCertificate(client(), CLIENT_EC).postHandshakeAuth(true).build(), server().build());
        pair.handshake();
        pair.server().requestClientCertificate();
        assertThrows(IllegalStateException.class, pair.server()::requestClientCertificate);
        pair.shuttle();
        pair.server().requestClientCertificate();
        pair.shuttle();
        assertEquals(List.of(CLIENT_EC.certificate()), pair.server().sessionInfo().peerCertificates());
    }

    @Test
    void aChainFromAnUnknownCaIsRefusedWithTheAlertTheHandshakeSends() throws IOException {
        IssuedCertificate intruder = OTHER_CA.issueClient("intruder", KeyAlgorithm.EC_P256, Pki.NOT_BEFORE, Pki.NOT_AFTER);
        EnginePair inHandshake = TlsEngine.pair(withCertificate(client(), intruder).build(), server().clientAuth(ClientAuth.WANT).build());
        TlsAlertException handshakeAlert = assertThrows(TlsAlertException.class, inHandshake::handshake);

        EnginePair after = TlsEngine.pair(withCertificate(client(), intruder).postHandshakeAuth(true).build(), server().build());
        after.handshake();
        after.server().requestClientCertificate();
        TlsAlertException postHandshakeAlert = assertThrows(TlsAlertException.class, after::shuttle);
        assertEquals(handshakeAlert.alert().description(), postHandshakeAlert.alert().description(), postHandshakeAlert.getMessage());
        assertEquals(AlertDescription.UNKNOWN_CA, postHandshakeAlert.alert().description());
    }

    @Test
    void theAnswerAfterAKeyUpdateIsKeyedWithTheClientsCurrentTrafficSecret() throws IOException {
        EnginePair pair = TlsEngine.pair(withCertificate(client(), CLIENT_RSA).postHandshakeAuth(true).build(), server().build());
        pair.handshake();
        pair.client().keyUpdate(true); // both sides at application_traffic_secret_1
        pair.shuttle();
        pair.server().requestClientCertificate();
        pair.shuttle();
        assertEquals(List.of(CLIENT_RSA.certificate()), pair.server().sessionInfo().peerCertificates(),
                "RFC 8446 §4.4: Finished's base key is client_application_traffic_secret_N");
    }
}
