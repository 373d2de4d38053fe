package org.layeredtls.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordProtectionVectorsTest {

    private static final RecordProtectionVectors VECTORS = RecordProtectionVectors.load();
    private static final List<String> VERSIONS = List.of("0300", "0301", "0302", "0303");

    /** The families the generator writes: version, bulk, mac, etm. */
    private static Set<String> expectedFamilies() {
        Set<String> families = new HashSet<>();
        for (String version : VERSIONS) {
            for (String suite : List.of("NULL/HMAC_SHA1", "RC4_128/HMAC_MD5", "RC4_128/HMAC_SHA1",
                    "TRIPLE_DES_EDE_CBC/HMAC_SHA1", "AES_128_CBC/HMAC_SHA1", "AES_256_CBC/HMAC_SHA1")) {
                families.add(version + "/" + suite + "/false");
            }
        }
        for (String suite : List.of("AES_128_CBC/HMAC_SHA256", "AES_256_CBC/HMAC_SHA256", "AES_256_CBC/HMAC_SHA384",
                "AES_128_GCM/NULL", "AES_256_GCM/NULL", "CHACHA20_POLY1305/NULL")) {
            families.add("0303/" + suite + "/false");
        }
        families.addAll(List.of("0301/AES_128_CBC/HMAC_SHA1/true", "0302/AES_128_CBC/HMAC_SHA1/true",
                "0303/AES_128_CBC/HMAC_SHA1/true", "0303/AES_128_CBC/HMAC_SHA256/true"));
        return families;
    }

    private static String family(RecordProtectionVector v) {
        return String.format("%04x/%s/%s/%s", v.version(), v.bulkCipher(), v.mac(), v.encryptThenMac());
    }

    @Test
    void loadsAllSixtyEightVectorsTheGeneratorWrote() {
        assertEquals(68, VECTORS.vectors().size());
        assertTrue(VECTORS.opensslVersion().startsWith("OpenSSL "), VECTORS.opensslVersion());
        assertTrue(VECTORS.date().matches("\\d{4}-\\d{2}-\\d{2}"));
    }

    @Test
    void coversEveryFamilyTwiceFromSequenceZeroAndAcrossTheThirtyTwoBitBoundary() {
        Map<String, Set<Long>> firstSequenceNumbers = new HashMap<>();
        for (RecordProtectionVector v : VECTORS.vectors()) {
            firstSequenceNumbers.computeIfAbsent(family(v), k -> new HashSet<>())
                    .add(v.records().get(0).sequenceNumber());
        }
        assertEquals(expectedFamilies(), firstSequenceNumbers.keySet());
        firstSequenceNumbers.forEach((family, firsts) -> assertEquals(Set.of(0L, 0xFFFFFFFFL), firsts, family));
    }

    @Test
    void eachVectorHasThreeRecordsAndTogetherTheyCoverTheLengthsAndTypes() {
        for (RecordProtectionVector v : VECTORS.vectors()) {
            assertEquals(3, v.records().size(), v.name());
            Set<Integer> types = new HashSet<>();
            v.records().forEach(r -> types.add(r.contentType()));
            assertTrue(types.containsAll(Set.of(21, 22)), v.name());
        }
        Set<Integer> lengths = new HashSet<>();
        for (RecordProtectionVector v : VECTORS.vectors()) {
            for (VectorRecord r : v.records()) {
                lengths.add(r.plaintext().length);
                assertTrue(r.plaintext().length > 0 || r.contentType() == 23, "empty only for application_data");
            }
        }
        assertTrue(lengths.containsAll(Set.of(0, 1, 32)), lengths.toString());
        assertTrue(lengths.stream().anyMatch(n -> n >= 1000), lengths.toString());
    }

    @Test
    void fragmentLengthsFollowEachSchemesLayout() {
        Map<String, Integer> macLength = Map.of("NULL", 0, "HMAC_MD5", 16, "HMAC_SHA1", 20, "HMAC_SHA256", 32,
                "HMAC_SHA384", 48);
        for (RecordProtectionVector v : VECTORS.vectors()) {
            int mac = macLength.get(v.mac());
            int block = v.bulkCipher().equals("TRIPLE_DES_EDE_CBC") ? 8 : 16;
            for (VectorRecord r : v.records()) {
                int n = r.plaintext().length;
                int f = r.fragment().length;
                int iv = r.explicitIv().length;
                String where = v.name() + " seq " + r.sequenceNumber();
                switch (v.bulkCipher()) {
                    case "NULL", "RC4_128" -> assertEquals(n + mac, f, where);
                    case "AES_128_GCM", "AES_256_GCM" -> assertEquals(8 + n + 16, f, where);
                    case "CHACHA20_POLY1305" -> assertEquals(n + 16, f, where);
                    default -> {
                        // minimal padding: the smallest block multiple that holds the padding_length byte
                        int encrypted = v.encryptThenMac() ? n : n + mac;
                        int padded = (encrypted / block + 1) * block;
                        assertEquals(iv + padded + (v.encryptThenMac() ? mac : 0), f, where);
                    }
                }
                assertArrayEquals(r.explicitIv(), Arrays.copyOf(r.fragment(), iv), where + ": explicit IV in clear");
            }
        }
    }

    @Test
    void theNullCipherLeavesThePlaintextInClear() {
        for (RecordProtectionVector v : VECTORS.vectors()) {
            if (v.bulkCipher().equals("NULL")) {
                for (VectorRecord r : v.records()) {
                    assertArrayEquals(r.plaintext(), Arrays.copyOf(r.fragment(), r.plaintext().length), v.name());
                }
            }
        }
    }

    @Test
    void explicitCbcIvsAreDrawnOnlyFromTls11OnAndGcmNoncesAreTheSequenceNumber() {
        for (RecordProtectionVector v : VECTORS.vectors()) {
            for (VectorRecord r : v.records()) {
                byte[] iv = r.explicitIv();
                if (v.bulkCipher().endsWith("_GCM")) {
                    assertEquals(r.sequenceNumber(), java.nio.ByteBuffer.wrap(iv).getLong(), v.name());
                } else if (v.bulkCipher().endsWith("_CBC") && v.version() >= 0x0302) {
                    assertEquals(v.bulkCipher().startsWith("TRIPLE") ? 8 : 16, iv.length, v.name());
                } else {
                    assertEquals(0, iv.length, v.name());
                }
            }
        }
    }

    @Test
    void accessorsHandOutCopies() {
        RecordProtectionVector v = VECTORS.vectors().get(0);
        byte[] key = v.macKey();
        key[0] ^= 1;
        assertArrayEquals(VECTORS.vectors().get(0).macKey(), v.macKey());
        byte[] fragment = v.records().get(0).fragment();
        fragment[0] ^= 1;
        assertTrue(!Arrays.equals(fragment, v.records().get(0).fragment()));
    }

    // ---- strictness, on a small hand-written file ----

    private static final String GOOD = String.join("\n",
            "# a comment",
            "openssl = OpenSSL 3.0.0",
            "date = 2026-01-01",
            "count = 1",
            "",
            "vector = TLS1_2-NULL-HMAC_MD5-seq0",
            "version = 0303",
            "bulk = NULL",
            "mac = HMAC_MD5",
            "etm = false",
            "mac_key = 00112233445566778899aabbccddeeff",
            "enc_key =",
            "fixed_iv =",
            "records = 2",
            "record",
            "seq = 0000000000000000",
            "type = 23",
            "explicit_iv =",
            "plaintext =",
            "fragment = 00112233445566778899aabbccddeeff",
            "record",
            "seq = 0000000000000001",
            "type = 22",
            "explicit_iv =",
            "plaintext = 01",
            "fragment = 0100112233445566778899aabbccddeeff",
            "end",
            "");

    private static RecordProtectionVectors parse(String text) {
        return RecordProtectionVectors.parse(new StringReader(text), "test");
    }

    @Test
    void parsesAWellFormedFile() {
        RecordProtectionVectors parsed = parse(GOOD);
        assertEquals("OpenSSL 3.0.0", parsed.opensslVersion());
        RecordProtectionVector v = parsed.vectors().get(0);
        assertEquals(0x0303, v.version());
        assertEquals(16, v.macKey().length);
        assertEquals(1L, v.records().get(1).sequenceNumber());
        assertArrayEquals(new byte[] {1}, v.records().get(1).plaintext());
    }

    private static void assertRejected(String from, String to, String messagePart) {
        assertTrue(GOOD.contains(from), from);
        VectorFormatException e = assertThrows(VectorFormatException.class, () -> parse(GOOD.replace(from, to)));
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
        assertTrue(e.getMessage().startsWith("test:"), e.getMessage());
    }

    @Test
    void rejectsMalformedHex() {
        assertRejected("plaintext = 01", "plaintext = 0", "odd number");
        assertRejected("plaintext = 01", "plaintext = 0g", "hex digit");
        assertRejected("plaintext = 01", "plaintext = 0A", "hex digit");
    }

    @Test
    void rejectsAWrongCount() {
        assertRejected("count = 1", "count = 2", "count = 2");
        assertRejected("records = 2", "records = 3", "expected 'record'");
        assertRejected("records = 2", "records = x", "decimal");
    }

    @Test
    void rejectsMissingOrMisplacedLines() {
        assertRejected("end\n", "", "expected 'end'");
        assertRejected("etm = false\n", "", "expected 'etm");
        assertRejected("type = 22", "type  = 22", "expected 'type");
        assertRejected("fixed_iv =", "fixed_iv = ", "expected 'fixed_iv");
    }

    @Test
    void rejectsUnknownAlgorithmsAndWrongKeyLengths() {
        assertRejected("bulk = NULL", "bulk = DES_CBC", "unknown bulk");
        assertRejected("mac = HMAC_MD5", "mac = HMAC_SHA512", "unknown MAC");
        assertRejected("mac = HMAC_MD5", "mac = HMAC_SHA1", "mac_key must be 20 bytes");
        assertRejected("etm = false", "etm = true", "encrypt-then-MAC");
        assertRejected("version = 0303", "version = 0304", "0300..0303");
    }

    @Test
    void rejectsNonConsecutiveSequenceNumbersAndBadTypes() {
        assertRejected("seq = 0000000000000001", "seq = 0000000000000002", "consecutive");
        assertRejected("seq = 0000000000000001", "seq = 01", "8 bytes");
        assertRejected("type = 22", "type = 24", "20..23");
    }

    @Test
    void rejectsDuplicateNames() {
        String block = GOOD.substring(GOOD.indexOf("vector ="));
        String twice = GOOD.replace("count = 1", "count = 2") + block;
        VectorFormatException e = assertThrows(VectorFormatException.class, () -> parse(twice));
        assertTrue(e.getMessage().contains("duplicate"), e.getMessage());
    }
}
