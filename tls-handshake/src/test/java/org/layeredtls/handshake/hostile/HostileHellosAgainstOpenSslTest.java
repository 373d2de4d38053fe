package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.extension.EcPointFormat;
import org.layeredtls.handshake.extension.EcPointFormats;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.handshake.testing.RawPeer;
import org.layeredtls.handshake.testing.Reply;

/** The reference run: {@link HostileHelloScenarios} against {@code openssl s_server -www}: OpenSSL answers each as the tests say. */
class HostileHellosAgainstOpenSslTest extends HostileHelloScenarios {

    private static OpenSslReference server;
    private static OpenSslReference levelZero;

    @Override
    ServerUnderTest server() {
        synchronized (HostileHellosAgainstOpenSslTest.class) {
            if (server == null || !server.isAlive()) {
                server = OpenSslReference.start();
            }
            return server;
        }
    }

    @Override
    ServerUnderTest levelZeroServer() throws Exception {
        synchronized (HostileHellosAgainstOpenSslTest.class) {
            if (levelZero == null || !levelZero.isAlive()) {
                levelZero = OpenSslReference.start("-cipher", "ALL:@SECLEVEL=0");
            }
            return levelZero;
        }
    }

    /**
     * OpenSSL 3.0 departs from RFC 8422 §5.1.2 here: it answers a ServerHello (ECDHE-RSA) to a point format list
     * without uncompressed. The issue takes the RFC as the reference; this override records what OpenSSL does.
     */
    @Override
    @Test
    void ecPointFormatsWithoutUncompressedIsIllegalParameter() throws Exception {
        try (RawPeer peer = RawPeer.connect(server().port())) {
            peer.sendHandshake(Hello.defaults().with(EcPointFormats.of(EcPointFormat.ANSIX962_COMPRESSED_PRIME))
                    .suites(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256).message());
            Reply reply = peer.awaitHandshake(HandshakeType.SERVER_HELLO_DONE, BOUND);
            assertTrue(reply.serverHello().isPresent() && reply.alerts().isEmpty(), reply::toString);
        }
        NormalClient.isServed(server());
    }

    @AfterAll
    static void stop() {
        ServerUnderTest.closeAll(server, levelZero);
    }
}
