package org.layeredtls.record.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.record.BulkCipherAlgorithm;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.MacAlgorithm;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.RecordProtection;
import org.layeredtls.record.TLSCiphertext;
import org.layeredtls.record.TrafficKeys;

/**
 * Lucky 13 (AlFardan and Paterson, IEEE S&amp;P 2013): with MAC-then-encrypt CBC the receiver must
 * take the padding off before it can check the MAC, so a receiver that MACs only the bytes left
 * spends less time on a record with a longer (valid) padding. The difference is one hash
 * compression-function call, a fraction of a microsecond, but it tells a good padding from a bad
 * one: a padding oracle through time, even where the alert says nothing.
 *
 * <p>The attack: the attacker sends the server a 4-block record whose last two blocks are
 * C<sub>i-1</sub> xor &Delta; and C<sub>i</sub>, taken from a record that carries the cookie. Its last
 * block decrypts to P<sub>i</sub> xor &Delta;. With &Delta;[14] set so that byte 14 becomes 0x01 (byte
 * 14 is known), the padding is the valid {@code 01 01} exactly when &Delta;[15] turns the cookie
 * byte into 0x01: then the naive receiver MACs 42 bytes (1 + 1 compression calls for HMAC-SHA1)
 * instead of 43 (2 + 1). One connection per guess (the bad MAC is fatal), at most 256 per byte.
 *
 * <p>This lab measures the leak without a clock, by counting compression calls
 * ({@link CompressionCounter}), so what it shows is exact and testable; it then measures the
 * wall-clock difference too, with a Welch t-test ({@link Lucky13Timing}). Vulnerable setting: a naive
 * receiver written in this package ({@link NaiveCbcProtection}; this stack has none). Countermeasure:
 * the record layer's own CBC open, which costs the same number of compressions for every record of
 * one length (and encrypt-then-MAC, RFC 7366, or an AEAD suite, which remove the problem).
 */
public final class Lucky13Lab implements Lab {

    /** The victim's secret cookie; the attacker knows its name and length, not its value. */
    static final String COOKIE = "L13ky";
    static final ProtocolVersion VERSION = ProtocolVersion.TLS1_2;
    static final CipherSpec SPEC = CipherSpec.of(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1);
    static final int BLOCK = SPEC.bulkCipher().blockLength();
    /** The sweep's records: 18 blocks, room for every padding length 0..255 and the MAC. */
    private static final int SWEEP_LENGTH = 288;
    private static final int MAX_PADDING = 255;
    private static final String BEFORE_PATH = "GET /";
    private static final String BEFORE_COOKIE = " HTTP/1.1\r\nCookie: session=";
    private static final String AFTER_COOKIE = "\r\n\r\n";

    /** The two receivers the lab compares. */
    enum Receiver {
        NAIVE("naive open (pre-2013, NaiveCbcProtection)"),
        OURS("our open (the record layer's BlockProtection)");

        private final String label;

        Receiver(String label) {
            this.label = label;
        }

        RecordProtection create(TrafficKeys keys, CryptoProvider crypto) {
            return this == NAIVE ? NaiveCbcProtection.reader(SPEC, keys, crypto)
                    : RecordProtection.create(VERSION, SPEC, keys, false, crypto, null);
        }

        String label() {
            return label;
        }
    }

    private final RandomSource random = DeterministicRandomSource.fromLabel("lucky13 lab");
    private final Map<Receiver, TreeSet<Long>> sweepCounts = new HashMap<>();
    private final Map<Receiver, String> recovered = new HashMap<>();

    @Override
    public String name() {
        return "lucky13";
    }

    @Override
    public String layer() {
        return "record";
    }

    @Override
    public String summary() {
        return "Lucky 13: a MAC whose cost depends on the CBC padding is a timing padding oracle; constant-cost MAC checks stop it";
    }

