package org.layeredtls.handshake.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.message.Certificate;
import org.layeredtls.handshake.message.CertificateRequest;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.NewSessionTicket;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.message.ServerHelloDone;
import org.layeredtls.handshake.message.ServerKeyExchange;
import org.layeredtls.handshake.session.ClientSession;

/**
 * The client's side of the handshake (RFC 5246 §7.3), one state per message it waits for:
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
 * and the abbreviated handshake, when the server resumes the session we offered:
 * ServerHello, NewSessionTicket*, [ChangeCipherSpec], Finished from the server, then our
 * [ChangeCipherSpec] and Finished.
 */
public final class ClientHandshake {

    private ClientHandshake() {
    }

    /** The client's states. */
    public sealed interface State extends HandshakeState {
    }

    /** Sends the ClientHello and waits for the ServerHello. */
    static HandshakeState start(HandshakeContext context) throws IOException {
        if (context.version == null && context.clientVerifyData.length == 0) {
            // RFC 5246 Appendix E.1: the first ClientHello's record says {3,1} (or {3,0} for an SSL 3.0-only client).
            context.connection.records.setWriteVersion(context.config.maxVersion().isSsl3()
                    ? org.layeredtls.record.ProtocolVersion.SSL3_0 : org.layeredtls.record.ProtocolVersion.TLS1_0);
        }
        if (context.clientVerifyData.length == 0 && Tls13ClientHello.offered(context.config)) {
            context.tls13 = new Tls13Handshake(context); // RFC 8446 §4.1.2: no TLS 1.3 in a TLS 1.2 renegotiation
        }
        ClientHello hello = ClientHelloBuilder.build(context);
        context.clientHello = hello;
        context.clientRandom = hello.random();
        context.send(hello);
        context.flush();
        Tls13EarlyData.send(context); // RFC 8446 §2.3: 0-RTT data right after the ClientHello, if any
        return new ExpectServerHello();
    }

