package org.layeredtls.handshake.illustrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page of a real TLS 1.3 session (our client against {@code openssl s_server -tls1_3}): the
 * compatibility ChangeCipherSpec drawn in the clear, the encrypted handshake drawn protected with its
 * TLSInnerPlaintext, and the key schedule: the Early → Handshake → Master chain with the key log's
 * secrets, and traffic keys that really open the records the page says they protect.
 */
class Tls13SessionPageTest {

    @TempDir
    static Path dir;
    static ClientSessionPage session;
    static Document page;

    @BeforeAll
    static void runATls13Session() throws Exception {
        session = ClientSessionPage.runTls13(dir, "-ciphersuites", "TLS_AES_128_GCM_SHA256");
        page = Jsoup.parse(session.html());
    }

    @Test
    void drawsTheCompatibilityChangeCipherSpecInTheClear() {
        List<Element> ccs = page.select("li.arrow.ccs");
        assertEquals(2, ccs.size(), page.select("ol.ladder .label").eachText().toString()); // the server's and ours
        for (Element arrow : ccs) {
            assertFalse(arrow.hasClass("protected"), arrow.outerHtml()); // RFC 8446 §5: never protected
            assertTrue(arrow.text().contains("TLS 1.3 middlebox compatibility"), arrow.outerHtml());
            Element panel = page.getElementById("record-" + arrow.attr("data-record"));
            assertTrue(panel.selectFirst("[data-form=ciphertext] h4").text().contains("TLS 1.3 never protects a change_cipher_spec"),
                    panel.outerHtml());
        }
    }

    @Test
    void drawsTheEncryptedHandshakeProtectedWithItsInnerContentType() {
        String labels = String.join(" | ", page.select("ol.ladder .label").eachText());
        for (String message : List.of("EncryptedExtensions", "Certificate", "CertificateVerify", "Finished")) {
            Element arrow = arrowFor("Handshake: " + message);
            assertTrue(arrow.hasClass("protected"), message + " in " + labels);
            assertTrue(arrow.text().contains("AES_128_GCM under server_handshake_traffic_secret")
                    || message.equals("Finished"), arrow.text());
        }
        Element ee = page.getElementById("record-" + arrowFor("Handshake: EncryptedExtensions").attr("data-record"));
        String inner = ee.selectFirst("[data-form=compressed] h4").text();
        assertTrue(inner.startsWith("2. TLSInnerPlaintext: 7 bytes: the content, its real type, 0 zero bytes of padding"), inner);
        assertEquals("08 00 00 02 00 00 16", bytes(ee, "compressed"));
        assertTrue(ee.select("[data-form=compressed] .f").stream().anyMatch(f -> f.attr("title").startsWith("type = handshake (22)")),
                ee.select("[data-form=compressed] .f").eachAttr("title").toString());
    }

    @Test
    void showsTheKeyScheduleChainWithTheKeyLogSecrets() {
        Element keys = page.getElementById("keys");
        List<String> stages = keys.select("ol.steps > li > h4").eachText();
        assertEquals(List.of("Early Secret", "Handshake Secret", "Master Secret", "Traffic keys, and the records they protect"), stages);
        Map<String, String> shown = keys.select("dt").stream().filter(dt -> dt.nextElementSibling() != null)
                .collect(Collectors.toMap(dt -> dt.selectFirst("code").text(), dt -> dt.nextElementSibling().text(), (a, b) -> a));
        Map<String, String> keyLog = session.keyLog().lines().map(l -> l.split(" "))
                .collect(Collectors.toMap(f -> f[0], f -> f[2]));
        assertEquals(keyLog.get("CLIENT_HANDSHAKE_TRAFFIC_SECRET"), shown.get("client_handshake_traffic_secret"), keys.text());
        assertEquals(keyLog.get("SERVER_HANDSHAKE_TRAFFIC_SECRET"), shown.get("server_handshake_traffic_secret"), keys.text());
        assertEquals(keyLog.get("CLIENT_TRAFFIC_SECRET_0"), shown.get("client_application_traffic_secret_0"), keys.text());
        assertEquals(keyLog.get("EXPORTER_SECRET"), shown.get("exporter_master_secret"), keys.text());
        assertTrue(keys.text().contains("derived (for the master secret) = Derive-Secret(., \"derived\", \"\")"), keys.text());
        assertTrue(keys.text().contains("client_handshake_traffic_secret = Derive-Secret(., \"c hs traffic\", ClientHello...ServerHello)"),
                keys.text());
    }

