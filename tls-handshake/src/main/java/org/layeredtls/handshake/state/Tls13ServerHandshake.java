package org.layeredtls.handshake.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.HelloRetryCookie;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.extension.ApplicationLayerProtocolNegotiation;
import org.layeredtls.handshake.extension.Cookie;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.extension.PskKeyExchangeMode;
import org.layeredtls.handshake.extension.ExtensionData;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.KeyShare;
import org.layeredtls.handshake.extension.KeyShareEntry;
import org.layeredtls.handshake.extension.PostHandshakeAuth;
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
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.message.Tls13Certificate;
import org.layeredtls.handshake.message.Tls13CertificateRequest;
import org.layeredtls.handshake.prf.Tls13Transcript;
import org.layeredtls.record.ProtocolVersion;

/**
 * The server's side of a TLS 1.3 handshake (RFC 8446 §2, §4), one state per message it waits for:
 *
 * <pre>
 *   ClientHello + key_share       --&gt;
 *   (early data*)                       (0-RTT on resumption: read if taken, else skipped; {@link Tls13EarlyData})
 *                                 &lt;--  HelloRetryRequest   (no share in a group we take: once at most;
 *                                                             with a cookie, TlsConfig.helloRetryCookie)
 *   ClientHello + key_share       --&gt;
 *                                       ServerHello + key_share   (keys change: handshake traffic;
 *                                                                  no key_share when resuming with psk_ke)
 *                                       [ChangeCipherSpec]        (middlebox compatibility, unprotected)
 *                                       {EncryptedExtensions}
 *                                       {CertificateRequest*}
 *                                       {Certificate}
 *                                       {CertificateVerify}
 *                                 &lt;--  {Finished}                (our keys change: application traffic)
 *   (EndOfEarlyData*)             (if we took the early data)
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
        if (tls13.helloRetried && context.config.helloRetryCookie() != HelloRetryCookie.OFF) {
            checkCookie(context, tls13, hello); // the transcript restarts from the cookie
        }
        Optional<KeyShareEntry> clientShare = Tls13ServerNegotiation.negotiate(context, hello);
        // RFC 8446 §4.2.6: post_handshake_auth is empty (decode_error otherwise); we may ask for a certificate later
        hello.extensionsOrEmpty().find(ExtensionType.POST_HANDSHAKE_AUTH, PostHandshakeAuth::decode);
        // RFC 8446 §4.2.11.2: the binder covers the transcript before this ClientHello, and the ClientHello up to it
        boolean resumed = Tls13Tickets.accept(context, tls13, hello, received.transcriptBytes());
        tls13.transcript.add(received.transcriptBytes());
        tls13.startKeySchedule(context.suite); // the Early Secret from the PSK, or from zeros
        // RFC 8446 §4.2.9: psk_ke resumes with the PSK alone, no key share needed
        boolean keyExchange = !resumed || tls13.pskKeyExchangeMode == PskKeyExchangeMode.PSK_DHE_KE;
        boolean statelessRetry = context.config.helloRetryCookie() == HelloRetryCookie.STATELESS && !tls13.helloRetried;
        boolean retry = statelessRetry || keyExchange && clientShare.isEmpty();
        Tls13EarlyData.clientHello(context, tls13, hello, retry); // 0-RTT: taken, or skipped
        if (retry) {
            return helloRetryRequest(context, tls13, received.transcriptBytes(), clientShare.isEmpty() ? context.group : null);
        }
        List<ExtensionData> extensions = new ArrayList<>(List.of(SupportedVersions.selected(ProtocolVersion.TLS1_3)));
        byte[] sharedSecret = null; // psk_ke: the zero value in its place (RFC 8446 §7.1)
        if (keyExchange) {
            ServerKeyShare share = KeyShareGroup.of(context.group, context.config.crypto()).orElseThrow()
                    .respond(clientShare.get().keyExchange(), context.config.random());
            extensions.add(new KeyShare.ServerHello(new KeyShareEntry(context.group, share.publicShare())));
            sharedSecret = share.sharedSecret();
        }
        context.serverRandom = context.config.random().nextBytes(32);
        context.sessionId = hello.sessionId();
        if (resumed) {
            extensions.add(new PreSharedKey.SelectedIdentity(0)); // RFC 8446 §4.2.11: we took the first (only) PSK
        }
        context.send(serverHello(context, context.serverRandom, extensions.toArray(ExtensionData[]::new)));
        tls13.deriveHandshakeSecrets(sharedSecret);
        tls13.sendCompatibilityCcs(); // RFC 8446 §D.4: after our first hello (unless after the HelloRetryRequest)
        tls13.installWriteKeys(tls13.serverHandshakeTrafficSecret);
        tls13.installReadKeys(tls13.earlyDataAccepted ? tls13.clientEarlyTrafficSecret : tls13.clientHandshakeTrafficSecret);
        context.connection.records.allowPlaintextAlertUntilTheFirstProtectedRecord(); // the client's alert may precede its keys
        sendServerFlight(context, tls13);
        if (tls13.earlyDataAccepted) {
            return new ExpectEndOfEarlyData();
        }
        return tls13.certificateRequest != null ? new ExpectClientCertificate() : new ExpectClientFinished();
    }

    /**
     * RFC 8446 §4.1.4: a HelloRetryRequest asking for a share in {@code group} (null: none, the client's share
     * would do but we want our cookie back), with a cookie if {@link TlsConfig#helloRetryCookie()} says so.
     * {@code clientHello1}: the ClientHello as received, for the cookie's message_hash.
     */
    private static HandshakeState helloRetryRequest(HandshakeContext context, Tls13Handshake tls13, byte[] clientHello1,
                                                    NamedGroup group) throws IOException {
        tls13.helloRetried = true;
        tls13.pskAccepted = false; // the second ClientHello's binder decides again
        tls13.psk = null;
        context.resumed = false;
        tls13.transcript.replaceClientHelloWithMessageHash(); // RFC 8446 §4.4.1
        byte[] cookie = context.config.helloRetryCookie() == HelloRetryCookie.OFF ? null
                : Tls13Cookie.make(context.config, context.suite, group, Tls13Transcript.messageHash(tls13.hash, clientHello1, context.config.crypto()));
        context.send(helloRetryRequestMessage(context, group, cookie));
        tls13.sendCompatibilityCcs();
        context.flush();
        return new ExpectSecondClientHello();
    }

    /** The HelloRetryRequest: a ServerHello with the special random (RFC 8446 §4.1.3), named group and cookie if any. */
    private static ServerHello helloRetryRequestMessage(HandshakeContext context, NamedGroup group, byte[] cookie) {
        List<ExtensionData> extensions = new ArrayList<>(List.of(SupportedVersions.selected(ProtocolVersion.TLS1_3)));
        if (group != null) {
            extensions.add(new KeyShare.HelloRetryRequest(group));
        }
        if (cookie != null) {
            extensions.add(new Cookie(cookie));
        }
        return serverHello(context, ServerHello.HELLO_RETRY_REQUEST_RANDOM, extensions.toArray(ExtensionData[]::new));
    }

    /**
     * RFC 8446 §4.2.2, §4.4.1: the second ClientHello must echo our cookie (missing_extension without it;
     * illegal_parameter if it is not ours or was changed, see {@link Tls13Cookie#open}); the transcript then
     * starts again from what the cookie holds, ClientHello1's message_hash, and the HelloRetryRequest it rode in.
     */
    private static void checkCookie(HandshakeContext context, Tls13Handshake tls13, ClientHello hello) throws TlsAlertException {
        byte[] cookie = hello.extensionsOrEmpty().find(ExtensionType.COOKIE, Cookie::decode).map(Cookie::cookie)
                .orElseThrow(() -> HandshakeContext.alert(AlertDescription.MISSING_EXTENSION,
                        "the second ClientHello does not echo the HelloRetryRequest's cookie (RFC 8446 §4.1.2)"));
        Tls13Cookie.Contents contents = Tls13Cookie.open(context.config, cookie);
        if (contents.suite() != context.suite || contents.group() != null && contents.group() != context.group) {
            throw HandshakeContext.alert(AlertDescription.ILLEGAL_PARAMETER, "the cookie is another handshake's");
        }
        byte[] helloRetryRequest = HandshakeFrame.of(helloRetryRequestMessage(context, contents.group(), cookie)).bytes();
        tls13.restartTranscript(contents.messageHash(), helloRetryRequest);
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
        Tls13EarlyData.encryptedExtension(tls13).ifPresent(answers::add);
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

    /** 0-RTT accepted: the client's early data (read as application data, marked early), then EndOfEarlyData. */
    record ExpectEndOfEarlyData() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.END_OF_EARLY_DATA;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            context.tls13.transcript.add(received.transcriptBytes());
            // RFC 8446 §4.5: the client's next messages are under its handshake traffic keys
            context.tls13.installReadKeys(context.tls13.clientHandshakeTrafficSecret);
            return new ExpectClientFinished(); // a PSK handshake: no client certificate
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
            tls13.keepHandshakeContext(); // ClientHello..client Finished, before our tickets: post-handshake authentication
            context.clientVerifyData = ((Finished) received.message()).verifyData();
            tls13.installReadKeys(tls13.clientApplicationTrafficSecret);
            tls13.deriveResumptionSecret(); // over ClientHello..client Finished
            Tls13Tickets.send(context, tls13);
            return new HandshakeState.Connected();
        }
    }
}
