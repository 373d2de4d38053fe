package org.layeredtls.record.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * BEAST (Duong and Rizzo, 2011; the weakness Bard and Moeller described in 2004-2006). In SSL 3.0
 * and TLS 1.0 the IV of a CBC record is the last ciphertext block of the record before it
 * (RFC 2246 §6.2.3.2): an attacker who sees that block X knows the IV of the next record before
 * the victim encrypts it. If the attacker can also choose the first plaintext block G of that next
 * record (a script in the victim's browser), it can test a guess of any earlier plaintext block:
 * <pre>
 *   target:  C_i = E(C_{i-1} xor P_i)          P_i = 15 known bytes || 1 cookie byte
 *   choose:  G   = X xor C_{i-1} xor guess      so that the next record's first block is
 *            E(X xor G) = E(C_{i-1} xor guess), equal to C_i exactly when guess = P_i
 * </pre>
 * Moving the cookie one byte at a time across a block boundary (a longer or shorter path) leaves
 * one unknown byte per block: at most 256 guesses per byte.
 *
 * <p>Vulnerable setting: TLS 1.0 with AES-128-CBC and {@code setCbcRecordSplitting(false)}.
 * Countermeasures: the 1/n&minus;1 split (on by default: the handshake turns it on for SSL 3.0 and
 * TLS 1.0), which puts the unknown MAC of a one-byte record in front of G, so the IV of the record
 * carrying G is no longer predictable; and TLS 1.1's explicit random IV per record (RFC 4346 §6.2.3.2).
 */
public final class BeastLab implements Lab {

    /** The victim's secret cookie; the attacker knows its name and length, not its value. */
    static final String COOKIE = "B3a5tIV!";
    private static final CipherSpec SPEC = CipherSpec.of(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1);
    private static final int BLOCK = SPEC.bulkCipher().blockLength();
    private static final String BEFORE_PATH = "GET /";
    private static final String BEFORE_COOKIE = " HTTP/1.1\r\nCookie: session=";
    private static final String AFTER_COOKIE = "\r\n\r\n";
    /** The guesses: printable ASCII. */
    private static final int FIRST_GUESS = 0x20;
    private static final int LAST_GUESS = 0x7E;

    private final RandomSource random = DeterministicRandomSource.fromLabel("beast lab");
    private String recoveredWhenVulnerable = "";
    private String recoveredWithSplit = "";
    private String recoveredWithExplicitIv = "";

    @Override
    public String name() {
        return "beast";
    }

    @Override
    public String layer() {
        return "record";
    }

    @Override
    public String summary() {
        return "BEAST: TLS 1.0's predictable CBC IV confirms cookie guesses; the 1/n-1 split and TLS 1.1's explicit IV stop it";
    }

    @Override
    public LabResult run(PrintStream out) throws IOException {
        out.println("BEAST: chosen plaintext against TLS 1.0's chained CBC IVs, on the Record layer (Duong and Rizzo, 2011)");
        out.println("Records    " + SPEC.bulkCipher() + " " + SPEC.mac() + ", MAC-then-encrypt");
        out.println("Attacker   sees every record; chooses the victim's path and 16-byte messages the victim sends");
        out.println("           on the same connection (a script in the browser); cannot read or change the cookie");
        out.println();
        out.println("== Vulnerable: TLS 1.0, setCbcRecordSplitting(false): the next IV is the last block seen ==");
        recoveredWhenVulnerable = attack(out, ProtocolVersion.TLS1_0, false).recovered;
        out.println();
        out.println("== Countermeasure 1: TLS 1.0 with the 1/n-1 split (the default once the handshake is done) ==");
        recoveredWithSplit = attack(out, ProtocolVersion.TLS1_0, true).recovered;
        out.println();
        out.println("== Countermeasure 2: TLS 1.1, a fresh random IV in front of every record (RFC 4346) ==");
        recoveredWithExplicitIv = attack(out, ProtocolVersion.TLS1_1, false).recovered;
        boolean succeeded = COOKIE.equals(recoveredWhenVulnerable);
        boolean failed = recoveredWithSplit.isEmpty() && recoveredWithExplicitIv.isEmpty();
        String finding = "TLS 1.0 unsplit: cookie \"" + recoveredWhenVulnerable + "\" recovered; 1/n-1 split: "
                + (recoveredWithSplit.isEmpty() ? "no guess confirmed" : "\"" + recoveredWithSplit + "\"")
                + "; TLS 1.1: " + (recoveredWithExplicitIv.isEmpty() ? "no guess confirmed"
                : "\"" + recoveredWithExplicitIv + "\"");
        out.println();
        out.println("Result: " + finding);
        return new LabResult(succeeded, failed, finding);
    }

    String recoveredWhenVulnerable() {
        return recoveredWhenVulnerable;
    }

    String recoveredWithSplit() {
        return recoveredWithSplit;
    }

    String recoveredWithExplicitIv() {
        return recoveredWithExplicitIv;
    }

    private record Attempt(String recovered, int records) {
    }

    /** The request whose cookie byte {@code j} ends a block of the record that carries it. */
    static String request(int j, boolean split) {
        int recordStart = split ? 1 : 0; // the 1/n-1 split sends the first byte alone
        int cookieInRecord = BEFORE_PATH.length() + BEFORE_COOKIE.length() + j - recordStart;
        int path = Math.floorMod(BLOCK - 1 - cookieInRecord, BLOCK);
        return BEFORE_PATH + "a".repeat(path) + BEFORE_COOKIE + COOKIE + AFTER_COOKIE;
    }

    private Attempt attack(PrintStream out, ProtocolVersion version, boolean split) throws IOException {
        LabConnection connection = LabConnection.open(version, SPEC, CompressionMethod.NULL, random);
        connection.victim().setCbcRecordSplitting(split);
        int ivBlocks = version.hasExplicitIv() ? 1 : 0;
        byte[] lastBlockSeen = null; // the last ciphertext block the victim sent: nothing yet
        StringBuilder recovered = new StringBuilder();
        int records = 0;
        for (int j = 0; j < COOKIE.length(); j++) {
            String request = request(j, split);
            List<TLSCiphertext> sent = connection.send(request.getBytes(StandardCharsets.US_ASCII));
            records += sent.size();
            CbcBlocks carrying = new CbcBlocks(sent.get(sent.size() - 1).fragment(), BLOCK);
            byte[] beforeCarrying = sent.size() > 1 ? new CbcBlocks(sent.get(sent.size() - 2).fragment(), BLOCK).last()
                    : lastBlockSeen;
            int targetInRequest = request.indexOf(BEFORE_COOKIE) + BEFORE_COOKIE.length() + j;
            int target = (targetInRequest - (split ? 1 : 0)) / BLOCK + ivBlocks; // C_i in the carrying record
            byte[] targetBlock = carrying.block(target);
            byte[] beforeTarget = target == 0 ? beforeCarrying : carrying.block(target - 1);
            byte[] known = request.substring(targetInRequest - (BLOCK - 1), targetInRequest)
                    .getBytes(StandardCharsets.US_ASCII);
            lastBlockSeen = carrying.last();
            if (j == 0) {
                showLayout(out, request, sent, carrying, target, known, ivBlocks);
            }
            int found = -1;
            int guesses = 0;
            for (int guess = FIRST_GUESS; guess <= LAST_GUESS && found < 0; guess++) {
                guesses++;
                byte[] guessBlock = Arrays.copyOf(known, BLOCK);
                guessBlock[BLOCK - 1] = (byte) guess;
                // G = X xor C_{i-1} xor guess, X being the IV the attacker predicts for the next record
                byte[] chosen = CbcBlocks.xor(CbcBlocks.xor(lastBlockSeen, beforeTarget), guessBlock);
                List<TLSCiphertext> answer = connection.send(chosen);
                records += answer.size();
                for (TLSCiphertext record : answer) {
                    CbcBlocks blocks = new CbcBlocks(record.fragment(), BLOCK);
                    if (Arrays.equals(blocks.block(ivBlocks), targetBlock)) { // E(X xor G) == C_i ?
                        found = guess;
                    }
                    lastBlockSeen = blocks.last();
                }
            }
            if (found < 0) {
                out.printf("  cookie byte %d: none of the %d guesses gave C%d again: the attack stops%n",
                        j, guesses, target);
                break;
            }
            recovered.append((char) found);
            out.printf("  cookie byte %d: guess %3d of %d, %s, encrypts to C%d = %s -> \"%s\"%n", j, guesses,
                    LAST_GUESS - FIRST_GUESS + 1, CbcBlocks.show(found), target, CbcBlocks.hex(targetBlock), recovered);
        }
        out.printf("  recovered \"%s\" with %d records on one connection%n", recovered, records);
        return new Attempt(recovered.toString(), records);
    }

    private static void showLayout(PrintStream out, String request, List<TLSCiphertext> sent, CbcBlocks carrying,
                                   int target, byte[] known, int ivBlocks) {
        out.println("  request     " + request.replace("\r\n", "\\r\\n"));
        StringBuilder lengths = new StringBuilder();
        for (TLSCiphertext record : sent) {
            lengths.append(lengths.length() == 0 ? "" : ", ").append(record.length());
        }
        out.printf("  on the wire %d record(s) of %s bytes; the one carrying the cookie:%n", sent.size(), lengths);
        String[] notes = new String[carrying.count()];
        if (ivBlocks > 0) {
            notes[0] = "the explicit IV, fresh for each record";
        }
        notes[target] = "C" + target + " = E(C" + (target - 1) + " xor \""
                + new String(known, StandardCharsets.US_ASCII) + "?\")";
        carrying.print(out, "    ", notes);
        out.printf("  each guess g: the victim sends G = X xor C%d xor \"%s\" + g, X = the last block on the wire%n",
                target - 1, new String(known, StandardCharsets.US_ASCII));
    }
}
