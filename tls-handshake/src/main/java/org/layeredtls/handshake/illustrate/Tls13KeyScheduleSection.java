package org.layeredtls.handshake.illustrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.layeredtls.handshake.prf.Tls13Derivation;

/**
 * The page's TLS 1.3 key schedule (RFC 8446 §7.1): for each handshake, the chain Early Secret →
 * Handshake Secret → Master Secret with every value derived from each stage under its RFC name and
 * label, then each traffic secret's key and iv (§7.3) and the records they protect. The 1.3
 * counterpart of {@link KeyDerivationSection}: no pre-master secret, no key block, no PRF: HKDF,
 * three extractions, and a secret per direction and per phase.
 */
final class Tls13KeyScheduleSection {

    /** The three stages of RFC 8446 §7.1 and what each extraction adds. */
    private static final List<String[]> STAGES = List.of(
            new String[] {"Early Secret", "Early Secret = HKDF-Extract(salt 0, PSK or Hash.length zeros)   (RFC 8446 §7.1)"},
            new String[] {"Handshake Secret", "Handshake Secret = HKDF-Extract(Derive-Secret(Early Secret, \"derived\", \"\"), (EC)DHE shared secret)"},
            new String[] {"Master Secret", "Master Secret = HKDF-Extract(Derive-Secret(Handshake Secret, \"derived\", \"\"), Hash.length zeros)"});

    private Tls13KeyScheduleSection() {
    }

    static void append(StringBuilder page, Tls13KeyDerivation d, int number, List<RecordView> records) {
        if (d.derivations().isEmpty()) {
            page.append("<h3>TLS 1.3 record protection without a handshake</h3>\n<p>The record layer was handed its write key and"
                    + " iv (normally derived from a traffic secret by the key schedule, RFC 8446 §7.3).</p>\n<ol class=\"steps\">\n");
            trafficKeys(page, d, records);
            page.append("</ol>\n");
            return;
        }
        page.append("<h3>Handshake ").append(number).append(": ")
                .append(d.suite() == null ? "TLS 1.3" : Html.escape(d.suite().ianaName()) + ", TLS 1.3")
                .append(": the key schedule (RFC 8446 §7.1)</h3>\n")
                .append("<p>Where TLS 1.2 cut every key from one master secret with one PRF call, TLS 1.3 chains three HKDF"
                        + " extractions, each adding one input (a PSK, the (EC)DHE secret, nothing), and binds every secret to the"
                        + " handshake so far: Derive-Secret(Secret, Label, Messages) = HKDF-Expand-Label(Secret, Label,"
                        + " Transcript-Hash(Messages), Hash.length) (RFC 8446 §7.1).</p>\n<ol class=\"steps\">\n");
        List<Tls13Derivation> all = d.derivations();
        int stage = -1;
        for (Tls13Derivation derivation : all) {
            int next = stageOf(derivation.name());
            if (next >= 0) {
                if (stage >= 0) {
                    page.append("</dl></li>\n");
                }
                stage = next;
                page.append("<li><h4>").append(STAGES.get(stage)[0]).append("</h4>\n<pre>").append(Html.escape(STAGES.get(stage)[1]))
                        .append("</pre>\n<dl class=\"values\">\n");
            } else if (stage < 0) {
                continue; // nothing is derived before the Early Secret
            }
            page.append("<dt><code>").append(Html.escape(derivation.name())).append("</code> = ")
                    .append(Html.escape(shortFormula(derivation.formula()))).append(" (").append(derivation.value().length)
                    .append(" bytes)</dt><dd class=\"hex\">").append(Html.hex(derivation.value())).append("</dd>\n");
        }
        if (stage >= 0) {
            page.append("</dl></li>\n");
        }
        trafficKeys(page, d, records);
        page.append("</ol>\n");
    }

