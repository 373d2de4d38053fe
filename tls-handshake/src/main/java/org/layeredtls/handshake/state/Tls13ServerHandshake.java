package org.layeredtls.handshake.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.extension.ApplicationLayerProtocolNegotiation;
import org.layeredtls.handshake.extension.ExtensionData;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.KeyShare;
import org.layeredtls.handshake.extension.KeyShareEntry;
import org.layeredtls.handshake.extension.PreSharedKey;
import org.layeredtls.handshake.extension.ServerName;
import org.layeredtls.handshake.extension.SignatureAlgorithms;
import org.layeredtls.handshake.extension.SupportedVersions;
import org.layeredtls.handshake.keyexchange.KeyShareGroup;
import org.layeredtls.handshake.keyexchange.SignatureSchemes;
import org.layeredtls.handshake.keyexchange.ServerKeyShare;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.EncryptedExtensions;
import org.layeredtls.handshake.message.Finished;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.message.Tls13Certificate;
import org.layeredtls.handshake.message.Tls13CertificateRequest;
import org.layeredtls.record.ProtocolVersion;

/**
 * The server's side of a TLS 1.3 handshake (RFC 8446 §2, §4), one state per message it waits for:
 *
 * <pre>
 *   ClientHello + key_share       --&gt;
 *                                 &lt;--  HelloRetryRequest   (no share in a group we take: once at most)
 *   ClientHello + key_share       --&gt;
 *                                       ServerHello + key_share   (keys change: handshake traffic)
 *                                       [ChangeCipherSpec]        (middlebox compatibility, unprotected)
 *                                       {EncryptedExtensions}
 *                                       {CertificateRequest*}
 *                                       {Certificate}
 *                                       {CertificateVerify}
 *                                 &lt;--  {Finished}                (our keys change: application traffic)
 *   {Certificate*}
 *   {CertificateVerify*}
 *   {Finished}                    --&gt;
 *                                 &lt;--  [NewSessionTicket]        (after the handshake)
 * </pre>
 *
 * {@link ServerHandshake.ExpectClientHello} hands a ClientHello here when its supported_versions offers TLS 1.3.
 */
public final class Tls13ServerHandshake {

    private Tls13ServerHandshake() {
    }

    /** The server's TLS 1.3 states. */
    public sealed interface State extends HandshakeState {
    }

    /** A ClientHello offering TLS 1.3 (the first, or the one that answers our HelloRetryRequest). */
    static HandshakeState clientHello(HandshakeContext context, ReceivedMessage received) throws IOException {
        ClientHello hello = (ClientHello) received.message();
        Tls13Handshake tls13 = context.tls13;
        context.clientHello = hello;
        context.clientRandom = hello.random();
        tls13.negotiated();
        context.connection.records.setWriteVersion(ProtocolVersion.TLS1_2); // RFC 8446 §5.1: legacy_record_version
        Optional<KeyShareEntry> clientShare = Tls13ServerNegotiation.negotiate(context, hello);
        // RFC 8446 §4.2.11.2: the binder covers the transcript before this ClientHello, and the ClientHello up to it
        boolean resumed = Tls13Tickets.accept(context, tls13, hello, received.transcriptBytes());
        tls13.transcript.add(received.transcriptBytes());
        tls13.startKeySchedule(context.suite); // the Early Secret from the PSK, or from zeros
        if (clientShare.isEmpty()) {
            return helloRetryRequest(context, tls13);
        }
        ServerKeyShare share = KeyShareGroup.of(context.group).orElseThrow()
                .respond(clientShare.get().keyExchange(), context.config.random());
        context.serverRandom = context.config.random().nextBytes(32);
        context.sessionId = hello.sessionId();
        List<ExtensionData> extensions = new ArrayList<>(List.of(SupportedVersions.selected(ProtocolVersion.TLS1_3),
                new KeyShare.ServerHello(new KeyShareEntry(context.group, share.publicShare()))));
        if (resumed) {
            extensions.add(new PreSharedKey.SelectedIdentity(0)); // RFC 8446 §4.2.11: we took the first (only) PSK
        }
        context.send(serverHello(context, context.serverRandom, extensions.toArray(ExtensionData[]::new)));
        tls13.deriveHandshakeSecrets(share.sharedSecret());
        tls13.sendCompatibilityCcs(); // RFC 8446 §D.4: after our first hello (unless after the HelloRetryRequest)
        tls13.installWriteKeys(tls13.serverHandshakeTrafficSecret);
        tls13.installReadKeys(tls13.clientHandshakeTrafficSecret);
        context.connection.records.allowPlaintextAlertUntilTheFirstProtectedRecord(); // the client's alert may precede its keys
        sendServerFlight(context, tls13);
        return tls13.certificateRequest != null ? new ExpectClientCertificate() : new ExpectClientFinished();
    }

