package org.layeredtls.handshake.illustrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.handshake.trace.ByteField;
import org.layeredtls.handshake.trace.RecordFields;
import org.layeredtls.record.ContentType;

/**
 * Writes an {@link IllustratedSession} as one self-contained HTML page: a ladder diagram (client
 * left, server right, one arrow per record), each record's plaintext, compressed and ciphertext
 * forms with every byte linked to its field and RFC section, and the key derivation with this
 * session's values ({@link KeyDerivationSection}). Nothing is loaded from anywhere: the style and
 * the script are inline, and the page's Content-Security-Policy forbids every request.
 */
public final class SessionPage {

    private static final Pattern RFC_SECTION = Pattern.compile("RFC \\d+ (§[0-9.]*[0-9]|Appendix [A-Z][0-9.]*)");

    private SessionPage() {
    }

    /** Writes the page to {@code file} (UTF-8). */
    public static void write(IllustratedSession session, String title, Path file) throws IOException {
        Files.writeString(file, render(session, title), StandardCharsets.UTF_8);
    }

    /** The page, as text. */
    public static String render(IllustratedSession session, String title) {
        List<RecordView> records = session.records();
        StringBuilder page = new StringBuilder(64 * 1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(PageAssets.contentSecurityPolicy()).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>").append(PageAssets.STYLE).append("</style>\n</head>\n<body>\n");
        page.append("<header>\n<h1>").append(Html.escape(title)).append("</h1>\n")
                .append("<p class=\"summary\">").append(records.size()).append(" records, seen by the ")
                .append(session.isClient() ? "client" : "server").append(" (LayeredTLS). Client on the left, server on the right.</p>\n")
                .append("<p class=\"secret-warning\">This page holds the session's secrets (master secret, keys): for teaching and study only.</p>\n")
                .append("<p class=\"help\">Click a record (or <kbd>Tab</kbd> to it, <kbd>↑</kbd> <kbd>↓</kbd> to move, <kbd>Enter</kbd> to open) ")
                .append("to see its three forms; hover or focus a byte (<kbd>←</kbd> <kbd>→</kbd> between fields) to see its field; ")
                .append("<kbd>Esc</kbd> goes back to the diagram.</p>\n</header>\n<main>\n");
        ladder(page, records);
        for (RecordView record : records) {
            recordPanel(page, record);
        }
        KeyDerivationSection.append(page, session.derivations(), session.tls13Derivations(), records);
        page.append("</main>\n<script>").append(PageAssets.SCRIPT).append("</script>\n</body>\n</html>\n");
        return page.toString();
    }

    // ------------------------------------------------------------------ the ladder

    private static void ladder(StringBuilder page, List<RecordView> records) {
        page.append("<section id=\"ladder-section\" aria-labelledby=\"ladder-title\">\n<h2 id=\"ladder-title\">The records, in order</h2>\n")
                .append("<div class=\"ends\" aria-hidden=\"true\"><span class=\"client\">Client</span><span class=\"server\">Server</span></div>\n")
                .append("<ol class=\"ladder\" id=\"ladder\">\n");
        for (RecordView r : records) {
            page.append("<li class=\"arrow ").append(r.fromClient ? "c2s" : "s2c").append(' ').append(kind(r))
                    .append(r.protectedFields != null ? " protected" : "").append(isFatalAlert(r) ? " fatal" : "")
                    .append("\" data-record=\"").append(r.number).append("\">")
                    .append("<button type=\"button\" id=\"arrow-").append(r.number).append("\" aria-controls=\"record-").append(r.number)
                    .append("\" aria-expanded=\"false\"><span class=\"label\">").append(Html.escape(label(r))).append("</span>")
                    .append("<span class=\"meta\">").append(r.fromClient ? "client → server" : "server → client")
                    .append(" · record ").append(r.number).append(r.compatibilityCcs ? " · no sequence number" : " · seq " + r.sequenceNumber).append(" · ")
                    .append(r.header.length + r.ciphertextFragment.length).append(" bytes on the wire")
                    .append(r.protectedFields != null ? " · protected: " + Html.escape(r.cipher) : "")
                    .append(r.compatibilityCcs ? " · TLS 1.3 middlebox compatibility: in the clear, ignored by the peer" : "")
                    .append("</span></button></li>\n");
        }
        page.append("</ol>\n</section>\n");
    }

    static String kind(RecordView r) {
        return switch (r.type) {
            case HANDSHAKE -> "handshake";
            case CHANGE_CIPHER_SPEC -> "ccs";
            case ALERT -> "alert";
            case APPLICATION_DATA -> "appdata";
        };
    }

    private static boolean isFatalAlert(RecordView r) {
        return r.type == ContentType.ALERT && r.plaintext.length == 2 && r.plaintext[0] == 2; // RFC 5246 §7.2: fatal(2)
    }

    /** The arrow's label: the content type and what the record carries, in the RFC's names. */
    static String label(RecordView r) {
        return switch (r.type) {
            case HANDSHAKE -> {
                List<String> names = new ArrayList<>();
                for (ByteField f : sorted(r.plaintextFields)) {
                    RecordFields.messageName(f).ifPresent(name -> names.add(messageTitle(name)));
                }
                yield "Handshake: " + (names.isEmpty() ? "(the rest of a message)" : String.join(", ", names));
            }
            case CHANGE_CIPHER_SPEC -> "ChangeCipherSpec";
            case ALERT -> r.plaintext.length == 2
                    ? "Alert: " + (r.plaintext[0] == 2 ? "fatal " : "warning ") + AlertDescription.fromCode(r.plaintext[1] & 0xFF).rfcName()
                    : "Alert (malformed)";
            case APPLICATION_DATA -> "ApplicationData (" + r.plaintext.length + " bytes)";
        };
    }

    /** client_hello → ClientHello, as the RFC's struct names. */
    static String messageTitle(String rfcName) {
        StringBuilder title = new StringBuilder();
        for (String part : rfcName.split("_")) {
            if (!part.isEmpty()) {
                title.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return title.toString();
    }

    // ------------------------------------------------------------------ one record, three forms

    private static void recordPanel(StringBuilder page, RecordView r) {
        String id = "record-" + r.number;
        page.append("<section class=\"record ").append(kind(r)).append("\" id=\"").append(id).append("\" hidden aria-labelledby=\"")
                .append(id).append("-title\">\n<h3 id=\"").append(id).append("-title\" tabindex=\"-1\">Record ").append(r.number).append(": ")
                .append(Html.escape(label(r))).append(" <small>(").append(r.fromClient ? "client → server" : "server → client")
                .append(r.compatibilityCcs ? ", outside the sequence numbers" : ", sequence number " + r.sequenceNumber)
                .append(")</small></h3>\n");
        // the bar that names the hovered byte's field: above the forms, and it stays in view while they scroll
        page.append("<p class=\"field-info\" aria-live=\"polite\"><span class=\"name\">Hover or focus a byte to see its field.</span> ")
                .append("<span class=\"rfc\"></span> <span class=\"where\"></span></p>\n");
        List<ByteField> plaintextFields = sorted(r.plaintextFields);
        form(page, id + "-p", "plaintext", "1. TLSPlaintext: the fragment, " + r.plaintext.length + " bytes (RFC 5246 §6.2.1)",
                r.plaintext, plaintextFields, "");
        List<ByteField> compressedFields = r.isTls13Protected() ? Tls13RecordFields.innerPlaintext(r, plaintextFields)
                : r.isCompressed() ? List.of(new ByteField(0, r.compressed.length, "DEFLATE-compressed fragment (RFC 3749 §2)", 0))
                : plaintextFields;
        form(page, id + "-c", "compressed", r.isTls13Protected()
                ? "2. TLSInnerPlaintext: " + r.compressed.length + " bytes: the content, its real type, "
                + (r.compressed.length - r.plaintext.length - 1) + " zero bytes of padding (RFC 8446 §5.2; no compression in TLS 1.3)"
                : "2. TLSCompressed: " + r.compressed.length + " bytes"
                + (r.isCompressed() ? ", DEFLATE (RFC 3749 §2)" : ", null compression: the same bytes (RFC 5246 §6.2.2)"),
                r.compressed, compressedFields, "");
        byte[] wire = new byte[r.header.length + r.ciphertextFragment.length];
        System.arraycopy(r.header, 0, wire, 0, r.header.length);
        System.arraycopy(r.ciphertextFragment, 0, wire, r.header.length, r.ciphertextFragment.length);
        List<ByteField> wireFields = new ArrayList<>(r.headerFields);
        for (ByteField f : r.protectedFields != null ? r.protectedFields : compressedFields) {
            wireFields.add(new ByteField(f.offset() + r.header.length, f.length(), f.meaning(), f.depth()));
        }
        form(page, id + "-w", "ciphertext", "3. TLSCiphertext: the 5-byte header and the "
                + (r.protectedFields != null ? "protected fragment (" + Html.escape(r.cipher) + ")" : "fragment, not protected"
                + (r.compatibilityCcs ? " (TLS 1.3 never protects a"
                + " change_cipher_spec: RFC 8446 §5)" : " yet (TLS_NULL_WITH_NULL_NULL)"))
                + ", " + wire.length + " bytes on the wire (" + (r.isTls13Protected() ? "RFC 8446 §5.2" : "RFC 5246 §6.2.3") + ")",
                wire, wireFields, "hdr");
        page.append("<details><summary>Every field of the plaintext</summary>\n<ol class=\"fields\">\n");
        for (ByteField f : plaintextFields) {
            page.append("<li class=\"d").append(Math.min(f.depth(), 2)).append("\"><code>").append(String.format("%04x", f.offset()))
                    .append("</code> ").append(Html.escape(f.meaning())).append(" <small>(").append(f.length()).append(" bytes)</small></li>\n");
        }
        page.append("</ol>\n</details>\n</section>\n");
    }

    private static void form(StringBuilder page, String id, String form, String heading, byte[] bytes, List<ByteField> fields,
                             String headerClass) {
        page.append("<div class=\"form\" data-form=\"").append(form).append("\" id=\"").append(id).append("\">\n<h4>")
                .append(Html.escape(heading)).append("</h4>\n<div class=\"bytes\">");
        int position = 0;
        String section = "RFC 5246 §6.2";
        boolean first = true;
        for (ByteField f : fields) {
            if (f.offset() < position || f.offset() + f.length() > bytes.length) {
                continue; // a field that overlaps one already drawn, or lies outside these bytes: never from our mapping
            }
            if (f.offset() > position) {
                field(page, bytes, position, f.offset() - position, "bytes this page cannot map to a field", section, 0, "", first);
                first = false;
            }
            Matcher m = RFC_SECTION.matcher(f.meaning());
            if (m.find()) {
                section = m.group();
            }
            boolean header = !headerClass.isEmpty() && f.offset() < 5;
            field(page, bytes, f.offset(), f.length(), f.meaning(), section, f.depth(), header ? headerClass : "", first);
            first = false;
            position = f.offset() + f.length();
        }
        if (position < bytes.length) {
            field(page, bytes, position, bytes.length - position, "bytes this page cannot map to a field", section, 0, "", first);
        }
        page.append("</div>\n</div>\n");
    }

    private static void field(StringBuilder page, byte[] bytes, int offset, int length, String meaning, String section, int depth,
                              String extraClass, boolean first) {
        if (length == 0) {
            return; // an empty vector's content: its length field already says so
        }
        page.append("<span class=\"f d").append(Math.min(depth, 2)).append(extraClass.isEmpty() ? "" : " " + extraClass)
                .append("\" tabindex=\"").append(first ? "0" : "-1").append("\" title=\"").append(Html.escape(meaning))
                .append("\" data-rfc=\"").append(Html.escape(section)).append("\" data-where=\"offset ")
                .append(String.format("0x%04x", offset)).append(", ").append(length).append(length == 1 ? " byte" : " bytes").append("\">");
        for (int i = offset; i < offset + length; i++) {
            page.append("<span class=\"b\">").append(Character.forDigit((bytes[i] >> 4) & 0xF, 16))
                    .append(Character.forDigit(bytes[i] & 0xF, 16)).append("</span>");
        }
        page.append("</span>");
    }

    static List<ByteField> sorted(List<ByteField> fields) {
        List<ByteField> copy = new ArrayList<>(fields);
        copy.sort(Comparator.comparingInt(ByteField::offset));
        return copy;
    }
}
