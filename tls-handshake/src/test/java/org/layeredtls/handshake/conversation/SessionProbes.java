package org.layeredtls.handshake.conversation;

import static org.layeredtls.alert.AlertDescription.HANDSHAKE_FAILURE;
import static org.layeredtls.alert.AlertDescription.ILLEGAL_PARAMETER;
import static org.layeredtls.alert.AlertDescription.NO_RENEGOTIATION;
import static org.layeredtls.handshake.conversation.Reaction.fatal;
import static org.layeredtls.handshake.conversation.Reaction.resumed;
import static org.layeredtls.handshake.conversation.Reaction.serverFlight;
import static org.layeredtls.handshake.conversation.Reaction.warning;

import java.util.List;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.AlertLevel;

import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.suite.CipherSuite;

/** Renegotiation (RFC 5246 §7.4.1.1, RFC 5746) and session resumption (RFC 5246 §7.3, RFC 7627 §5.3, RFC 6066 §3). */
final class SessionProbes {

    static final String RENEGOTIATION = "Renegotiation";
    static final String RESUMPTION = "Resumption";
    private static final int RI = ExtensionType.RENEGOTIATION_INFO.code();

    private SessionProbes() {
    }

    /** A first full handshake on the target; returns the session it established. */
    private static ResumableSession firstSession(ProbeTarget target, ClientHelloTemplate hello) throws Exception {
        // close_notify: OpenSSL keeps a session only if its connection was shut down cleanly
        ConversationResult first = target.runAgainstServer(Scripts.fullHandshake("first handshake", hello)
                .sendAlert(AlertLevel.WARNING, AlertDescription.CLOSE_NOTIFY));
        return first.session().orElseThrow(() -> new AssertionError("the first handshake gave no session id"));
    }

    /** A full handshake, the server's HelloRequest, and {@code answer} as the client's new ClientHello. */
    private static Conversation serverRenegotiation(ProbeTarget target, String name, ClientHelloTemplate answer)
            throws Exception {
        Conversation c = Scripts.fullHandshake(name, Messages.clientHello());
        target.askServerToRenegotiate(c);
        return c.expect(HandshakeType.HELLO_REQUEST).send(answer);
    }

    static List<Probe> all() {
        return List.of(
                Probe.same(RENEGOTIATION, "client-initiated secure renegotiation (refused by default on both)",
                        t -> Scripts.fullHandshake("client renegotiation", Messages.clientHello()).send(Messages.clientHello()),
                        warning(NO_RENEGOTIATION)),
                Probe.same(RENEGOTIATION, "client-initiated renegotiation without renegotiation_info",
                        t -> Scripts.fullHandshake("client insecure renegotiation", Messages.clientHello())
                                .send(Messages.clientHello().withoutExtension(RI)), warning(NO_RENEGOTIATION)),
                Probe.same(RENEGOTIATION, "server-initiated renegotiation answered without renegotiation_info",
                        t -> serverRenegotiation(t, "insecure answer", Messages.clientHello().withoutExtension(RI)),
                        fatal(HANDSHAKE_FAILURE)),
                Probe.same(RENEGOTIATION, "server-initiated renegotiation answered with the wrong verify_data",
                        t -> serverRenegotiation(t, "wrong verify_data", Messages.clientHello()
                                .replaceExtension(RI, Scripts.hex("0c000000000000000000000000"))),
                        fatal(HANDSHAKE_FAILURE)),
                Probe.same(RENEGOTIATION, "renegotiation from a legacy client (no renegotiation_info, no SCSV at all)",
                        t -> Scripts.fullHandshake("legacy renegotiation", Messages.clientHello().withoutExtension(RI))
                                .send(Messages.clientHello().withoutExtension(RI)), warning(NO_RENEGOTIATION)),
                Probe.same(RENEGOTIATION, "server-initiated renegotiation answered with a secure ClientHello",
                        t -> serverRenegotiation(t, "server renegotiation", Messages.clientHello()), serverFlight()),
                Probe.same(RENEGOTIATION, "server-initiated renegotiation carried through to the new Finished",
                        t -> serverRenegotiation(t, "complete renegotiation", Messages.clientHello())
                                .expectFlightUntil(HandshakeType.SERVER_HELLO_DONE).send(Messages.clientKeyExchange())
                                .sendChangeCipherSpec().send(Messages.finished()), Reaction.finishes()),
                Probe.same(RESUMPTION, "resuming with the same offer",
                        t -> Conversation.named("resume").send(Messages.clientHello().resuming(
                                firstSession(t, Messages.clientHello()))), resumed(true)),
                Probe.differ(RESUMPTION, "resuming without offering the session's suite",
                        t -> Conversation.named("resume, other suite").send(Messages.clientHello()
                                .resuming(firstSession(t, Messages.clientHello()))
                                .cipherSuites(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA)), fatal(ILLEGAL_PARAMETER),
                        resumed(false), "RFC 5246 §7.4.1.2: the client MUST offer the session's suite. OpenSSL "
                                + "enforces it (illegal_parameter, \"required cipher missing\"); LayeredTLS runs a full "
                                + "handshake instead, as the RFC says when a session cannot be resumed"),
                Probe.same(RESUMPTION, "resuming an extended-master-secret session without the extension (RFC 7627 §5.3)",
                        t -> Conversation.named("resume, no ems").send(Messages.clientHello()
                                .resuming(firstSession(t, Messages.clientHello()))
                                .withoutExtension(ExtensionType.EXTENDED_MASTER_SECRET.code())), fatal(HANDSHAKE_FAILURE)),
                Probe.same(RESUMPTION, "resuming a session without extended master secret, now offering it",
                        t -> Conversation.named("resume, ems added").send(Messages.clientHello()
                                .resuming(firstSession(t, Messages.clientHello()
                                        .withoutExtension(ExtensionType.EXTENDED_MASTER_SECRET.code())))), resumed(false)),
                Probe.differ(RESUMPTION, "resuming with another server_name (RFC 6066 §3)",
                        t -> Conversation.named("resume, other sni").send(Messages.clientHello()
                                .resuming(firstSession(t, Messages.clientHello().serverName("localhost")))
                                .serverName("other.example")), resumed(true), resumed(false),
                        "RFC 6066 §3: a server MUST NOT resume under a different server_name. s_server (no "
                                + "servername callback) resumes; LayeredTLS did too until this catalogue found it, and now "
                                + "runs a full handshake (ServerNegotiation.resume)"),
                Probe.same(RESUMPTION, "resuming an unknown session id",
                        t -> Conversation.named("resume, unknown id").send(Messages.clientHello()
                                .sessionId(new byte[32])), resumed(false)));
    }
}