    @Override
    public LabResult run(PrintStream out) throws IOException {
        out.println("Lucky 13: MAC-then-encrypt timing on the Record layer (AlFardan and Paterson, 2013)");
        out.println("Records    " + VERSION.displayName() + " " + SPEC.bulkCipher() + " " + SPEC.mac()
                + ", MAC-then-encrypt, explicit IV");
        out.println("Clock      the number of SHA-1 compression-function calls the receiver makes per record");
        out.println();
        out.println("== 1. Cost of opening a " + SWEEP_LENGTH + "-byte record, by padding length (all records valid) ==");
        for (Receiver receiver : Receiver.values()) {
            sweepCounts.put(receiver, sweep(out, receiver));
        }
        out.println();
        out.println("== 2. Vulnerable: the naive open; the attacker reads its compression count ==");
        recovered.put(Receiver.NAIVE, attack(out, Receiver.NAIVE));
        out.println();
        out.println("== 3. Countermeasure: our open, the same attack ==");
        recovered.put(Receiver.OURS, attack(out, Receiver.OURS));
        out.println();
        out.println("== 4. Wall-clock time to refuse section 2's records for cookie byte 0 (printed, never asserted) ==");
        Lucky13Timing.measure(out, forgedPair());
        boolean leaks = sweepCounts.get(Receiver.NAIVE).size() > 1 && COOKIE.equals(recovered.get(Receiver.NAIVE));
        boolean constant = sweepCounts.get(Receiver.OURS).size() == 1 && recovered.get(Receiver.OURS).isEmpty();
        String finding = "naive open: " + sweepCounts.get(Receiver.NAIVE).size() + " different costs over padding 0.."
                + MAX_PADDING + ", cookie \"" + recovered.get(Receiver.NAIVE) + "\" recovered; our open: "
                + sweepCounts.get(Receiver.OURS).size() + " cost " + sweepCounts.get(Receiver.OURS)
                + ", " + (recovered.get(Receiver.OURS).isEmpty() ? "nothing" : "\"" + recovered.get(Receiver.OURS) + "\"")
                + " recovered";
        out.println();
        out.println("Result: " + finding);
        return new LabResult(leaks, constant, finding);
    }

    /** The distinct compression counts one receiver made over the sweep (after {@link #run}). */
    TreeSet<Long> sweepCounts(Receiver receiver) {
        return sweepCounts.get(receiver);
    }

    /** What the attack recovered against one receiver (after {@link #run}). */
    String recovered(Receiver receiver) {
        return recovered.get(receiver);
    }

    /** Valid records of one length, padding 0..255, opened by {@code receiver}; prints the runs of equal cost. */
    private TreeSet<Long> sweep(PrintStream out, Receiver receiver) throws IOException {
        CompressionCounter counter = new CompressionCounter(CryptoProvider.defaultProvider());
        LabConnection connection = LabConnection.open(VERSION, SPEC, CompressionMethod.NULL, random,
                keys -> NaiveCbcProtection.writerPaddingTo(SWEEP_LENGTH, SPEC, keys, CryptoProvider.defaultProvider(), random),
                keys -> receiver.create(keys, counter));
        long[] costs = new long[MAX_PADDING + 1];
        for (int padding = 0; padding <= MAX_PADDING; padding++) {
            byte[] fragment = new byte[SWEEP_LENGTH - 1 - SPEC.mac().macLength() - padding];
            TLSCiphertext record = connection.send(fragment).get(0);
            counter.restart();
            if (!connection.deliver(record)) {
                throw new IllegalStateException(receiver + " refused a valid record: " + connection.serverAlert());
            }
            costs[padding] = counter.compressions();
        }
        out.println("  " + receiver.label() + ":");
        TreeSet<Long> distinct = new TreeSet<>();
        int start = 0;
        for (int padding = 1; padding <= costs.length; padding++) {
            if (padding == costs.length || costs[padding] != costs[start]) {
                out.printf("    padding_length %3d..%3d: %2d compression calls%n", start, padding - 1, costs[start]);
                distinct.add(costs[start]);
                start = padding;
            }
        }
        return distinct;
    }

    /** The request whose cookie byte {@code j} is the last byte of a block. */
    static String request(int j) {
        int cookieAt = BEFORE_PATH.length() + BEFORE_COOKIE.length() + j;
        int path = Math.floorMod(BLOCK - 1 - cookieAt, BLOCK);
        return BEFORE_PATH + "a".repeat(path) + BEFORE_COOKIE + COOKIE + AFTER_COOKIE;
    }

    /** Where cookie byte {@code j} is in its request. */
    static int cookieByte(String request, int j) {
        return request.indexOf(BEFORE_COOKIE) + BEFORE_COOKIE.length() + j;
    }

    /**
     * The attacker's record: the victim's IV and first two blocks, then C_{i-1} xor Delta, then C_i,
     * so that its last block decrypts to P_i xor Delta: byte 14 to 0x01, byte 15 to 0x01 iff the guess is right.
     */
    static byte[] forge(CbcBlocks sent, int target, int knownByte14, int guess) {
        byte[] delta = new byte[BLOCK];
        delta[BLOCK - 2] = (byte) (knownByte14 ^ 0x01);
        delta[BLOCK - 1] = (byte) (guess ^ 0x01);
        byte[] forged = new byte[5 * BLOCK];
        System.arraycopy(sent.block(0), 0, forged, 0, BLOCK);
        System.arraycopy(sent.block(1), 0, forged, BLOCK, BLOCK);
        System.arraycopy(sent.block(2), 0, forged, 2 * BLOCK, BLOCK);
        System.arraycopy(CbcBlocks.xor(sent.block(target - 1), delta), 0, forged, 3 * BLOCK, BLOCK);
        System.arraycopy(sent.block(target), 0, forged, 4 * BLOCK, BLOCK);
        return forged;
    }

