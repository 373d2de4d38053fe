package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.DeterministicRandomSource;

/** A record layer pair in memory, as a lab uses it. */
class RecordLayersTest {

    private static final byte[] HELLO = "hello, record layer".getBytes(StandardCharsets.US_ASCII);

    private static ConnectionStateBuilder gcm(String label) {
        return ConnectionStateBuilder.of(ProtocolVersion.TLS1_2).cipher(BulkCipherAlgorithm.AES_128_GCM)
                .keysFrom(DeterministicRandomSource.fromLabel(label));
    }

    @Test
    void whatTheClientWritesTheServerReadsAndBack() throws Exception {
        RecordLayerPair pair = RecordLayers.inMemoryPair(gcm("client write"), gcm("server write"));
        pair.client().write(ContentType.APPLICATION_DATA, HELLO);
        assertEquals(5 + 8 + HELLO.length + 16, pair.clientToServer().size(), "header, explicit nonce, data, tag");
        assertArrayEquals(new byte[] {23, 3, 3}, java.util.Arrays.copyOf(pair.clientToServer().inFlight(), 3));
        assertArrayEquals(HELLO, pair.server().readRecord().fragment());
        assertNull(pair.server().readRecord(), "nothing more in flight");
        pair.server().write(ContentType.APPLICATION_DATA, HELLO);
        assertArrayEquals(HELLO, pair.client().readRecord().fragment());
    }

    @Test
    void aBitFlippedInFlightIsBadRecordMac() throws Exception {
        RecordLayerPair pair = RecordLayers.inMemoryPair(gcm("same keys both ways"));
        pair.client().write(ContentType.APPLICATION_DATA, HELLO);
        pair.clientToServer().flipBit(pair.clientToServer().size() - 1, 0);
        TlsAlertException refused = assertThrows(TlsAlertException.class, () -> pair.server().readRecord());
        assertEquals(AlertDescription.BAD_RECORD_MAC, refused.description());
    }

    @Test
    void anUnprotectedPairCarriesTheVersionGivenOnce() throws Exception {
        RecordLayerPair pair = RecordLayers.inMemoryPair(ProtocolVersion.TLS1_1);
        pair.client().write(ContentType.HANDSHAKE, HELLO);
        assertArrayEquals(new byte[] {22, 3, 2}, java.util.Arrays.copyOf(pair.clientToServer().inFlight(), 3));
        assertArrayEquals(HELLO, pair.server().readRecord().fragment());
    }

    @Test
    void refusesTwoDirectionsOfDifferentVersions() {
        assertThrows(IllegalArgumentException.class, () -> RecordLayers.inMemoryPair(gcm("a"),
                ConnectionStateBuilder.of(ProtocolVersion.TLS1_1).cipher(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1)
                        .keysFrom(DeterministicRandomSource.fromLabel("b"))));
    }

    @Test
    void aRecordCutShortInFlightIsAnEndOfStreamInsideTheRecord() throws Exception {
        RecordLayerPair pair = RecordLayers.inMemoryPair(ProtocolVersion.TLS1_2);
        pair.client().write(ContentType.APPLICATION_DATA, HELLO);
        byte[] partial = java.util.Arrays.copyOf(pair.clientToServer().inFlight(), 9);
        pair.clientToServer().clear();
        pair.clientToServer().outputStream().write(partial);
        assertThrows(java.io.EOFException.class, () -> pair.server().readRecord());
    }
}
