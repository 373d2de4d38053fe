package org.layeredtls.handshake.negotiation;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionData;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.extension.SignatureAlgorithms;
import org.layeredtls.handshake.extension.SignatureScheme;
import org.layeredtls.handshake.extension.SupportedGroups;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.testing.HandshakeServer;
import org.layeredtls.handshake.testing.RawPeer;
import org.layeredtls.handshake.testing.Reply;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;

/**
 * A peer made of raw bytes: records and hellos built exactly as a test wants them (malformed ones
 * included), sent over a loopback socket, and the answer read back record by record. The same bytes
 * go to our server and to {@code openssl s_server}, so their answers can be compared. The socket side is the
 * shared {@link RawPeer}; what is built here is the negotiation tests' own hellos.
 */
final class RawTls {

    static final int TIMEOUT_MILLIS = (int) HandshakeServer.BOUND.toMillis();
    static final Duration BOUND = HandshakeServer.BOUND;
    static final int ECDHE_RSA_AES128_GCM = 0xC02F;

    private RawTls() {
    }

    /** One record: type, version, length, fragment. */
    static byte[] record(ContentType type, ProtocolVersion version, byte[] fragment) {
        return RawPeer.record(type, version, fragment);
    }

    /** The messages in one handshake record of version {3,1}, as a first ClientHello usually travels. */
    static byte[] handshake(HandshakeMessage... messages) {
        return handshake(ProtocolVersion.TLS1_0, messages);
    }

    static byte[] handshake(ProtocolVersion recordVersion, HandshakeMessage... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (HandshakeMessage message : messages) {
            out.writeBytes(HandshakeFrame.of(message).bytes());
        }
        return record(ContentType.HANDSHAKE, recordVersion, out.toByteArray());
    }

    /** A handshake record holding one message of {@code type} with any body, well-formed or not. */
    static byte[] handshakeOfType(int type, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(type);
        out.write(body.length >>> 16);
        out.write(body.length >>> 8);
        out.write(body.length);
        out.writeBytes(body);
        return record(ContentType.HANDSHAKE, ProtocolVersion.TLS1_0, out.toByteArray());
    }

    /** The extensions every test ClientHello carries so that an ECDHE_RSA suite can be chosen. */
    static List<Extension> ecdheBasics() {
        return Extensions.of(SupportedGroups.of(NamedGroup.X25519, NamedGroup.SECP256R1),
                SignatureAlgorithms.of(SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256)).list();
    }

    /** A ClientHello with the basics and these extensions (typed or raw), null compression only. */
    static ClientHello clientHello(ProtocolVersion version, byte[] sessionId, List<Integer> suites, Object... extensions) {
        List<Extension> list = new ArrayList<>(ecdheBasics());
        for (Object extension : extensions) {
            list.add(extension instanceof ExtensionData data ? data.toExtension() : (Extension) extension);
        }
        return new ClientHello(version, new byte[32], sessionId, suites, List.of(0), Optional.of(new Extensions(list)));
    }

    static ClientHello clientHello(Object... extensions) {
        return clientHello(ProtocolVersion.TLS1_2, new byte[0], List.of(ECDHE_RSA_AES128_GCM), extensions);
    }

    /**
     * Sends {@code bytes} to 127.0.0.1:{@code port} and reads the server's first flight (to its
     * ServerHelloDone, or the ChangeCipherSpec of a resumption), its alert, or its close; bounded in time.
     */
    static Reply exchange(int port, byte[] bytes) throws IOException {
        try (RawPeer peer = RawPeer.connect(port)) {
            return answered(peer.send(bytes).awaitFlight(BOUND));
        }
    }

    /** The peer's flight, alert or close; the test fails when nothing of that came within the bound. */
    static Reply answered(Reply reply) {
        if (reply.ending() == Reply.Ending.TIMEOUT) {
            fail("no answer within " + BOUND.toMillis() + " ms; so far " + reply);
        }
        return reply;
    }
}
