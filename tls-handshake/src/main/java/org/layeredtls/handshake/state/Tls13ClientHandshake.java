package org.layeredtls.handshake.state;

import java.io.IOException;

import org.layeredtls.handshake.extension.ExtensionMessage;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.EncryptedExtensions;
import org.layeredtls.handshake.message.Finished;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.message.Tls13Certificate;
import org.layeredtls.handshake.message.Tls13CertificateRequest;

/**
 * The client's side of a TLS 1.3 handshake (RFC 8446 §2, §4), one state per message it waits for:
 *
 * <pre>
 *   ClientHello + key_share       --&gt;
 *   (early data*)                 --&gt;   (0-RTT on resumption: {@link Tls13EarlyData})
 *                                 &lt;--  HelloRetryRequest (once at most: another ClientHello)
 *                                       ServerHello + key_share     (keys change: handshake traffic)
 *                                       {EncryptedExtensions}
 *                                       {CertificateRequest*}
 *                                       {Certificate}
 *                                       {CertificateVerify}
 *                                 &lt;--  {Finished}                  (keys change: application traffic)
 *   [ChangeCipherSpec]  (middlebox compatibility, unprotected; after the ClientHello with early data)
 *   (EndOfEarlyData*)             (if the server took the early data)
 *   {Certificate*}
 *   {CertificateVerify*}
 *   {Finished}                    --&gt;
 * </pre>
 *
 * {} is protected with the handshake traffic keys. Where TLS 1.2 waits for ServerHelloDone and sends
 * ClientKeyExchange, TLS 1.3 has the key exchange in the hellos and no ChangeCipherSpec protocol: the
 * keys change as each message says. The ServerHello itself is read in {@link Tls13ClientHello} and
 * {@link Tls13ServerHelloCheck}; {@link ClientHandshake.ExpectServerHello} hands it here when it selects TLS 1.3.
 */
public final class Tls13ClientHandshake {

    private Tls13ClientHandshake() {
    }

    /** The client's TLS 1.3 states. */
    public sealed interface State extends HandshakeState {
    }

    /**
     * A ServerHello (or HelloRetryRequest) that selects TLS 1.3: the handshake keys, then
     * EncryptedExtensions; after a HelloRetryRequest, a second ClientHello and a second ServerHello.
     */
    static HandshakeState serverHello(HandshakeContext context, ReceivedMessage received) throws IOException {
        ServerHello hello = (ServerHello) received.message();
        Tls13Handshake tls13 = context.tls13;
        if (hello.isHelloRetryRequest()) {
            ClientHello second = Tls13ServerHelloCheck.helloRetryRequest(context, hello, received);
            Tls13EarlyData.retried(context, tls13);
            // RFC 8446 §5.1: legacy_record_version {3,3} for every record but an initial ClientHello's
            context.connection.records.setWriteVersion(org.layeredtls.record.ProtocolVersion.TLS1_2);
            tls13.sendCompatibilityCcs(); // RFC 8446 §D.4: before the second ClientHello
            context.send(second);
            context.flush();
            return new ExpectServerHello();
        }
        byte[] sharedSecret = Tls13ServerHelloCheck.serverHello(context, hello, received);
        tls13.deriveHandshakeSecrets(sharedSecret);
        if (sharedSecret != null) { // psk_ke: none
            java.util.Arrays.fill(sharedSecret, (byte) 0);
        }
        tls13.installReadKeys(tls13.serverHandshakeTrafficSecret);
        return new ExpectEncryptedExtensions();
    }

