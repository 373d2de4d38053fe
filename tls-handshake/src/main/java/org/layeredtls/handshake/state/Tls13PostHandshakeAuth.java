package org.layeredtls.handshake.state;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.extension.ExtensionMessage;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.SignatureAlgorithms;
import org.layeredtls.handshake.keyexchange.SignatureSchemes;
import org.layeredtls.handshake.message.CertificateVerify;
import org.layeredtls.handshake.message.Finished;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.Tls13Certificate;
import org.layeredtls.handshake.message.Tls13CertificateRequest;
import org.layeredtls.handshake.prf.Tls13KeySchedule;
import org.layeredtls.handshake.prf.Tls13Transcript;

/**
 * Post-handshake client authentication (RFC 8446 §4.6.2), offered by a client's post_handshake_auth
 * extension (§4.2.6):
 *
 * <pre>
 *   Client                                   Server
 *                                 &lt;--  [CertificateRequest]      (a fresh certificate_request_context)
 *   [Certificate]
 *   [CertificateVerify*]
 *   [Finished]                    --&gt;
 * </pre>
 *
 * [] is protected with the application traffic keys. The messages are signed and MACed over the Handshake
 * Context of §4.4, "ClientHello ... client Finished + CertificateRequest" (no NewSessionTicket, no KeyUpdate),
 * and Finished is keyed with client_application_traffic_secret_N. A client with no fitting certificate answers
 * with an empty Certificate and Finished. The server keeps one request open at a time, and takes the answer
 * message by message: anything the client sends unasked is unexpected_message.
 */
final class Tls13PostHandshakeAuth {

    /** RFC 8446 §4.3.2: the server SHOULD make the context unpredictable; 32 random bytes, as OpenSSL does. */
    private static final int REQUEST_CONTEXT_LENGTH = 32;

    private final Connection connection;
    private final Tls13Secrets secrets;
    /** Whether the client's ClientHello carried post_handshake_auth. */
    private final boolean offered;
    /** The transcript's hash at the client's Finished (RFC 8446 §4.4); each request goes on from a copy. */
    private final Tls13Transcript handshakeContext;
    /** Server: the request whose answer is awaited, or null (guarded by this). */
    private Request pending;

    /** A server's open CertificateRequest: its context, the transcript so far, the message it waits for next. */
    private static final class Request {
        final byte[] context;
        final Tls13Transcript transcript;
        HandshakeType expected = HandshakeType.CERTIFICATE;
        List<Certificate> chain = List.of();

        Request(byte[] context, Tls13Transcript transcript) {
            this.context = context;
            this.transcript = transcript;
        }
    }

    Tls13PostHandshakeAuth(Connection connection, Tls13Secrets secrets, boolean offered, Tls13Transcript handshakeContext) {
        this.connection = connection;
        this.secrets = secrets;
        this.offered = offered;
        this.handshakeContext = handshakeContext;
    }

    /** Whether the client offered post-handshake authentication in its ClientHello. */
    boolean offered() {
        return offered;
    }

    // ------------------------------------------------------------------ the server asks, then checks the answer

    /**
     * Server: sends a CertificateRequest (RFC 8446 §4.6.2).
     *
     * @throws IllegalStateException if the client did not offer post_handshake_auth (§4.6.2: "Servers MUST NOT
     *                               send a post-handshake CertificateRequest to clients which do not offer this
     *                               extension"), or a request of ours still awaits its answer
     */
    void requestClientCertificate() throws IOException {
        if (!offered) {
            throw new IllegalStateException("handshake layer: the client did not offer post_handshake_auth (RFC 8446 §4.6.2)");
        }
        send(true);
    }

    /** The CertificateRequest whether or not the client offered post_handshake_auth: for a scripted peer in tests. */
    void sendCertificateRequest() throws IOException {
        send(false);
    }

    /** Sends a CertificateRequest; its answer is awaited before it goes out (the reader may take the answer at once). */
    private void send(boolean onlyOneOpen) throws IOException {
        byte[] context = connection.config.random().nextBytes(REQUEST_CONTEXT_LENGTH);
        // RFC 8446 §4.3.2: signature_algorithms is required; the schemes the handshake's request offers
        Tls13CertificateRequest request = new Tls13CertificateRequest(context, Extensions.of(new SignatureAlgorithms(
                SignatureSchemes.codes(Tls13Signatures.offered(connection.config.signatureSchemes())))));
        Request awaited = new Request(context, handshakeContext.continuation());
        awaited.transcript.add(HandshakeFrame.of(request).bytes());
        synchronized (this) {
            if (onlyOneOpen && pending != null) {
                throw new IllegalStateException("handshake layer: our CertificateRequest still awaits the client's answer");
            }
            pending = awaited;
        }
        connection.writePostHandshake(List.of(request), () -> { });
    }

    /** Server: whether a message from the client may belong to an answer (the others are never post-handshake). */
    static boolean isAnswer(HandshakeMessage message) {
        return message instanceof Tls13Certificate || message instanceof CertificateVerify || message instanceof Finished;
    }

