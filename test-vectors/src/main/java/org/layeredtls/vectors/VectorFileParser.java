package org.layeredtls.vectors;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the line-based vector format strictly; see {@link RecordProtectionVectors}. */
final class VectorFileParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9]\\d{0,8}");

    /** Largest TLSCompressed fragment: 2^14 + 1024 (RFC 5246 §6.2.2). */
    private static final int MAX_PLAINTEXT = 16384 + 1024;

    /** Bulk cipher name: {key length, block length, fixed IV length (SSL 3.0/TLS 1.0 for CBC)}. */
    private static final Map<String, int[]> BULK = Map.of(
            "NULL", new int[] {0, 0, 0},
            "RC4_128", new int[] {16, 0, 0},
            "TRIPLE_DES_EDE_CBC", new int[] {24, 8, 8},
            "AES_128_CBC", new int[] {16, 16, 16},
            "AES_256_CBC", new int[] {32, 16, 16},
            "AES_128_GCM", new int[] {16, 0, 4},
            "AES_256_GCM", new int[] {32, 0, 4},
            "CHACHA20_POLY1305", new int[] {32, 0, 12});
    private static final Set<String> AEAD = Set.of("AES_128_GCM", "AES_256_GCM", "CHACHA20_POLY1305");

    /** MAC name: key and output length. */
    private static final Map<String, Integer> MAC = Map.of(
            "NULL", 0, "HMAC_MD5", 16, "HMAC_SHA1", 20, "HMAC_SHA256", 32, "HMAC_SHA384", 48);

    private final VectorLines lines;

    VectorFileParser(BufferedReader reader, String source) {
        this.lines = new VectorLines(reader, source);
    }

    RecordProtectionVectors parse() throws IOException {
        String openssl = lines.value("openssl");
        if (openssl.isEmpty()) {
            throw lines.error("the OpenSSL version is missing");
        }
        String date = lines.value("date");
        if (!DATE.matcher(date).matches()) {
            throw lines.error("date must be yyyy-mm-dd: " + date);
        }
        int count = decimal(lines.value("count"));
        List<RecordProtectionVector> vectors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String line = lines.nextLine(); line != null; line = lines.nextLine()) {
            RecordProtectionVector vector = vector(line);
            if (!names.add(vector.name())) {
                throw lines.error("duplicate vector name " + vector.name());
            }
            vectors.add(vector);
        }
        if (vectors.size() != count) {
            throw lines.error("count = " + count + " but the file holds " + vectors.size() + " vectors");
        }
        return new RecordProtectionVectors(openssl, date, vectors);
    }

    private RecordProtectionVector vector(String firstLine) throws IOException {
        String name = lines.valueOf(firstLine, "vector");
        if (!NAME.matcher(name).matches()) {
            throw lines.error("bad vector name: " + name);
        }
        String versionHex = lines.value("version");
        if (versionHex.length() != 4) {
            throw lines.error("version must be 2 bytes of hex: " + versionHex);
        }
        byte[] versionBytes = lines.hex(versionHex);
        int version = (versionBytes[0] & 0xFF) << 8 | versionBytes[1] & 0xFF;
        if (version < 0x0300 || version > 0x0303) {
            throw lines.error("version must be 0300..0303: " + versionHex);
        }
        String bulk = lines.value("bulk");
        int[] sizes = BULK.get(bulk);
        if (sizes == null) {
            throw lines.error("unknown bulk cipher " + bulk);
        }
        String mac = lines.value("mac");
        Integer macLength = MAC.get(mac);
        if (macLength == null) {
            throw lines.error("unknown MAC " + mac);
        }
        if (AEAD.contains(bulk) != mac.equals("NULL")) {
            throw lines.error("an AEAD cipher takes mac = NULL, any other cipher a real MAC");
        }
        boolean etm = switch (lines.value("etm")) {
            case "true" -> true;
            case "false" -> false;
            default -> throw lines.error("etm must be true or false");
        };
        boolean cbc = sizes[1] > 0;
        if (etm && !cbc) {
            throw lines.error("encrypt-then-MAC applies to CBC ciphers only (RFC 7366 §3)");
        }
        byte[] macKey = hex("mac_key", macLength);
        byte[] encKey = hex("enc_key", sizes[0]);
        int fixedIvLength = cbc && version >= 0x0302 ? 0 : sizes[2]; // RFC 4346 §6.3: no CBC IV from the key block
        byte[] fixedIv = hex("fixed_iv", fixedIvLength);
        int count = decimal(lines.value("records"));
        if (count == 0) {
            throw lines.error("a vector needs at least one record");
        }
        int explicitLength = cbc && version >= 0x0302 ? sizes[1] : bulk.endsWith("_GCM") ? 8 : 0;
        List<VectorRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(record(explicitLength, records.isEmpty() ? null : records.get(i - 1)));
        }
        lines.expect("end");
        return new RecordProtectionVector(name, version, bulk, mac, etm, macKey, encKey, fixedIv, records);
    }

    private VectorRecord record(int explicitLength, VectorRecord previous) throws IOException {
        lines.expect("record");
        String seqHex = lines.value("seq");
        if (seqHex.length() != 16) {
            throw lines.error("seq must be 8 bytes of hex");
        }
        long seq = 0;
        for (byte b : lines.hex(seqHex)) {
            seq = seq << 8 | b & 0xFF;
        }
        if (previous != null && seq != previous.sequenceNumber() + 1) {
            throw lines.error("sequence numbers must be consecutive");
        }
        int type = decimal(lines.value("type"));
        if (type < 20 || type > 23) {
            throw lines.error("content type must be 20..23: " + type);
        }
        byte[] explicitIv = hex("explicit_iv", explicitLength);
        byte[] plaintext = lines.hex(lines.value("plaintext"));
        if (plaintext.length > MAX_PLAINTEXT) {
            throw lines.error("plaintext longer than 2^14 + 1024");
        }
        byte[] fragment = lines.hex(lines.value("fragment"));
        if (fragment.length <= plaintext.length) {
            throw lines.error("a protected fragment is longer than its plaintext");
        }
        return new VectorRecord(seq, type, explicitIv, plaintext, fragment);
    }

    private byte[] hex(String key, int expectedLength) throws IOException {
        byte[] bytes = lines.hex(lines.value(key));
        if (bytes.length != expectedLength) {
            throw lines.error(key + " must be " + expectedLength + " bytes, not " + bytes.length);
        }
        return bytes;
    }

    private int decimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw lines.error("not a decimal number: " + text);
        }
        return Integer.parseInt(text);
    }
}
