package org.layeredtls.handshake.illustrate;

import java.util.List;
import java.util.Optional;

import org.layeredtls.handshake.prf.KeyBlock;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.TrafficKeys;

/**
 * The page's key derivation: for each handshake, pre-master secret → master secret → key block
 * (RFC 5246 §8.1 and §6.3; RFC 7627 §4 with extended master secret; SSL 3.0: RFC 6101 §6.1, §6.2.2),
 * with this session's randoms, master secret and keys; a TLS 1.3 handshake's key schedule instead
 * ({@link Tls13KeyScheduleSection}).
 */
final class KeyDerivationSection {

    private KeyDerivationSection() {
    }

    static void append(StringBuilder page, List<KeyDerivation> derivations, List<Tls13KeyDerivation> tls13,
                       List<RecordView> records) {
        page.append("<section id=\"keys\" aria-labelledby=\"keys-title\">\n<h2 id=\"keys-title\">Key derivation, with this session's values</h2>\n");
        if (derivations.isEmpty() && tls13.isEmpty()) {
            page.append("<p>No handshake derived keys on this side (a record layer on its own is handed its keys).</p>\n");
        }
        int n = 0;
        for (KeyDerivation d : derivations) {
            n++;
            page.append("<h3>Handshake ").append(n).append(": ").append(Html.escape(d.suite().ianaName())).append(", ")
                    .append(Html.escape(d.version().displayName())).append(d.resumed() ? ", resumed" : "").append("</h3>\n<ol class=\"steps\">\n");
            preMaster(page, d, records);
            master(page, d);
            keyBlock(page, d);
            page.append("</ol>\n");
        }
        for (Tls13KeyDerivation d : tls13) {
            Tls13KeyScheduleSection.append(page, d, ++n, records);
        }
        page.append("</section>\n");
    }

    private static void preMaster(StringBuilder page, KeyDerivation d, List<RecordView> records) {
        page.append("<li><h4>The pre-master secret</h4>\n");
        if (d.resumed()) {
            page.append("<p>None: this handshake resumed a session, and reuses its master secret (RFC 5246 §7.3).</p></li>\n");
            return;
        }
        String how = switch (d.suite().keyExchange()) {
            case RSA -> "48 bytes the client chose (client_version first) and sent encrypted to the server's RSA key in ClientKeyExchange"
                    + " (RFC 5246 §7.4.7.1)";
            case DHE_RSA -> "g^(Xc·Xs) mod p: each side combines its own secret exponent with the other's public value, dh_Ys from"
                    + " ServerKeyExchange and dh_Yc from ClientKeyExchange; leading zero bytes stripped (RFC 5246 §8.1.2)";
            case ECDHE_RSA, ECDHE_ECDSA -> "the x-coordinate of the shared ECDH point: each side multiplies the other's ephemeral public"
                    + " point (ServerKeyExchange, ClientKeyExchange) by its own private key (RFC 8422 §5.10)";
            case ANY -> "the TLS 1.3 key_share (RFC 8446 §4.2.8), outside the suite";
            case NULL -> "none";
        };
        page.append("<p>").append(Html.escape(how)).append(".");
        String exchange = records(handshakeOf(d, records), "ServerKeyExchange", "ClientKeyExchange");
        if (!exchange.isEmpty()) {
            page.append(" The public values are in ").append(exchange).append(".");
        }
        if (d.preMasterSecret() == null) {
            page.append(" Its value was not reported to this page.</p></li>\n");
            return;
        }
        page.append(" The stack wipes it as soon as the master secret is derived from it.</p>\n<dl class=\"values\">\n");
        value(page, "pre_master_secret", d.preMasterSecret());
        page.append("</dl></li>\n");
    }

