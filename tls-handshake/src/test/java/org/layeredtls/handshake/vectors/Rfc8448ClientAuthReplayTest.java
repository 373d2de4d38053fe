package org.layeredtls.handshake.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.EcPrivateKey;
import org.layeredtls.crypto.NamedCurve;
import org.layeredtls.crypto.SignatureScheme;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.research.MessageSubstitution;

/**
 * RFC 8448 §6 (Client Authentication) replayed whole through our state machines, each role in turn: the
 * CertificateRequest, the client's Certificate, CertificateVerify and Finished in one record, and every protected
 * record byte for byte. The RFC gives neither the client's RSA key nor the server's ECDSA key, so the side that
 * signs does so with a stand-in key and the hook sends the RFC's CertificateVerify in place of ours (as it does for
 * §3's randomized RSA-PSS signature); the side that verifies checks the RFC's signature with the RFC's certificate.
 */
class Rfc8448ClientAuthReplayTest {

    private static final byte[] CLIENT_HELLO = Rfc8448Trace.fragment(Rfc8448ClientAuthTrace.CLIENT_HELLO_RECORD);
    private static final byte[] SERVER_HELLO = Rfc8448Trace.fragment(Rfc8448ClientAuthTrace.SERVER_HELLO_RECORD);
    private static final byte[] CLIENT_RECORDS = Rfc8448Trace.stream(Rfc8448ClientAuthTrace.CLIENT_HELLO_RECORD,
            Rfc8448ClientAuthTrace.CLIENT_FLIGHT_RECORD, Rfc8448ClientAuthTrace.CLIENT_CLOSE_NOTIFY_RECORD);
    private static final byte[] SERVER_RECORDS = Rfc8448Trace.stream(Rfc8448ClientAuthTrace.SERVER_HELLO_RECORD,
            Rfc8448ClientAuthTrace.SERVER_FLIGHT_RECORD, Rfc8448ClientAuthTrace.SERVER_CLOSE_NOTIFY_RECORD);
    /** A stand-in for the server's P-256 key, which the RFC does not give: its signature is replaced by the RFC's. */
    private static final EcPrivateKey STAND_IN_P256_KEY = new EcPrivateKey(NamedCurve.SECP256R1, BigInteger.valueOf(8448));

    @Test
    void rfc8448Section6OurClientSendsItsCertificateAndWritesTheRfcsClientFlightAndCloseNotifyByteForByte() throws Exception {
        Certificate clientCertificate = Rfc8448Trace.certificateOf(Rfc8448ClientAuthTrace.CLIENT_CERTIFICATE);
        Certificate serverCertificate = Rfc8448Trace.certificateOf(Rfc8448ClientAuthTrace.SERVER_CERTIFICATE);
        MessageSubstitution hook = new MessageSubstitution().replace(HandshakeType.CLIENT_HELLO, CLIENT_HELLO)
                .replace(HandshakeType.CERTIFICATE_VERIFY, Rfc8448ClientAuthTrace.CLIENT_CERTIFICATE_VERIFY)
                .shareRecordWithNext(HandshakeType.CERTIFICATE, HandshakeType.CERTIFICATE_VERIFY);
        // the client key is not in the RFC: §2's RSA-1024 key stands in for it, and our signature is replaced
        TlsConfig config = Rfc8448Sides.rfcClient()
                .certificate(List.of(clientCertificate), Rfc8448Trace.serverRsaKey())
                .peerCertificateVerifier(new Rfc8448ServerTrust(List.of(serverCertificate), Rfc8448Sides.WHEN_THE_RFC_WAS_WRITTEN,
                        Rfc8448Sides.RSA_1024_SECURITY_LEVEL, "ecdsa256"))
                .random(new Rfc8448Randomness(DeterministicRandomSource.fromLabel("rfc 8448 §6 client, after its hello"),
                        Rfc8448Trace.random(CLIENT_HELLO), Rfc8448ClientAuthTrace.CLIENT_X25519_PRIVATE))
                .handshakeInterceptor(hook).build();

        // checks the server's ECDSA CertificateVerify, answers its CertificateRequest
        SessionInfo session = Rfc8448Sides.replayToClose(config, true, SERVER_RECORDS, CLIENT_RECORDS);
        assertEquals(serverCertificate, session.peerCertificates().get(0));
        assertEquals(List.of(HandshakeType.CLIENT_HELLO, HandshakeType.CERTIFICATE_VERIFY), Rfc8448Sides.replacedTypes(hook),
                "our Certificate and Finished are the RFC's bytes");
    }

    @Test
    void rfc8448Section6OurServerRequestsAndChecksTheRfcsClientCertificateAndWritesItsRecordsByteForByte() throws Exception {
        Certificate clientCertificate = Rfc8448Trace.certificateOf(Rfc8448ClientAuthTrace.CLIENT_CERTIFICATE);
        Certificate serverCertificate = Rfc8448Trace.certificateOf(Rfc8448ClientAuthTrace.SERVER_CERTIFICATE);
        MessageSubstitution hook = new MessageSubstitution()
                .replace(HandshakeType.SERVER_HELLO, SERVER_HELLO)
                .replace(HandshakeType.ENCRYPTED_EXTENSIONS, Rfc8448ClientAuthTrace.ENCRYPTED_EXTENSIONS)
                .replace(HandshakeType.CERTIFICATE_REQUEST, Rfc8448ClientAuthTrace.CERTIFICATE_REQUEST)
                .replace(HandshakeType.CERTIFICATE_VERIFY, Rfc8448ClientAuthTrace.SERVER_CERTIFICATE_VERIFY)
                .shareRecordWithNext(HandshakeType.ENCRYPTED_EXTENSIONS, HandshakeType.CERTIFICATE_REQUEST,
                        HandshakeType.CERTIFICATE, HandshakeType.CERTIFICATE_VERIFY);
        TlsConfig config = Rfc8448Sides.rfcServer(serverCertificate, STAND_IN_P256_KEY)
                .signatureSchemes(SignatureScheme.ECDSA_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256)
                .clientAuth(ClientAuth.NEED)
                .peerCertificateVerifier(new Rfc8448ServerTrust(List.of(clientCertificate), Rfc8448Sides.WHEN_THE_RFC_WAS_WRITTEN,
                        Rfc8448Sides.RSA_1024_SECURITY_LEVEL, "client"))
                .random(new Rfc8448Randomness(DeterministicRandomSource.fromLabel("rfc 8448 §6 server, after its hello"),
                        Rfc8448ClientAuthTrace.SERVER_X25519_PRIVATE, Rfc8448Trace.random(SERVER_HELLO)))
                .handshakeInterceptor(hook).build();

        // checks the RFC's client CertificateVerify and Finished
        SessionInfo session = Rfc8448Sides.replayToClose(config, false, CLIENT_RECORDS, SERVER_RECORDS);
        assertEquals(clientCertificate, session.peerCertificates().get(0));
        assertEquals(List.of(HandshakeType.SERVER_HELLO, HandshakeType.ENCRYPTED_EXTENSIONS, HandshakeType.CERTIFICATE_REQUEST,
                HandshakeType.CERTIFICATE_VERIFY), Rfc8448Sides.replacedTypes(hook));
    }
}
