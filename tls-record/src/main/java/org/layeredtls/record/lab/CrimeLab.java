package org.layeredtls.record.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.layeredtls.crypto.RandomSource;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.record.BulkCipherAlgorithm;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.MacAlgorithm;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.TLSCiphertext;

/**
 * CRIME (Rizzo and Duong, Ekoparty 2012): compression before encryption makes a record's length
 * depend on its content. DEFLATE (RFC 3749) replaces a repeated string by a short back-reference,
 * so a request that carries both the victim's cookie {@code secret=k7...} and an attacker's guess
 * {@code secret=k7} compresses better when the guess is right. The attacker, who can make the
 * victim's browser send requests to the site (a script on another page) and can see the encrypted
 * records on the wire, learns the cookie one character at a time from record lengths alone.
 *
 * <p>Vulnerable setting: {@link CompressionMethod#DEFLATE} (off by default in this stack).
 * Countermeasure: null compression, the default, and the only method TLS 1.3 allows (RFC 8446 §4.1.2).
 * The records are AES-128-GCM (TLS 1.2): an AEAD's ciphertext is exactly as long as its plaintext
 * plus a constant, so the compressed length shows through byte for byte.
 */
public final class CrimeLab implements Lab {

    /** The victim's secret cookie; the attacker knows its name, its length and its alphabet. */
    static final String COOKIE = "k7q2xw";
    static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** Two tries (Rizzo and Duong): the guess before or after a filler that is never in the cookie. */
    private static final String FILLER = "{}";
    /** Each pair of tries is made twice, shifted by one byte, so a byte boundary cannot hide the difference. */
    private static final List<String> SHIFTS = List.of("", "!");
    private static final ProtocolVersion VERSION = ProtocolVersion.TLS1_2;
    private static final CipherSpec SPEC = CipherSpec.of(BulkCipherAlgorithm.AES_128_GCM, MacAlgorithm.NULL);

    private final RandomSource random = DeterministicRandomSource.fromLabel("crime lab");
    private String recoveredWhenVulnerable = "";
    private String recoveredWithCountermeasure = "";

    @Override
    public String name() {
        return "crime";
    }

    @Override
    public String layer() {
        return "record";
    }

    @Override
    public String summary() {
        return "CRIME: a cookie learnt from the lengths of DEFLATE-compressed records; null compression stops it";
    }

    /** The victim's request: the attacker chooses the query, the browser adds the cookie. */
    static String request(String query) {
        return "GET /search?q=" + query + " HTTP/1.1\r\nCookie: secret=" + COOKIE + "\r\n\r\n";
    }

    @Override
    public LabResult run(PrintStream out) throws IOException {
        out.println("CRIME: DEFLATE length oracle on the Record layer (Rizzo and Duong, 2012)");
        out.println("The victim sends         " + request("<chosen by the attacker>").replace("\r\n", "\\r\\n"));
        out.println("The attacker knows       the cookie's name, length (" + COOKIE.length() + ") and alphabet ["
                + "a-z0-9], not its value; it sees each record's length on the wire");
        out.println("Records                  " + VERSION.displayName() + " " + SPEC.bulkCipher()
                + ", a new connection per request (the attacker resets the TCP connection)");
        out.println();
        out.println("== Vulnerable: compression DEFLATE (RFC 3749) ==");
        showLengths(out, CompressionMethod.DEFLATE);
        Attempt vulnerable = attack(out, CompressionMethod.DEFLATE);
        recoveredWhenVulnerable = vulnerable.recovered;
        out.println();
        out.println("== Countermeasure: compression null (the default; the only one in TLS 1.3) ==");
        showLengths(out, CompressionMethod.NULL);
        Attempt countered = attack(out, CompressionMethod.NULL);
        recoveredWithCountermeasure = countered.recovered;
        boolean succeeded = COOKIE.equals(vulnerable.recovered);
        boolean failed = countered.recovered.isEmpty();
        out.println();
        String finding = "DEFLATE: cookie \"" + vulnerable.recovered + "\" recovered in " + vulnerable.requests
                + " requests; null compression: " + (failed ? "nothing recovered" : "\"" + countered.recovered + "\"")
                + " in " + countered.requests + " requests";
        out.println("Result: " + finding);
        return new LabResult(succeeded, failed, finding);
    }

    /** What the vulnerable run recovered (after {@link #run}). */
    String recoveredWhenVulnerable() {
        return recoveredWhenVulnerable;
    }

    /** What the run with the countermeasure recovered (after {@link #run}). */
    String recoveredWithCountermeasure() {
        return recoveredWithCountermeasure;
    }

    private void showLengths(PrintStream out, CompressionMethod compression) throws IOException {
        for (String guess : List.of("secret=a", "secret=k")) {
            String request = request(guess + FILLER);
            out.printf("  query %-12s TLSPlaintext %3d bytes -> TLSCiphertext %3d bytes%n", guess + FILLER,
                    request.length(), recordLength(compression, request));
        }
    }

    private record Attempt(String recovered, int requests) {
    }

    /** Character by character: the guess whose request is shorter than its two-tries twin is the next one. */
    private Attempt attack(PrintStream out, CompressionMethod compression) throws IOException {
        StringBuilder known = new StringBuilder();
        int requests = 0;
        while (known.length() < COOKIE.length()) {
            List<Character> best = new ArrayList<>();
            int bestScore = Integer.MAX_VALUE;
            int secondBest = Integer.MAX_VALUE;
            for (char guess : ALPHABET.toCharArray()) {
                int score = 0; // bytes saved by the guess next to "secret=" + known, against the guess after the filler
                for (String shift : SHIFTS) {
                    String prefix = shift + "secret=" + known;
                    score += recordLength(compression, request(prefix + guess + FILLER))
                            - recordLength(compression, request(prefix + FILLER + guess));
                    requests += 2;
                }
                if (score < bestScore) {
                    secondBest = bestScore;
                    bestScore = score;
                    best.clear();
                }
                if (score == bestScore) {
                    best.add(guess);
                } else {
                    secondBest = Math.min(secondBest, score);
                }
            }
            if (bestScore >= 0 || best.size() != 1) {
                out.printf("  position %d: best score %d, shared by %d of %d guesses: no guess stands out, the attack stops%n",
                        known.length(), bestScore, best.size(), ALPHABET.length());
                break;
            }
            known.append(best.get(0));
            out.printf("  position %d: '%c' saves %d bytes over its tries, the %d others at most %d -> secret=%s%n",
                    known.length() - 1, best.get(0), -bestScore, ALPHABET.length() - 1, Math.max(0, -secondBest), known);
        }
        out.printf("  recovered \"%s\" with %d requests%n", known, requests);
        return new Attempt(known.toString(), requests);
    }

    /** The victim sends {@code request} on a new connection; the attacker reads the record's length. */
    private int recordLength(CompressionMethod compression, String request) throws IOException {
        try (LabConnection connection = LabConnection.open(VERSION, SPEC, compression, random)) {
            int length = 0;
            for (TLSCiphertext record : connection.send(request.getBytes(StandardCharsets.US_ASCII))) {
                length += record.length();
            }
            return length;
        }
    }
}
