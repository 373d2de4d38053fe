package org.layeredtls.handshake.conversation;

import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.suite.CipherSuite;

/** The conversations probes start from: the correct beginnings they then change. */
final class Scripts {

    private Scripts() {
    }

    /** A conversation sending {@code hello} and reading the server's flight up to ServerHelloDone. */
    static Conversation untilServerHelloDone(String name, ClientHelloTemplate hello) {
        return Conversation.named(name).send(hello).expectFlightUntil(HandshakeType.SERVER_HELLO_DONE);
    }

    /** A full handshake with {@code hello}: ClientKeyExchange, ChangeCipherSpec, Finished, and the server's. */
    static Conversation fullHandshake(String name, ClientHelloTemplate hello) {
        return untilServerHelloDone(name, hello).send(Messages.clientKeyExchange()).sendChangeCipherSpec()
                .send(Messages.finished()).expectChangeCipherSpec().expect(HandshakeType.FINISHED);
    }

    /** A ClientHello offering only TLS_RSA_WITH_AES_128_CBC_SHA: the RSA key exchange and CBC records. */
    static ClientHelloTemplate rsaCbcHello() {
        return Messages.clientHello().cipherSuites(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA);
    }

    static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