    private static void master(StringBuilder page, KeyDerivation d) {
        page.append("<li><h4>The master secret</h4>\n<pre>");
        if (d.resumed()) {
            page.append("master_secret: the resumed session's (RFC 5246 §7.4.1.2)");
        } else if (d.extendedMasterSecret()) {
            page.append("master_secret = PRF(pre_master_secret, \"extended master secret\", session_hash)[0..47]   (RFC 7627 §4)");
        } else if (d.version().equals(ProtocolVersion.SSL3_0)) {
            page.append("master_secret = MD5(pre_master_secret + SHA('A' + pre_master_secret + ClientHello.random + ServerHello.random)) + ...   (RFC 6101 §6.1)");
        } else {
            page.append("master_secret = PRF(pre_master_secret, \"master secret\", ClientHello.random + ServerHello.random)[0..47]   (RFC 5246 §8.1)");
        }
        page.append("</pre>\n<dl class=\"values\">\n");
        value(page, "ClientHello.random", d.clientRandom());
        value(page, "ServerHello.random", d.serverRandom());
        value(page, "master_secret", d.masterSecret());
        page.append("</dl></li>\n");
    }

    private static void keyBlock(StringBuilder page, KeyDerivation d) {
        page.append("<li><h4>The key block</h4>\n<pre>");
        page.append(d.version().equals(ProtocolVersion.SSL3_0)
                ? "key_block = MD5(master_secret + SHA('A' + master_secret + ServerHello.random + ClientHello.random)) + ...   (RFC 6101 §6.2.2)"
                : "key_block = PRF(master_secret, \"key expansion\", ServerHello.random + ClientHello.random)   (RFC 5246 §6.3)");
        page.append("\n  cut into client_write_MAC_key, server_write_MAC_key, client_write_key, server_write_key,")
                .append(" client_write_IV, server_write_IV</pre>\n");
        Optional<KeyBlock> block = d.keyBlock();
        if (block.isEmpty()) {
            page.append("<p>The cipher spec was not seen (no ChangeCipherSpec): the key block is not shown.</p></li>\n");
            return;
        }
        page.append("<dl class=\"values\">\n");
        TrafficKeys client = block.get().clientWrite();
        TrafficKeys server = block.get().serverWrite();
        value(page, "client_write_MAC_key", client.macKey());
        value(page, "server_write_MAC_key", server.macKey());
        value(page, "client_write_key", client.encryptionKey());
        value(page, "server_write_key", server.encryptionKey());
        value(page, "client_write_IV", client.fixedIv());
        value(page, "server_write_IV", server.fixedIv());
        page.append("</dl>\n<p>Empty parts are not in this suite's key block (an AEAD suite has no MAC key; CBC from TLS 1.1 on derives no IV,"
                + " each record carries its own).</p></li>\n");
        block.get().wipe();
    }

    private static void value(StringBuilder page, String name, byte[] value) {
        page.append("<dt><code>").append(name).append("</code> (").append(value.length).append(" bytes)</dt><dd class=\"hex\">")
                .append(value.length == 0 ? "(empty)" : Html.hex(value)).append("</dd>\n");
    }

    /** The records of {@code d}'s handshake: from the last ServerHello before its master secret to the next ClientHello. */
    private static List<RecordView> handshakeOf(KeyDerivation d, List<RecordView> records) {
        int start = 0;
        for (int i = 0; i < Math.min(d.recordsSeen(), records.size()); i++) {
            if (carries(records.get(i), "ServerHello")) {
                start = i;
            }
        }
        int end = start + 1;
        while (end < records.size() && !carries(records.get(end), "ClientHello")) {
            end++;
        }
        return records.subList(start, end);
    }

    /** Whether {@code r} is a handshake record that carries (the start of) {@code message}, e.g. ServerHello. */
    private static boolean carries(RecordView r, String message) {
        String prefix = "Handshake: ";
        String label = SessionPage.label(r);
        return label.startsWith(prefix) && List.of(label.substring(prefix.length()).split(", ")).contains(message);
    }

    /** Links to the records that carry the named messages ("records 5 and 8"), or the empty string. */
    private static String records(List<RecordView> records, String... messages) {
        StringBuilder links = new StringBuilder();
        for (RecordView r : records) {
            for (String message : messages) {
                if (carries(r, message)) {
                    links.append(links.isEmpty() ? "record " : ", record ").append("<a href=\"#record-").append(r.number).append("\">")
                            .append(r.number).append("</a>");
                    break;
                }
            }
        }
        return links.toString();
    }
}
