package org.layeredtls.handshake.legacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.handshake.testing.HandshakeServer;
import org.layeredtls.handshake.testing.WrittenApplicationData;
import org.layeredtls.record.ProtocolVersion;

/**
 * The handshake turns the BEAST countermeasure on where the negotiated version and suite need it, on
 * both sides: our client and our server over loopback, each writing 100 bytes, and the plaintext lengths
 * of the application-data records each side wrote.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CbcRecordSplittingLoopbackTest {

    private static final int SIZE = 100;

    /** Each side writes SIZE bytes once; returns the record lengths the client and the server wrote. */
    private static List<List<Integer>> exchange(ProtocolVersion version, CipherSuite suite, boolean split) throws Exception {
        WrittenApplicationData client = new WrittenApplicationData();
        WrittenApplicationData server = new WrittenApplicationData();
        TlsConfig serverConfig = Tls12Pki.server().securityLevel(0).versions(version, version).cipherSuites(suite).cbcRecordSplitting(split)
                .observer(server).build();
        TlsConfig clientConfig = Tls12Pki.client().securityLevel(0).versions(version, version).cipherSuites(suite).cbcRecordSplitting(split)
                .observer(client).build();
        byte[] data = V2Hellos.bytes(0, SIZE);
        try (HandshakeServer listener = HandshakeServer.bind(serverConfig)) {
            Future<byte[]> serverSide = listener.accept(socket -> {
                socket.getOutputStream().write(data);
                return socket.getInputStream().readNBytes(SIZE);
            });
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.port(), clientConfig)) {
                socket.socket().setSoTimeout(30_000);
                socket.getOutputStream().write(data);
                assertArrayEquals(data, socket.getInputStream().readNBytes(SIZE), "server to client");
                assertEquals(version, socket.session().version());
            }
            assertArrayEquals(data, serverSide.get(30, TimeUnit.SECONDS), "client to server");
        }
        return List.of(client.lengths, server.lengths);
    }

    private static final List<Integer> SPLIT = List.of(1, SIZE - 1);
    private static final List<Integer> WHOLE = List.of(SIZE);

    @Test
    void ssl30CbcIsSplitBothWays() throws Exception {
        assertEquals(List.of(SPLIT, SPLIT), exchange(ProtocolVersion.SSL3_0, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, true));
    }

    @Test
    void tls10CbcIsSplitBothWays() throws Exception {
        assertEquals(List.of(SPLIT, SPLIT), exchange(ProtocolVersion.TLS1_0, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, true));
    }

    @Test
    void tls10CbcWithTheKnobOffIsNotSplit() throws Exception {
        assertEquals(List.of(WHOLE, WHOLE), exchange(ProtocolVersion.TLS1_0, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, false));
    }

    @Test
    void tls10Rc4IsNotSplit() throws Exception {
        assertEquals(List.of(WHOLE, WHOLE), exchange(ProtocolVersion.TLS1_0, CipherSuite.TLS_RSA_WITH_RC4_128_SHA, true));
    }

    @Test
    void tls11CbcIsNotSplit() throws Exception {
        assertEquals(List.of(WHOLE, WHOLE), exchange(ProtocolVersion.TLS1_1, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, true));
    }

    @Test
    void tls12GcmIsNotSplit() throws Exception {
        assertEquals(List.of(WHOLE, WHOLE), exchange(ProtocolVersion.TLS1_2, CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, true));
    }
}
