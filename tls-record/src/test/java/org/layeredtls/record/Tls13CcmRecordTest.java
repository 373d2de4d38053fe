package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layeredtls.crypto.CryptoBackend;

/**
 * TLS 1.3 records under TLS_AES_128_CCM_SHA256 and TLS_AES_128_CCM_8_SHA256 (RFC 8446 §B.4), against
 * records built independently from the RFC's text with OpenSSL's AES-CCM (through pyca/cryptography:
 * nonce = iv XOR seq, additional data = the header, TLSInnerPlaintext = content || 22), with the
 * {@link Tls13Scheme} keys: 10 bytes 01..0a of handshake content at sequence numbers 0 and 1.
 */
class Tls13CcmRecordTest {

    private static final HexFormat HEX = HexFormat.of();

    private static void check(Tls13Scheme scheme, long sequenceNumber, String expected) throws IOException {
        byte[] content = ProtectionScheme.pattern(1, 10);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = scheme.writer(wire);
        writer.writeState().startingAt(sequenceNumber);
        writer.write(ContentType.HANDSHAKE, content);
        assertArrayEquals(HEX.parseHex(expected), wire.toByteArray());

        RecordLayer reader = scheme.reader(wire.toByteArray());
        reader.readState().startingAt(sequenceNumber);
        assertEquals(new TLSPlaintext(ContentType.HANDSHAKE, ProtocolVersion.TLS1_2, content), reader.readRecord());
    }

    /** AEAD, sequence number, the reference record: a 16-byte tag for CCM, 8 for CCM_8 (length 0x13, not 0x1b). */
    static List<Arguments> references() {
        List<Object[]> records = List.of(
                new Object[] {BulkCipherAlgorithm.AES_128_CCM, 0L,
                        "170303001bad2e5080a33bcc1c313e41418f352ac01c7bc9c2f5aaded807c17f"},
                new Object[] {BulkCipherAlgorithm.AES_128_CCM, 1L,
                        "170303001bc7292e1524253f6d6d11034f09c739abc6135f3c229a3d6bb0cb61"},
                new Object[] {BulkCipherAlgorithm.AES_128_CCM_8, 0L, "1703030013ad2e5080a33bcc1c313e41e370dc24518c7897"},
                new Object[] {BulkCipherAlgorithm.AES_128_CCM_8, 1L, "1703030013c7292e1524253f6d6d11039f8fcd58123a27a2"});
        List<Arguments> all = new ArrayList<>();
        for (CryptoBackend backend : CryptoBackend.values()) {
            for (Object[] record : records) {
                all.add(Arguments.of(new Tls13Scheme((BulkCipherAlgorithm) record[0], backend), record[1], record[2]));
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0}, sequence number {1}")
    @MethodSource("references")
    void writesAndReadsTheReferenceRecord(Tls13Scheme scheme, long sequenceNumber, String expected) throws IOException {
        check(scheme, sequenceNumber, expected);
    }
}
