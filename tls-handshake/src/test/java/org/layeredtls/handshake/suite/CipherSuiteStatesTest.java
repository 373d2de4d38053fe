package org.layeredtls.handshake.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.record.BulkCipherAlgorithm;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.MacAlgorithm;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.RecordLayerPair;
import org.layeredtls.record.RecordLayers;

/** A connection state from a suite name: the suite gives the cipher and MAC, the version is checked against it. */
class CipherSuiteStatesTest {

    @Test
    void openSslAndIanaNamesGiveTheSuitesCipherAndMac() {
        var spec = CipherSuiteStates.of("AES128-SHA", ProtocolVersion.TLS1_0).cipherSpec();
        assertEquals(BulkCipherAlgorithm.AES_128_CBC, spec.bulkCipher());
        assertEquals(MacAlgorithm.HMAC_SHA1, spec.mac());
        assertEquals(spec, CipherSuiteStates.of("TLS_RSA_WITH_AES_128_CBC_SHA", ProtocolVersion.TLS1_0).cipherSpec());
    }

    @Test
    void refusesASuiteTheVersionCannotNegotiate() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> CipherSuiteStates.of("ECDHE-RSA-AES128-GCM-SHA256", ProtocolVersion.TLS1_1)).getMessage();
        assertTrue(message.contains("needs TLSv1.2"), message);
        assertThrows(IllegalArgumentException.class, () -> CipherSuiteStates.of("NO-SUCH-SUITE", ProtocolVersion.TLS1_2));
        assertThrows(IllegalArgumentException.class, () -> CipherSuiteStates.of("TLS_FALLBACK_SCSV", ProtocolVersion.TLS1_2));
    }

    @Test
    void aPairKeyedFromASuiteNameCarriesData() throws Exception {
        RecordLayerPair pair = RecordLayers.inMemoryPair(CipherSuiteStates.of("ECDHE-RSA-CHACHA20-POLY1305", ProtocolVersion.TLS1_2)
                .keysFrom(DeterministicRandomSource.fromLabel("suite pair")));
        pair.client().write(ContentType.APPLICATION_DATA, new byte[] {42});
        assertEquals(5 + 1 + 16, pair.clientToServer().size(), "ChaCha20-Poly1305: nothing explicit, a 16-byte tag");
        assertArrayEquals(new byte[] {42}, pair.server().readRecord().fragment());
    }
}
