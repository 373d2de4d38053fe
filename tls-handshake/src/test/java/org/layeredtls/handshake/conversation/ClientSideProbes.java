package org.layeredtls.handshake.conversation;

import static org.layeredtls.alert.AlertDescription.HANDSHAKE_FAILURE;
import static org.layeredtls.alert.AlertDescription.ILLEGAL_PARAMETER;
import static org.layeredtls.alert.AlertDescription.PROTOCOL_VERSION;
import static org.layeredtls.alert.AlertDescription.UNSUPPORTED_EXTENSION;
import static org.layeredtls.handshake.conversation.Reaction.close;
import static org.layeredtls.handshake.conversation.Reaction.fatal;
import static org.layeredtls.handshake.conversation.Reaction.silence;

import java.util.List;

import org.layeredtls.handshake.message.HandshakeType;

/**
 * Probes where the conversation is the server and the peer's client is probed ({@code openssl s_client}, our
 * {@code TlsSocket}): what a client does with a ServerHello it must refuse.
 */
final class ClientSideProbes {

    static final String CATEGORY = "Client side (the probe is the server)";
    /** renegotiation_info, empty (RFC 5746 §3.6), so that a client does not stop at its absence first. */
    private static final String RENEGOTIATION_INFO = "ff01000100";

    private ClientSideProbes() {
    }

    private static Probe.Script answer(String name, OutgoingMessage... messages) {
        return t -> Conversation.named(name).expect(HandshakeType.CLIENT_HELLO).send(messages);
    }

    private static byte[] extensions(String hex) {
        byte[] body = Scripts.hex(hex);
        byte[] block = new byte[body.length + 2];
        block[0] = (byte) (body.length >> 8);
        block[1] = (byte) body.length;
        System.arraycopy(body, 0, block, 2, body.length);
        return block;
    }

    static List<Probe> all() {
        return List.of(
                Probe.same(CATEGORY, "ServerHello choosing a suite the client did not offer",
                        answer("suite not offered", Messages.serverHello(0x0303, 0x0005, extensions(RENEGOTIATION_INFO))),
                        fatal(ILLEGAL_PARAMETER)).asServer(),
                Probe.same(CATEGORY, "ServerHello with version {3,0}",
                        answer("ssl3 server", Messages.serverHello(0x0300, 0xC02F, extensions(RENEGOTIATION_INFO))),
                        fatal(PROTOCOL_VERSION)).asServer(),
                Probe.differ(CATEGORY, "ServerHello with an extension the client did not offer",
                        answer("unsolicited extension", Messages.serverHello(0x0303, 0xC02F,
                                extensions(RENEGOTIATION_INFO + "fafa0000"))), silence(300), fatal(UNSUPPORTED_EXTENSION),
                        "RFC 5246 §7.4.1.4: a client MUST abort with unsupported_extension. OpenSSL ignores an "
                                + "unknown type and waits for the Certificate; LayeredTLS aborts").asServer(),
                Probe.differ(CATEGORY, "ServerHello without renegotiation_info (RFC 5746 §4.1: a legacy server)",
                        answer("legacy server", Messages.serverHello(0x0303, 0xC02F, null)),
                        fatal(HANDSHAKE_FAILURE), silence(300), "RFC 5746 §4.1 lets a client go on or abort. OpenSSL 3.0 "
                                + "refuses legacy servers (no SSL_OP_LEGACY_SERVER_CONNECT); LayeredTLS goes on (and "
                                + "will refuse to renegotiate), waiting here for the Certificate").asServer(),
                Probe.same(CATEGORY, "a fatal alert of unknown description instead of a ServerHello",
                        t -> Conversation.named("alert instead").expect(HandshakeType.CLIENT_HELLO).sendAlert(2, 255),
                        close()).asServer());
    }
}