    /** Server: one message of the client's answer, in its order; one we did not ask for is unexpected_message. */
    synchronized void answerReceived(HandshakeMessage message, byte[] bytes) throws TlsAlertException {
        if (pending == null || message.type() != pending.expected) {
            throw HandshakeContext.alert(AlertDescription.UNEXPECTED_MESSAGE, message.type() + " from the client after the handshake, "
                    + (pending == null ? "which no CertificateRequest of ours asked for (RFC 8446 §4.6.2)" : "where " + pending.expected + " was due"));
        }
        if (message instanceof Tls13Certificate certificate) {
            certificateReceived(certificate);
        } else if (message instanceof CertificateVerify verify) {
            // RFC 8446 §4.4.3: over Handshake Context + Certificate; decrypt_error when it does not verify
            Tls13Signatures.verify(connection.config, verify, pending.chain.get(0).publicKey(), Tls13Signatures.CLIENT_CONTEXT,
                    pending.transcript.hash());
            pending.expected = HandshakeType.FINISHED;
        } else {
            finishedReceived((Finished) message);
            return;
        }
        pending.transcript.add(bytes);
    }

    private void certificateReceived(Tls13Certificate certificate) throws TlsAlertException {
        if (!MessageDigest.isEqual(certificate.requestContext(), pending.context)) {
            // RFC 8446 §4.4.2: the context is the one of the CertificateRequest this answers
            throw HandshakeContext.alert(AlertDescription.ILLEGAL_PARAMETER,
                    "the client's certificate_request_context is not our post-handshake CertificateRequest's");
        }
        List<Certificate> chain = Tls13Certificates.chain(certificate);
        if (chain.isEmpty()) {
            if (connection.config.clientAuth() == ClientAuth.NEED) {
                // RFC 8446 §4.4.2.4: the server MAY abort with a certificate_required alert; as in the handshake
                throw HandshakeContext.alert(AlertDescription.CERTIFICATE_REQUIRED,
                        "a client certificate is required and the client sent none after the handshake");
            }
            pending.expected = HandshakeType.FINISHED;
            return;
        }
        pending.chain = PeerCertificates.checkClient(connection.config, chain); // the handshake's validator and alerts
        pending.expected = HandshakeType.CERTIFICATE_VERIFY;
    }

    /** RFC 8446 §4.4.4: the answer's Finished, keyed with the client's current application traffic secret. */
    private void finishedReceived(Finished finished) throws TlsAlertException {
        byte[] expected = Tls13KeySchedule.finishedVerifyData(secrets.crypto, secrets.suite.prfHash(), secrets.trafficSecret(true),
                pending.transcript.hash());
        if (!finished.matches(expected)) {
            throw HandshakeContext.alert(AlertDescription.DECRYPT_ERROR,
                    "the client's post-handshake Finished does not match its authentication messages");
        }
        List<Certificate> chain = pending.chain;
        pending = null;
        if (!chain.isEmpty()) {
            connection.clientAuthenticatedAfterHandshake(chain);
        }
        connection.config.observer().clientAuthenticatedAfterHandshake(chain);
    }

    // ------------------------------------------------------------------ the client answers

    /**
     * Client: the server's post-handshake CertificateRequest, answered at once with Certificate (ours, or empty
     * when none fits the request), CertificateVerify (with a certificate) and Finished.
     */
    void certificateRequestReceived(Tls13CertificateRequest request, byte[] bytes) throws IOException {
        if (!offered) {
            // RFC 8446 §4.6.2: "A client that receives a CertificateRequest message without having sent the
            // "post_handshake_auth" extension MUST send an "unexpected_message" fatal alert."
            throw HandshakeContext.alert(AlertDescription.UNEXPECTED_MESSAGE,
                    "a CertificateRequest after the handshake, and we did not offer post_handshake_auth (RFC 8446 §4.6.2)");
        }
        request.extensions().requireAllowedIn(ExtensionMessage.CERTIFICATE_REQUEST);
        if (!request.extensions().contains(ExtensionType.SIGNATURE_ALGORITHMS)) {
            // RFC 8446 §4.3.2: "The "signature_algorithms" extension MUST be specified"; §9.2: missing_extension
            throw HandshakeContext.alert(AlertDescription.MISSING_EXTENSION, "the CertificateRequest has no signature_algorithms");
        }
        Tls13Transcript transcript = handshakeContext.continuation();
        transcript.add(bytes);
        Optional<Tls13Certificates.ClientCredential> chosen = Tls13Certificates.chooseClientCredential(connection.config, request);
        List<HandshakeMessage> answer = new ArrayList<>();
        answer.add(add(transcript, Tls13Certificates.of(request.requestContext(), chosen.map(Tls13Certificates.ClientCredential::key).orElse(null))));
        if (chosen.isPresent()) {
            answer.add(add(transcript, Tls13Signatures.sign(connection.config, chosen.get().scheme(), chosen.get().key().privateKey(),
                    Tls13Signatures.CLIENT_CONTEXT, transcript.hash())));
        }
        answer.add(new Finished(Tls13KeySchedule.finishedVerifyData(secrets.crypto, secrets.suite.prfHash(), secrets.trafficSecret(true),
                transcript.hash())));
        connection.writePostHandshake(answer, () -> { });
    }

    private static HandshakeMessage add(Tls13Transcript transcript, HandshakeMessage message) {
        transcript.add(HandshakeFrame.of(message).bytes());
        return message;
    }
}
