package org.layeredtls.handshake.illustrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page of a real session (our client against openssl s_server), read by a real HTML parser:
 * one arrow per record in -trace's order and direction, three forms per record with every byte
 * mapped to a field, the key derivation with the key log's master secret, nothing external.
 */
class SessionPageStructureTest {

    private static final String HOSTILE_PROTOCOL = "<img src=x onerror=alert(1)>";

    @TempDir
    static Path dir;
    static ClientSessionPage session;
    static Document page;

    @BeforeAll
    static void runASession() throws Exception {
        // an ALPN name is any bytes: this one would be markup if the page did not escape it
        session = ClientSessionPage.run(dir, "-alpn", HOSTILE_PROTOCOL + ",http/1.1");
        page = Jsoup.parse(session.html());
    }

    @Test
    void drawsOneArrowPerRecordInTheDirectionAndContentTypeTraceSaw() {
        List<ClientSessionPage.TracedRecord> traced = session.tracedRecords();
        List<ClientSessionPage.TracedRecord> drawn = new ArrayList<>();
        for (Element arrow : page.select("ol.ladder > li.arrow")) {
            String direction = arrow.hasClass("c2s") ? "c2s" : arrow.hasClass("s2c") ? "s2c" : "?";
            String label = arrow.selectFirst(".label").text();
            drawn.add(new ClientSessionPage.TracedRecord(direction, label.replaceFirst("[: (].*", "")));
        }
        assertTrue(traced.size() >= 9, session.trace()); // CH; SH..SHD; CKE; CCS; Fin; CCS; Fin; data each way; close_notify
        assertEquals(traced, drawn, session.trace());
    }

    @Test
    void labelsTheHandshakeMessagesCcsDataAndAlertAsWhatTheyAre() {
        List<String> labels = page.select("ol.ladder .label").eachText();
        assertEquals("Handshake: ClientHello", labels.get(0));
        String all = String.join(" | ", labels);
        for (String expected : new String[] {"ServerHello", "Certificate", "ServerKeyExchange", "ServerHelloDone",
                "Handshake: ClientKeyExchange", "ChangeCipherSpec", "Handshake: Finished", "ApplicationData (22 bytes)",
                "ApplicationData (19 bytes)"}) {
            assertTrue(all.contains(expected), expected + " in " + all);
        }
        assertEquals(2, page.select("li.arrow.ccs").size(), all);
        // our close_notify (openssl's answer is drawn too when it arrives before we close the socket)
        List<Element> alerts = page.select("li.arrow.alert");
        assertTrue(alerts.get(0).hasClass("c2s"), all);
        assertTrue(alerts.stream().allMatch(a -> a.selectFirst(".label").text().equals("Alert: warning close_notify")), all);
        assertFalse(alerts.get(0).hasClass("fatal"));
        // records after each side's ChangeCipherSpec are drawn protected, the ones before are not
        assertFalse(page.selectFirst("li.arrow").hasClass("protected"));
        assertTrue(page.select("li.arrow.appdata").stream().allMatch(a -> a.hasClass("protected")));
    }

    @Test
    void everyRecordHasItsThreeFormsAndEveryHandshakeByteIsMappedToAField() {
        List<Element> records = page.select("section.record");
        assertEquals(page.select("li.arrow").size(), records.size());
        for (Element record : records) {
            for (String form : List.of("plaintext", "compressed", "ciphertext")) {
                assertEquals(1, record.select("[data-form=" + form + "] .bytes").size(), record.id() + " " + form);
            }
            assertTrue(record.select(".f[title~=cannot map]").isEmpty(), record.id() + ": " + record.select(".f[title~=cannot map]"));
            for (Element field : record.select(".f")) {
            assertFalse(field.attr("title").isEmpty());
                assertTrue(field.attr("data-rfc").matches("RFC \\d+ .+"), record.id() + " " + field.attr("title"));
            }
            Element wire = record.selectFirst("[data-form=ciphertext] .bytes");
            assertEquals(3, wire.select(".f.hdr").size(), "the header's three fields: type, version, length");
        }
        Element clientHello = records.get(0);
        Element plaintext = clientHello.selectFirst("[data-form=plaintext]");
        assertEquals("0303", field(plaintext, "client_version = TLS 1.2").text());
        assertEquals("001d", field(plaintext, "NamedGroup x25519").text());
        assertEquals("RFC 8422 §5.1.1", field(plaintext, "NamedGroup x25519").attr("data-rfc"));
        assertEquals("6c6f63616c686f7374", field(plaintext, "host_name = localhost").text()); // "localhost" in ASCII
        assertEquals("RFC 6066 §3", field(plaintext, "host_name = localhost").attr("data-rfc"));
    }

    /** The one field of {@code form} whose meaning starts with {@code prefix}; its text is its bytes in hex. */
    private static Element field(Element form, String prefix) {
        List<Element> found = form.select(".f").stream().filter(f -> f.attr("title").startsWith(prefix)).toList();
        assertEquals(1, found.size(), prefix + " in " + form.select(".f").eachAttr("title"));
        return found.get(0);
    }

    @Test
    void showsTheKeyDerivationWithTheMasterSecretOfTheKeyLog() {
        Element keys = page.getElementById("keys");
        String masterSecret = keys.select("dt:matches(^master_secret) + dd").first().text();
        assertEquals(session.masterSecret(), masterSecret);
        // the pre-master secret it came from, as the stack reported it: the 32-byte X25519 shared secret
        String preMasterSecret = keys.select("dt:matches(^pre_master_secret) + dd").first().text();
        assertEquals(64, preMasterSecret.length(), keys.text());
        assertFalse(preMasterSecret.equals(masterSecret.substring(0, 64)));
        String clientKey = keys.select("dt:contains(client_write_key) + dd").first().text();
        assertEquals(32, clientKey.length(), "AES-128: 16 bytes");
        assertTrue(keys.text().contains("PRF(pre_master_secret, \"extended master secret\", session_hash)"), keys.text());
        // the pre-master secret's public values: links to the ServerKeyExchange and ClientKeyExchange records
        List<String> linked = keys.select("a[href^=#record-]").eachAttr("href");
        assertEquals(2, linked.size(), linked.toString());
        for (String href : linked) {
            String label = page.selectFirst("#arrow-" + href.substring("#record-".length()) + " .label").text();
            assertTrue(label.equals("Handshake: ServerKeyExchange") || label.equals("Handshake: ClientKeyExchange"), label);
        }
    }

    @Test
    void aProtocolNameThatLooksLikeMarkupIsShownAsTextNotRun() {
        assertTrue(page.select("img").isEmpty(), page.select("img").toString());
        assertTrue(page.select("[onerror]").isEmpty());
        Element clientHello = page.getElementById("record-1");
        assertEquals(Html.hex(HOSTILE_PROTOCOL.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                field(clientHello.selectFirst("[data-form=plaintext]"), "ProtocolName = " + HOSTILE_PROTOCOL).text());
    }

    @Test
    void loadsNothingFromOutsideThePage() {
        String csp = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertTrue(csp.startsWith("default-src 'none'; style-src 'sha256-"), csp);
        assertFalse(csp.contains("unsafe"), csp);
        assertTrue(page.select("[src]").isEmpty(), page.select("[src]").toString());
        assertTrue(page.select("link").isEmpty());
        for (Element link : page.select("[href]")) {
            assertTrue(link.attr("href").startsWith("#record-"), link.toString());
        }
        assertTrue(page.select("[style]").isEmpty(), "no inline style attribute: the policy would block it");
    }
}
