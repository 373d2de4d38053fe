package org.layeredtls.handshake.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.message.Certificate;
import org.layeredtls.handshake.message.CertificateVerify;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.ClientKeyExchange;
import org.layeredtls.handshake.message.Finished;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.NewSessionTicket;
import org.layeredtls.handshake.message.ServerHelloDone;

/**
 * The server's side of the handshake (RFC 5246 §7.3), one state per message it waits for:
 *
 * <pre>
 *   ClientHello                  --&gt;
 *                                          ServerHello
 *                                          Certificate
 *                                          ServerKeyExchange*
 *                                          CertificateRequest*
 *                                &lt;--       ServerHelloDone
 *   Certificate*
 *   ClientKeyExchange
 *   CertificateVerify*
 *   [ChangeCipherSpec]
 *   Finished                     --&gt;
 *                                          NewSessionTicket*
 *                                          [ChangeCipherSpec]
 *                                &lt;--       Finished
 * </pre>
 *
 * When the ClientHello offers a session (an ID in the cache, or a valid ticket) the server resumes
 * it: ServerHello, NewSessionTicket*, [ChangeCipherSpec], Finished at once, then the client's
 * [ChangeCipherSpec] and Finished.
 */
public final class ServerHandshake {

    private ServerHandshake() {
    }

    /** The server's states. */
    public sealed interface State extends HandshakeState {
    }

    public record ExpectClientHello() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.CLIENT_HELLO;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            if (!(received.message() instanceof ClientHello hello)) {
                throw HandshakeState.unexpected(this, received.type().toString());
            }
            if (context.clientVerifyData.length == 0 && Tls13ServerNegotiation.offersTls13(context.config, hello)) {
                context.tls13 = new Tls13Handshake(context);
                return Tls13ServerHandshake.clientHello(context, received);
            }
            context.clientHello = hello;
            context.clientRandom = hello.random();
            context.append(received);
            ServerNegotiation.negotiate(context, hello);
            KeyExchangeStep.requireServerCanSign(context); // the security level may leave no signature
            context.send(ServerNegotiation.serverHello(context));
            if (context.resumed) {
                return abbreviated(context);
            }
            return full(context);
        }

        /** ServerHello, NewSessionTicket*, [ChangeCipherSpec], Finished: the session is resumed. */
        private static HandshakeState abbreviated(HandshakeContext context) throws IOException {
            context.deriveKeys();
            if (context.ticketExpected) {
                context.send(Sessions.newTicket(context));
            }
            context.sendChangeCipherSpec();
            context.sendFinished();
            context.flush();
            context.expectChangeCipherSpec();
            return new ExpectChangeCipherSpec();
        }

        /** Certificate, ServerKeyExchange*, CertificateRequest*, ServerHelloDone. */
        private static HandshakeState full(HandshakeContext context) throws IOException {
            List<byte[]> chain = new ArrayList<>();
            context.ownKey.chain().forEach(c -> chain.add(c.encoded()));
            context.send(new Certificate(chain));
            if (context.suite.keyExchange().isEphemeral()) {
                context.send(KeyExchangeStep.serverKeyExchange(context));
            }
            boolean askForCertificate = context.config.clientAuth() != ClientAuth.NONE;
            if (askForCertificate) {
                context.send(KeyExchangeStep.certificateRequest(context));
            }
            context.send(new ServerHelloDone());
            context.flush();
            return askForCertificate ? new ExpectClientCertificate() : new ExpectClientKeyExchange();
        }
    }

    public record ExpectClientCertificate() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.CERTIFICATE;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            if (!(received.message() instanceof Certificate certificate)) {
                throw HandshakeState.unexpected(this, received.type().toString());
            }
            context.append(received);
            var chain = PeerCertificates.parse(certificate);
            if (chain.isEmpty()) {
                return noCertificate(context);
            }
            context.peerCertificates = PeerCertificates.checkClient(context, chain);
            return new ExpectClientKeyExchange();
        }

        /**
         * The client has no certificate: an empty Certificate message, or in SSL 3.0 a no_certificate
         * warning. RFC 5246 §7.4.6: the server may go on without client authentication or answer
         * with a fatal handshake_failure; ClientAuth.NEED makes it refuse.
         */
        HandshakeState noCertificate(HandshakeContext context) throws TlsAlertException {
            if (context.config.clientAuth() == ClientAuth.NEED) {
                throw HandshakeContext.alert(AlertDescription.HANDSHAKE_FAILURE,
                        "a client certificate is required and the client sent none");
            }
            return new ExpectClientKeyExchange();
        }
    }

    public record ExpectClientKeyExchange() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.CLIENT_KEY_EXCHANGE;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            if (!(received.message() instanceof ClientKeyExchange keyExchange)) {
                throw HandshakeState.unexpected(this, received.type().toString());
            }
            context.append(received); // before the master secret: the EMS session hash includes it
            KeyExchangeStep.serverProcessClientKeyExchange(context, keyExchange);
            context.deriveMasterSecret();
            context.deriveKeys();
            if (!context.peerCertificates.isEmpty()) {
                return new ExpectCertificateVerify();
            }
            context.expectChangeCipherSpec();
            return new ExpectChangeCipherSpec();
        }
    }

    public record ExpectCertificateVerify() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.CERTIFICATE_VERIFY;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            if (!(received.message() instanceof CertificateVerify verify)) {
                throw HandshakeState.unexpected(this, received.type().toString());
            }
            KeyExchangeStep.checkCertificateVerify(context, verify); // over the messages before it
            context.append(received);
            context.expectChangeCipherSpec();
            return new ExpectChangeCipherSpec();
        }
    }

    public record ExpectChangeCipherSpec() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return false;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws TlsAlertException {
            throw HandshakeState.unexpected(this, received.type().toString());
        }

        @Override
        public HandshakeState changeCipherSpec(HandshakeContext context) {
            return new ExpectFinished();
        }
    }

    public record ExpectFinished() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.FINISHED;
        }

        @Override
        public boolean allowsApplicationData() {
            return false; // RFC 5246 §7.4.9: the peer's ChangeCipherSpec is followed by its Finished
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            if (!(received.message() instanceof Finished)) {
                throw HandshakeState.unexpected(this, received.type().toString());
            }
            context.checkFinished(received);
            if (!context.resumed) {
                // NewSessionTicket*, [ChangeCipherSpec], Finished.
                if (context.ticketExpected) {
                    NewSessionTicket ticket = Sessions.newTicket(context);
                    context.send(ticket);
                }
                context.sendChangeCipherSpec();
                context.sendFinished();
                context.flush();
                Sessions.remember(context);
            }
            return new HandshakeState.Connected();
        }
    }
}
