package org.layeredtls.handshake.relay.examples;

import java.util.List;

import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.relay.Direction;
import org.layeredtls.handshake.relay.RelayInterceptor;
import org.layeredtls.record.ProtocolVersion;

/**
 * A version downgrade by a man in the middle: the ClientHello's client_version becomes TLS 1.1 and
 * its supported_versions extension (TLS 1.3's list) goes. A server that can speak TLS 1.1 answers
 * with TLS 1.1; what catches it: the Finished (RFC 5246 §7.4.9: both transcripts hold the hello,
 * and they differ), and before it the downgrade sentinel a TLS 1.3-capable server puts in its
 * ServerHello random, which a TLS 1.2/1.3 client checks (RFC 8446 §4.1.3).
 */
public final class DowngradeClientHello implements RelayInterceptor {

    /** RFC 8446 §4.2.1: supported_versions (43). */
    static final int SUPPORTED_VERSIONS = 43;

    @Override
    public List<byte[]> handshakeMessage(Direction direction, byte[] message) {
        return ClientHelloRewrite.apply(direction, message, hello -> new ClientHello(ProtocolVersion.TLS1_1,
                hello.random(), hello.sessionId(), hello.cipherSuites(), hello.compressionMethods(),
                ClientHelloRewrite.without(hello, SUPPORTED_VERSIONS)));
    }
}