    /** After a HelloRetryRequest: the ServerHello that answers our second ClientHello. */
    record ExpectServerHello() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.SERVER_HELLO;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            ServerHello hello = (ServerHello) received.message();
            if (hello.isHelloRetryRequest()) {
                // RFC 8446 §4.1.4: "If a client receives a second HelloRetryRequest in the same connection ... it
                // MUST abort the handshake with an "unexpected_message" alert."
                throw HandshakeState.unexpected(this, "a second HelloRetryRequest");
            }
            return serverHello(context, received);
        }
    }

    record ExpectEncryptedExtensions() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.ENCRYPTED_EXTENSIONS;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            EncryptedExtensions extensions = (EncryptedExtensions) received.message();
            extensions.extensions().requireAllowedIn(ExtensionMessage.ENCRYPTED_EXTENSIONS);
            Tls13ServerHelloCheck.encryptedExtensions(context, extensions.extensions());
            Tls13EarlyData.encryptedExtensions(context, context.tls13, extensions.extensions());
            context.tls13.transcript.add(received.transcriptBytes());
            // RFC 8446 §2.2: a PSK handshake has no Certificate and no CertificateVerify
            return context.tls13.pskAccepted ? new ExpectFinished() : new ExpectCertificateRequestOrCertificate();
        }
    }

    record ExpectCertificateRequestOrCertificate() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.CERTIFICATE_REQUEST || type == HandshakeType.CERTIFICATE;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            if (received.message() instanceof Tls13CertificateRequest request) {
                request.extensions().requireAllowedIn(ExtensionMessage.CERTIFICATE_REQUEST);
                context.tls13.certificateRequestContext = request.requestContext();
                context.tls13.certificateRequest = request;
                context.tls13.transcript.add(received.transcriptBytes());
                return new ExpectCertificate();
            }
            return new ExpectCertificate().handle(context, received);
        }
    }

    record ExpectCertificate() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.CERTIFICATE;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            Tls13Certificate certificate = (Tls13Certificate) received.message();
            if (certificate.requestContext().length != 0) {
                // RFC 8446 §4.4.2: "in the case of server authentication, this field SHALL be zero length"
                throw ClientHandshake.illegal("the server's Certificate has a certificate_request_context");
            }
            context.peerCertificates = PeerCertificates.checkServer(context, Tls13Certificates.chain(certificate));
            context.tls13.transcript.add(received.transcriptBytes());
            return new ExpectCertificateVerify();
        }
    }

    record ExpectCertificateVerify() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.CERTIFICATE_VERIFY;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            context.tls13.checkCertificateVerify(received, Tls13Signatures.SERVER_CONTEXT);
            return new ExpectFinished();
        }
    }

    record ExpectFinished() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.FINISHED;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            if (!(received.message() instanceof Finished)) {
                throw HandshakeState.unexpected(this, received.type().toString());
            }
            Tls13Handshake tls13 = context.tls13;
            tls13.checkFinished(received, tls13.serverHandshakeTrafficSecret);
            tls13.deriveApplicationSecrets(); // over ClientHello..server Finished (RFC 8446 §7.1)
            sendClientFlight(context, tls13);
            tls13.installReadKeys(tls13.serverApplicationTrafficSecret);
            return new HandshakeState.Connected();
        }

        /** [ChangeCipherSpec], {Certificate*}, {CertificateVerify*}, {Finished}; then the application keys. */
        private static void sendClientFlight(HandshakeContext context, Tls13Handshake tls13) throws IOException {
            tls13.sendCompatibilityCcs();
            Tls13EarlyData.endOfEarlyData(context, tls13); // under the early keys (RFC 8446 §4.5)
            tls13.installWriteKeys(tls13.clientHandshakeTrafficSecret);
            if (tls13.certificateRequest != null) {
                Tls13Certificates.sendClientCertificate(context, tls13);
            }
            Finished finished = tls13.finished(tls13.clientHandshakeTrafficSecret);
            context.clientVerifyData = finished.verifyData();
            context.send(finished);
            tls13.keepHandshakeContext(); // ClientHello..client Finished, for post-handshake authentication
            tls13.installWriteKeys(tls13.clientApplicationTrafficSecret);
            context.flush();
            tls13.deriveResumptionSecret(); // over ClientHello..client Finished
        }
    }
}
