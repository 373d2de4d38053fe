package org.layeredtls.handshake.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.record.ProtocolVersion;

/**
 * When a handshake ends, the record buffers it grew (to its biggest flight record: the certificate chain, and in
 * TLS 1.3 the encrypted server flight, 6-7 KB a side before) are dropped, so an idle connection keeps almost none
 * (the 5-byte header, and what a TLS 1.3 NewSessionTicket needed after); application data of any size then flows
 * both ways as before, and a renegotiation drops them again.
 */
class EngineIdleBuffersTest {

    /** Far below the 3.5-7 KB the handshake grew the buffers to, above a NewSessionTicket's record. */
    private static final int IDLE_CEILING = 1024;

    enum Version {
        TLS12(ProtocolVersion.TLS1_2), TLS13(ProtocolVersion.TLS1_3);

        final ProtocolVersion version;

        Version(ProtocolVersion version) {
            this.version = version;
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void anEngineKeepsNoHandshakeSizedRecordBufferOnceTheHandshakeEnds(Version v) throws IOException {
        EnginePair pair = TlsEngine.pair(Tls12Pki.client().versions(v.version, v.version).allowRenegotiation(true).build(),
                Tls12Pki.server().versions(v.version, v.version).build());
        pair.handshake();
        pair.shuttle();
        assertIdle(pair);

        byte[] large = new byte[40_000]; // several full records each way, after the release
        new Random(7).nextBytes(large);
        pair.client().writeApplicationData(large);
        pair.shuttle();
        assertArrayEquals(large, receivedAll(pair.server(), large.length));
        pair.server().writeApplicationData(large);
        pair.shuttle();
        assertArrayEquals(large, receivedAll(pair.client(), large.length));

        if (v == Version.TLS12) { // a renegotiation grows them again for its flight, and drops them when it ends
            pair.client().renegotiate();
            pair.shuttle();
            pair.client().writeApplicationData(EnginePairTest.ascii("after"));
            pair.shuttle();
            assertArrayEquals(EnginePairTest.ascii("after"), EnginePairTest.received(pair.server()));
        }
    }

    /** What {@code engine} has received, record after record, up to {@code length} bytes. */
    private static byte[] receivedAll(TlsEngine engine, int length) {
        byte[] all = new byte[length];
        int at = 0;
        int n;
        while (at < length && (n = engine.readApplicationData(all, at, length - at)) > 0) {
            at += n;
        }
        return java.util.Arrays.copyOf(all, at);
    }

    private static void assertIdle(EnginePair pair) {
        for (TlsEngine engine : new TlsEngine[] {pair.client(), pair.server()}) {
            int held = engine.recordBufferedBytes();
            assertTrue(held < IDLE_CEILING, (engine.isClient() ? "client" : "server") + " holds " + held + " bytes");
        }
    }
}