    /** RFC 8446 §7.3: each traffic secret's write key and iv, and the records they protected. */
    private static void trafficKeys(StringBuilder page, Tls13KeyDerivation d, List<RecordView> records) {
        page.append("<li><h4>Traffic keys, and the records they protect</h4>\n<pre>")
                .append("[sender]_write_key = HKDF-Expand-Label(Secret, \"key\", \"\", key_length)\n")
                .append("[sender]_write_iv  = HKDF-Expand-Label(Secret, \"iv\", \"\", iv_length)\n")
                .append("per-record nonce   = write_iv XOR the 64-bit sequence number, left-padded to iv_length   (RFC 8446 §7.3, §5.3)</pre>\n");
        if (d.trafficSecrets().isEmpty()) {
            page.append("<p>No record was protected under this handshake's keys on this side.</p></li>\n");
            return;
        }
        page.append("<dl class=\"values\">\n");
        for (Tls13KeyDerivation.TrafficSecret secret : d.trafficSecrets()) {
            byte[] value = secret.handedIn() ? new byte[0] : d.secret(secret.name());
            byte[] key = d.key(secret);
            byte[] iv = d.iv(secret);
            page.append("<dt><code>").append(Html.escape(secret.name())).append("</code> protects ").append(links(records, d, secret.name()))
                    .append(" with ").append(secret.aead()).append("</dt><dd>");
            if (value == null || key == null || iv == null) {
                page.append("(its value was not reported to this page)</dd>\n");
                continue;
            }
            page.append("secret <span class=\"hex\">").append(secret.handedIn() ? "(none: no handshake)" : Html.hex(value))
                    .append("</span><br>key <span class=\"hex\">").append(Html.hex(key)).append("</span><br>iv <span class=\"hex\">")
                    .append(Html.hex(iv)).append("</span></dd>\n");
            Arrays.fill(key, (byte) 0);
        }
        page.append("</dl>\n<p>The ServerHello, the ClientHello and the compatibility change_cipher_spec go in the clear;"
                + " a KeyUpdate moves its sender to the next application traffic secret: application_traffic_secret_N+1 ="
                + " HKDF-Expand-Label(application_traffic_secret_N, \"traffic upd\", \"\", Hash.length) (RFC 8446 §7.2),"
                + " computed here from secret 0.</p></li>\n");
    }

    private static int stageOf(String name) {
        for (int i = 0; i < STAGES.size(); i++) {
            if (STAGES.get(i)[0].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** RFC 8446 §7.1: the Messages each label's Derive-Secret hashes ("" for the salts and binder keys). */
    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("derived", "\"\""), Map.entry("ext binder", "\"\""), Map.entry("res binder", "\"\""),
            Map.entry("c e traffic", "ClientHello"), Map.entry("e exp master", "ClientHello"),
            Map.entry("c hs traffic", "ClientHello...ServerHello"), Map.entry("s hs traffic", "ClientHello...ServerHello"),
            Map.entry("c ap traffic", "ClientHello...server Finished"),
            Map.entry("s ap traffic", "ClientHello...server Finished"),
            Map.entry("exp master", "ClientHello...server Finished"),
            Map.entry("res master", "ClientHello...client Finished"));

    /**
     * The formula as RFC 8446 §7.1 writes it, the transcript hash's hex replaced by the messages it covers:
     * Derive-Secret(., "c hs traffic", ClientHello...ServerHello).
     */
    private static String shortFormula(String formula) {
        Matcher m = Pattern.compile("\"([a-z ]+)\", Transcript-Hash [0-9a-f]+\\)").matcher(formula);
        if (!m.find()) {
            return formula;
        }
        return formula.substring(0, m.start()) + "\"" + m.group(1) + "\", " + MESSAGES.getOrDefault(m.group(1), "the messages so far") + ")";
    }

    /** "records 5, 6, 9" with links, or "no record": those of handshake {@code d} that {@code secret} protects. */
    private static String links(List<RecordView> records, Tls13KeyDerivation d, String secret) {
        List<String> links = new ArrayList<>();
        for (RecordView r : records) {
            if (r.keySchedule == d && secret.equals(r.trafficSecret)) {
                links.add("<a href=\"#record-" + r.number + "\">" + r.number + "</a>");
            }
        }
        return links.isEmpty() ? "no record" : (links.size() == 1 ? "record " : "records ") + String.join(", ", links);
    }
}
