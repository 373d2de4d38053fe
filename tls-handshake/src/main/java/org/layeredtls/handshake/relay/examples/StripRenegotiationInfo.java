package org.layeredtls.handshake.relay.examples;

import java.util.List;

import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.relay.Direction;
import org.layeredtls.handshake.relay.RelayInterceptor;
import org.layeredtls.handshake.suite.CipherSuite;

/**
 * Makes the client look like a client from before RFC 5746: removes the renegotiation_info
 * extension and the TLS_EMPTY_RENEGOTIATION_INFO_SCSV from its ClientHello. The server then sends
 * no renegotiation_info either, and each side applies its policy on peers without secure
 * renegotiation (RFC 5746 §4.1: a client may refuse such a server; OpenSSL 3.0's client does,
 * with handshake_failure, unless legacy server connect is allowed).
 */
public final class StripRenegotiationInfo implements RelayInterceptor {

    @Override
    public List<byte[]> handshakeMessage(Direction direction, byte[] message) {
        return ClientHelloRewrite.apply(direction, message, hello -> new ClientHello(hello.clientVersion(),
                hello.random(), hello.sessionId(),
                hello.cipherSuites().stream()
                        .filter(code -> code != CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV.code()).toList(),
                hello.compressionMethods(),
                ClientHelloRewrite.without(hello, ExtensionType.RENEGOTIATION_INFO.code())));
    }
}