    /** The key and iv the page shows for server_handshake_traffic_secret open the EncryptedExtensions record it says they protect. */
    @Test
    void theTrafficKeyShownOpensTheRecordItProtects() throws Exception {
        Element traffic = page.select("#keys dt").stream().filter(dt -> dt.text().startsWith("server_handshake_traffic_secret protects"))
                .findFirst().orElseThrow(() -> new AssertionError(page.getElementById("keys").text()));
        String ee = arrowFor("Handshake: EncryptedExtensions").attr("data-record");
        assertTrue(traffic.select("a").eachText().contains(ee), traffic.text());
        List<String> values = traffic.nextElementSibling().select("span.hex").eachText(); // secret, key, iv
        byte[] key = HexFormat.of().parseHex(values.get(1));
        byte[] iv = HexFormat.of().parseHex(values.get(2));
        Element record = page.getElementById("record-" + ee);
        byte[] wire = HexFormat.of().parseHex(bytes(record, "ciphertext").replace(" ", ""));
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        // RFC 8446 §5.3: the first record under a key: nonce = iv XOR 0; §5.2: the additional data is the header
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        gcm.updateAAD(wire, 0, 5);
        byte[] inner = gcm.doFinal(wire, 5, wire.length - 5);
        assertArrayEquals(HexFormat.of().parseHex(bytes(record, "compressed").replace(" ", "")), inner);
        assertEquals(22, inner[inner.length - 1]); // handshake
    }

    private static Element arrowFor(String label) {
        return page.select("ol.ladder > li.arrow").stream().filter(a -> a.selectFirst(".label").text().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " not in " + page.select("ol.ladder .label").eachText()));
    }

    /** A form's bytes, as the page shows them: "08 00 ...". */
    private static String bytes(Element record, String form) {
        return String.join(" ", record.select("[data-form=" + form + "] .b").eachText());
    }

    /**
     * After a KeyUpdate each way (RFC 8446 §4.6.3), the page names the next secrets, computes them by §7.2
     * (they equal the key log's CLIENT_ and SERVER_TRAFFIC_SECRET_1), and draws the later records under them.
     */
    @Test
    void afterAKeyUpdateTheRecordsAreDrawnUnderTheNextTrafficSecrets(@TempDir Path otherDir) throws Exception {
        ClientSessionPage updated = ClientSessionPage.runTls13WithKeyUpdate(otherDir, "-ciphersuites", "TLS_AES_128_GCM_SHA256");
        Document updatedPage = Jsoup.parse(updated.html());
        Map<String, String> keyLog = updated.keyLog().lines().map(l -> l.split(" "))
                .collect(Collectors.toMap(f -> f[0], f -> f[2], (a, b) -> b));
        for (String[] secret : new String[][] {{"client", "CLIENT_TRAFFIC_SECRET_1"}, {"server", "SERVER_TRAFFIC_SECRET_1"}}) {
            String name = secret[0] + "_application_traffic_secret_1";
            Element traffic = updatedPage.select("#keys dt").stream().filter(dt -> dt.text().startsWith(name + " protects"))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " in " + updatedPage.getElementById("keys").text()));
            assertFalse(traffic.select("a").isEmpty(), traffic.text());
            assertEquals(keyLog.get(secret[1]), traffic.nextElementSibling().select("span.hex").eachText().get(0), keyLog.toString());
        }
        String labels = String.join(" | ", updatedPage.select("ol.ladder .label").eachText());
        assertTrue(updatedPage.select("ol.ladder > li.arrow").stream().anyMatch(a -> a.text().contains("Handshake: KeyUpdate")
                && a.text().contains("under client_application_traffic_secret_0")), labels);
    }
}