    record ExpectServerHello() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.SERVER_HELLO;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            if (!(received.message() instanceof ServerHello hello)) {
                throw HandshakeState.unexpected(this, received.type().toString());
            }
            if (Tls13ServerHelloCheck.selectsTls13(context, hello)) {
                return Tls13ClientHandshake.serverHello(context, received);
            }
            Tls13EarlyData.requireTls13(context); // our 0-RTT data cannot go on in TLS 1.2
            context.tls13 = null; // TLS 1.2 or below: what was offered for TLS 1.3 goes
            ServerHelloCheck.check(context, hello);
            context.append(received);
            if (!context.resumed) {
                return new ExpectCertificate();
            }
            // Abbreviated handshake (RFC 5246 §7.3): the server goes straight to its Finished.
            context.deriveKeys();
            if (context.ticketExpected) {
                return new ExpectNewSessionTicket();
            }
            context.expectChangeCipherSpec();
            return new ExpectChangeCipherSpec();
        }
    }

    record ExpectCertificate() implements State {
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
            context.peerCertificates = PeerCertificates.checkServer(context, certificate);
            return context.suite.keyExchange().isEphemeral() ? new ExpectServerKeyExchange() : new ExpectCertificateRequestOrServerHelloDone();
        }
    }

    record ExpectServerKeyExchange() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.SERVER_KEY_EXCHANGE;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            if (!(received.message() instanceof ServerKeyExchange keyExchange)) {
                throw HandshakeState.unexpected(this, received.type().toString());
            }
            KeyExchangeStep.clientProcessServerKeyExchange(context, keyExchange);
            context.append(received);
            return new ExpectCertificateRequestOrServerHelloDone();
        }
    }

    record ExpectCertificateRequestOrServerHelloDone() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.CERTIFICATE_REQUEST || type == HandshakeType.SERVER_HELLO_DONE;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            if (received.message() instanceof CertificateRequest request) {
                context.append(received);
                context.certificateRequest = request;
                return new ExpectServerHelloDone();
            }
            return new ExpectServerHelloDone().handle(context, received);
        }
    }

    record ExpectServerHelloDone() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.SERVER_HELLO_DONE;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            if (!(received.message() instanceof ServerHelloDone)) {
                throw HandshakeState.unexpected(this, received.type().toString());
            }
            context.append(received);
            sendClientFlight(context);
            if (context.ticketExpected) {
                return new ExpectNewSessionTicket();
            }
            context.expectChangeCipherSpec();
            return new ExpectChangeCipherSpec();
        }

        /** Certificate*, ClientKeyExchange, CertificateVerify*, [ChangeCipherSpec], Finished. */
        private static void sendClientFlight(HandshakeContext context) throws IOException {
            if (context.certificateRequest != null) {
                ClientCertificates.send(context);
            }
            context.send(KeyExchangeStep.clientKeyExchange(context));
            context.deriveMasterSecret(); // after ClientKeyExchange: the EMS session hash includes it
            if (context.clientCertificateSent) {
                context.send(KeyExchangeStep.certificateVerify(context));
            }
            context.deriveKeys();
            context.sendChangeCipherSpec();
            context.sendFinished();
            context.flush();
        }
    }

    record ExpectNewSessionTicket() implements State {
        @Override
        public boolean expects(HandshakeType type) {
            return type == HandshakeType.NEW_SESSION_TICKET;
        }

        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage received) throws IOException {
            if (!(received.message() instanceof NewSessionTicket ticket)) {
                throw HandshakeState.unexpected(this, received.type().toString());
            }
            context.append(received);
            context.newTicket = ticket;
            context.expectChangeCipherSpec();
            return new ExpectChangeCipherSpec();
        }
    }

    record ExpectChangeCipherSpec() implements State {
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

    record ExpectFinished() implements State {
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
            if (!(received.message() instanceof org.layeredtls.handshake.message.Finished)) {
                throw HandshakeState.unexpected(this, received.type().toString());
            }
            context.checkFinished(received);
            if (context.resumed) {
                context.sendChangeCipherSpec();
                context.sendFinished();
                context.flush();
            }
            rememberSession(context);
            return new HandshakeState.Connected();
        }
    }

    /** Keeps the session (and its ticket) for the next connection to this server. */
    private static void rememberSession(HandshakeContext context) {
        var store = context.config.clientSessionStore();
        if (store == null) {
            return;
        }
        byte[] ticket = context.newTicket != null ? context.newTicket.ticket()
                : context.resumed && context.offeredSession != null ? context.offeredSession.ticket() : null;
        long hint = context.newTicket != null ? context.newTicket.ticketLifetimeHint() : 0;
        if (context.sessionId.length == 0 && (ticket == null || ticket.length == 0)) {
            return; // the server will not resume this session
        }
        store.put(context.connection.peerKey(), new ClientSession(Sessions.stateOf(context), ticket, hint));
    }

    /** Which of our certificates to send for a CertificateRequest, if any. */
    static final class ClientCertificates {
        private ClientCertificates() {
        }

        static void send(HandshakeContext context) throws IOException {
            Optional<org.layeredtls.handshake.api.CertifiedKey> chosen = KeyExchangeStep.chooseClientCertificate(context);
            if (chosen.isEmpty() && context.version.isSsl3()) {
                // RFC 6101 §5.6.6: an SSL 3.0 client without a certificate sends a no_certificate warning.
                context.connection.sendNoCertificateWarning();
                return;
            }
            List<byte[]> chain = new ArrayList<>();
            chosen.ifPresent(key -> key.chain().forEach(c -> chain.add(c.encoded())));
            context.ownKey = chosen.orElse(null);
            context.clientCertificateSent = chosen.isPresent();
            context.send(new Certificate(chain));
        }
    }

    static TlsAlertException illegal(String reason) {
        return HandshakeContext.alert(AlertDescription.ILLEGAL_PARAMETER, reason);
    }
}