    private String attack(PrintStream out, Receiver receiver) throws IOException {
        CompressionCounter counter = new CompressionCounter(CryptoProvider.defaultProvider());
        StringBuilder found = new StringBuilder();
        int connections = 0;
        for (int j = 0; j < COOKIE.length(); j++) {
            String request = request(j);
            int at = cookieByte(request, j);
            int target = at / BLOCK + 1; // the fragment's block 0 is the explicit IV
            Map<Long, List<Integer>> guessesByCost = new HashMap<>();
            for (int guess = 0; guess <= 0xFF; guess++) {
                connections++;
                LabConnection connection = LabConnection.open(VERSION, SPEC, CompressionMethod.NULL, random,
                        keys -> receiver.create(keys, counter));
                TLSCiphertext sent = connection.send(request.getBytes(StandardCharsets.US_ASCII)).get(0);
                CbcBlocks blocks = new CbcBlocks(sent.fragment(), BLOCK);
                byte[] forged = forge(blocks, target, request.charAt(at - 1), guess);
                if (j == 0 && guess == 0) {
                    showLayout(out, request, blocks, target, forged);
                }
                counter.restart();
                if (connection.deliver(new TLSCiphertext(sent.type(), sent.version(), forged))) {
                    throw new IllegalStateException("a forged record was accepted");
                }
                guessesByCost.computeIfAbsent(counter.compressions(), cost -> new ArrayList<>()).add(guess);
            }
            Integer odd = oddOneOut(guessesByCost);
            if (odd == null) {
                out.printf("  cookie byte %d: every guess answered bad_record_mac at costs %s: no guess stands out, the attack stops%n",
                        j, costsByCount(guessesByCost));
                break;
            }
            found.append((char) odd.intValue());
            out.printf("  cookie byte %d: bad_record_mac 256 times; costs %s -> padding 01 01 for guess %s -> \"%s\"%n",
                    j, costsByCount(guessesByCost), CbcBlocks.show(odd), found);
        }
        out.printf("  recovered \"%s\" in %d connections%n", found, connections);
        return found.toString();
    }

    /** The one guess whose cost differs from all the others, or null. */
    private static Integer oddOneOut(Map<Long, List<Integer>> guessesByCost) {
        if (guessesByCost.size() != 2) {
            return null;
        }
        for (List<Integer> guesses : guessesByCost.values()) {
            if (guesses.size() == 1) {
                return guesses.get(0);
            }
        }
        return null;
    }

    private static String costsByCount(Map<Long, List<Integer>> guessesByCost) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<Long, List<Integer>> e : new java.util.TreeMap<>(guessesByCost).entrySet()) {
            s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append(" calls x").append(e.getValue().size());
        }
        return s.toString();
    }

    private static void showLayout(PrintStream out, String request, CbcBlocks blocks, int target, byte[] forged) {
        out.println("  request     " + request.replace("\r\n", "\\r\\n"));
        String[] notes = new String[blocks.count()];
        notes[0] = "explicit IV";
        notes[target] = "C" + target + ": ends in cookie byte 0, after a known byte";
        blocks.print(out, "    ", notes);
        out.println("  the attacker's record (one per guess, each on a new connection):");
        new CbcBlocks(forged, BLOCK).print(out, "    ", "the victim's IV", null, null,
                "C" + (target - 1) + " xor Delta (Delta[14] makes byte 14 0x01, Delta[15] = guess xor 0x01)",
                "C" + target + ": decrypts to P" + target + " xor Delta");
    }

    /** Two forged records on one key, for the clock: one with the padding 01 01, one with a bad padding. */
    private Lucky13Timing.Records forgedPair() {
        TrafficKeys keys = LabConnection.freshKeys(VERSION, SPEC, random);
        RecordProtection victim = RecordProtection.create(VERSION, SPEC, keys, true, CryptoProvider.defaultProvider(), random);
        String request = request(0);
        byte[] plaintext = request.getBytes(StandardCharsets.US_ASCII);
        byte[] fragment = new byte[plaintext.length + victim.maxExpansion()];
        int length = victim.seal(0, ContentType.APPLICATION_DATA, VERSION, plaintext, 0, plaintext.length, fragment, 0);
        CbcBlocks blocks = new CbcBlocks(Arrays.copyOf(fragment, length), BLOCK);
        int at = cookieByte(request, 0);
        int target = at / BLOCK + 1;
        // the guess found in section 2 for cookie byte 0, and two wrong ones
        return new Lucky13Timing.Records(keys, forge(blocks, target, request.charAt(at - 1), COOKIE.charAt(0)),
                forge(blocks, target, request.charAt(at - 1), COOKIE.charAt(0) ^ 0x40),
                forge(blocks, target, request.charAt(at - 1), COOKIE.charAt(0) ^ 0x20));
    }
}