    /** RFC 8446 §4.1.4: the ClientHello has no share we take; ask for one in {@code context.group}. */
    private static HandshakeState helloRetryRequest(HandshakeContext context, Tls13Handshake tls13) throws IOException {
        tls13.helloRetried = true;
        tls13.pskAccepted = false; // the second ClientHello's binder decides again
        tls13.psk = null;
        context.resumed = false;
        tls13.transcript.replaceClientHelloWithMessageHash(); // RFC 8446 §4.4.1
        context.send(serverHello(context, ServerHello.HELLO_RETRY_REQUEST_RANDOM,
                SupportedVersions.selected(ProtocolVersion.TLS1_3), new KeyShare.HelloRetryRequest(context.group)));
        tls13.sendCompatibilityCcs();
        context.flush();
        return new ExpectSecondClientHello();
    }

    private static ServerHello serverHello(HandshakeContext context, byte[] random, ExtensionData... extensions) {
        // RFC 8446 §4.1.3: legacy_version {3,3}, legacy_session_id_echo, legacy_compression_method 0
        return new ServerHello(ProtocolVersion.TLS1_2, random, context.clientHello.sessionId(), context.suite.code(), 0,
                Optional.of(Extensions.of(extensions)));
    }

    /** {EncryptedExtensions}, {CertificateRequest*}, {Certificate}, {CertificateVerify}, {Finished}; then our application keys. */
    private static void sendServerFlight(HandshakeContext context, Tls13Handshake tls13) throws IOException {
        List<ExtensionData> answers = new ArrayList<>();
        if (context.applicationProtocol != null) {
            answers.add(ApplicationLayerProtocolNegotiation.of(context.applicationProtocol));
        }
        if (context.serverName != null) {
            answers.add(ServerName.acknowledgement()); // RFC 6066 §3, in EncryptedExtensions from TLS 1.3
        }
        context.send(new EncryptedExtensions(Extensions.of(answers.toArray(ExtensionData[]::new))));
        if (!tls13.pskAccepted) { // RFC 8446 §2.2: a PSK handshake has no certificates
            sendCertificates(context, tls13);
        }
        Finished finished = tls13.finished(tls13.serverHandshakeTrafficSecret);
        context.serverVerifyData = finished.verifyData();
        context.send(finished);
        context.flush();
        tls13.deriveApplicationSecrets(); // over ClientHello..server Finished
        tls13.installWriteKeys(tls13.serverApplicationTrafficSecret);
    }

    /** {CertificateRequest*}, {Certificate}, {CertificateVerify}. */
    private static void sendCertificates(HandshakeContext context, Tls13Handshake tls13) throws IOException {
        if (context.config.clientAuth() != ClientAuth.NONE) {
            // RFC 8446 §4.3.2: an empty context in the handshake; signature_algorithms is required
            tls13.certificateRequest = new Tls13CertificateRequest(new byte[0], Extensions.of(new SignatureAlgorithms(
                    SignatureSchemes.codes(Tls13Signatures.offered(context.config.signatureSchemes())))));
            tls13.certificateRequestContext = new byte[0];
            context.send(tls13.certificateRequest);
        }
        context.send(Tls13Certificates.of(new byte[0], context.ownKey));
        context.send(Tls13Signatures.sign(context, context.signatureScheme, context.ownKey.privateKey(),
                Tls13Signatures.SERVER_CONTEXT, tls13.transcript.hash()));
    }

    record ExpectSecondClientHello() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.CLIENT_HELLO;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            return clientHello(context, received);
        }
    }

    record ExpectClientCertificate() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.CERTIFICATE;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            Tls13Certificate certificate = (Tls13Certificate) received.message();
            if (!java.security.MessageDigest.isEqual(certificate.requestContext(), context.tls13.certificateRequestContext)) {
                throw HandshakeContext.alert(AlertDescription.ILLEGAL_PARAMETER,
                        "the client's certificate_request_context is not the CertificateRequest's");
            }
            var chain = Tls13Certificates.chain(certificate);
            context.tls13.transcript.add(received.transcriptBytes());
            if (chain.isEmpty()) {
                if (context.config.clientAuth() == ClientAuth.NEED) {
                    // RFC 8446 §4.4.2.4: "the server MAY abort the handshake with a certificate_required alert"
                    throw HandshakeContext.alert(AlertDescription.CERTIFICATE_REQUIRED,
                            "a client certificate is required and the client sent none");
                }
                return new ExpectClientFinished();
            }
            context.peerCertificates = PeerCertificates.checkClient(context, chain);
            return new ExpectClientCertificateVerify();
        }
    }

    record ExpectClientCertificateVerify() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.CERTIFICATE_VERIFY;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            context.tls13.checkCertificateVerify(received, Tls13Signatures.CLIENT_CONTEXT);
            return new ExpectClientFinished();
        }
    }

    record ExpectClientFinished() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.FINISHED;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            Tls13Handshake tls13 = context.tls13;
            tls13.checkFinished(received, tls13.clientHandshakeTrafficSecret);
            context.clientVerifyData = ((Finished) received.message()).verifyData();
            tls13.installReadKeys(tls13.clientApplicationTrafficSecret);
            tls13.deriveResumptionSecret(); // over ClientHello..client Finished
            Tls13Tickets.send(context, tls13);
            return new HandshakeState.Connected();
        }
    }
}
