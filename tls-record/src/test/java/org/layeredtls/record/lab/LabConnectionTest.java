package org.layeredtls.record.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.record.BulkCipherAlgorithm;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.MacAlgorithm;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.TLSCiphertext;

class LabConnectionTest {

    private static final CipherSpec AES_CBC_SHA = CipherSpec.of(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1);

    private static LabConnection connection() {
        return LabConnection.open(ProtocolVersion.TLS1_0, AES_CBC_SHA, CompressionMethod.NULL,
                DeterministicRandomSource.fromLabel("lab connection test"));
    }

    @Test
    void theServerAcceptsWhatTheVictimSentAndRefusesAChangedByteWithBadRecordMac() throws Exception {
        try (LabConnection connection = connection()) {
            List<TLSCiphertext> records = connection.send("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(1, records.size());
            assertTrue(connection.deliver(records.get(0)));
            assertNull(connection.serverAlert());
            TLSCiphertext next = connection.send(new byte[20]).get(0);
            byte[] changed = next.fragment();
            changed[0] ^= 1;
            assertFalse(connection.deliver(new TLSCiphertext(next.type(), next.version(), changed)));
            assertEquals(AlertDescription.BAD_RECORD_MAC, connection.serverAlert());
        }
    }

    @Test
    void afterAFatalAlertTheServerTakesNoMoreRecords() throws Exception {
        try (LabConnection connection = connection()) {
            TLSCiphertext record = connection.send(new byte[5]).get(0);
            byte[] changed = record.fragment();
            changed[changed.length - 1] ^= 1;
            assertFalse(connection.deliver(new TLSCiphertext(record.type(), record.version(), changed)));
            assertThrows(IllegalStateException.class, () -> connection.deliver(record));
        }
    }

    @Test
    void splitAndEncodeAreInverses() throws Exception {
        try (LabConnection connection = connection()) {
            connection.victim().setCbcRecordSplitting(true);
            List<TLSCiphertext> records = connection.send(new byte[40]);
            assertEquals(2, records.size()); // 1/n-1
            byte[] wire = new byte[0];
            for (TLSCiphertext record : records) {
                byte[] encoded = LabConnection.encode(record);
                byte[] joined = Arrays.copyOf(wire, wire.length + encoded.length);
                System.arraycopy(encoded, 0, joined, wire.length, encoded.length);
                wire = joined;
            }
            assertEquals(records, LabConnection.split(wire));
        }
    }
}
