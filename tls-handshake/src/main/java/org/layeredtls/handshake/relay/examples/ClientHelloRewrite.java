package org.layeredtls.handshake.relay.examples;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.relay.Direction;

/** The part the ClientHello examples share: decode the client's hello, rewrite it, frame it again. */
final class ClientHelloRewrite {

    private ClientHelloRewrite() {
    }

    /** {@code message} rewritten by {@code rewrite} when it is the client's ClientHello; else unchanged. */
    static List<byte[]> apply(Direction direction, byte[] message, UnaryOperator<ClientHello> rewrite) {
        if (!direction.fromClient() || (message[0] & 0xFF) != HandshakeType.CLIENT_HELLO.code()) {
            return List.of(message);
        }
        ClientHello hello;
        try {
            hello = ClientHello.decode(Arrays.copyOfRange(message, HandshakeFrame.HEADER_LENGTH, message.length));
        } catch (TlsAlertException malformed) {
            return List.of(message); // not ours to repair: the server answers it
        }
        return List.of(HandshakeFrame.of(rewrite.apply(hello)).bytes());
    }

    /** The hello's extensions without the given types (an absent block stays absent). */
    static Optional<Extensions> without(ClientHello hello, int... types) {
        return hello.extensions().map(e -> new Extensions(e.list().stream()
                .filter(x -> Arrays.stream(types).noneMatch(t -> t == x.type())).toList()));
    }
}
