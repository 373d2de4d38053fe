package org.layeredtls.cwmp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.illustrate.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * {@code ./layeredtls record-demo -html}: the record layer alone, drawn by the handshake module's
 * page writer through the launcher, in headless Chromium: one arrow per record the fragment limit
 * makes, each with its DEFLATE-compressed form and its AEAD-protected form; in TLS 1.3, the
 * TLSInnerPlaintext and the per-record nonce.
 */
class RecordDemoIllustratedPageTest {

    @Test
    void recordDemoDrawsOneProtectedCompressedArrowPerFragment(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("records.html");
        String message = "x".repeat(300); // fragments of 128: 128 + 128 + 44 bytes, three records
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var line = LayeredTls.commandLine(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        line.setErr(new java.io.PrintWriter(bytes, true));
        assertEquals(0, line.execute("record-demo", "--cipher", "AES_128_GCM", "--deflate", "--message", message,
                "-html", page.toString()), bytes.toString(StandardCharsets.UTF_8));

        try (HeadlessChromium chromium = new HeadlessChromium()) {
            chromium.driver.get(page.toUri().toString());
            List<String> labels = chromium.driver.findElements(By.cssSelector("ol.ladder > li.arrow.c2s.appdata.protected .label"))
                    .stream().map(WebElement::getText).toList();
            assertEquals(List.of("ApplicationData (128 bytes)", "ApplicationData (128 bytes)", "ApplicationData (44 bytes)"), labels);
            assertEquals(3, chromium.driver.findElements(By.cssSelector("ol.ladder > li.arrow")).size());
            chromium.driver.findElement(By.id("arrow-1")).click();
            WebElement record = chromium.driver.findElement(By.id("record-1"));
            String plaintext = record.findElement(By.cssSelector("[data-form=plaintext] .bytes")).getText().replaceAll("\\s", "");
            String compressed = record.findElement(By.cssSelector("[data-form=compressed] .bytes")).getText().replaceAll("\\s", "");
            assertEquals("78".repeat(128), plaintext);
            assertTrue(compressed.length() < plaintext.length(), "128 times the same byte compresses");
            new Actions(chromium.driver).moveToElement(record.findElement(By.cssSelector("[data-form=compressed] .b"))).perform();
            assertTrue(record.findElement(By.cssSelector(".field-info")).getText().startsWith("DEFLATE-compressed fragment"));
            List<WebElement> wire = record.findElements(By.cssSelector("[data-form=ciphertext] .b"));
            new Actions(chromium.driver).moveToElement(wire.get(wire.size() - 1)).perform();
            assertTrue(record.findElement(By.cssSelector(".field-info")).getText().startsWith("authentication tag"),
                    record.findElement(By.cssSelector(".field-info")).getText());
            assertTrue(chromium.console().stream().noneMatch(e -> e.getLevel().intValue() >= Level.WARNING.intValue()),
                    chromium.console().toString());
        }
    }

    /**
     * TLS 1.3 records (RFC 8446 §5.2): the TLSInnerPlaintext with the real content type and the zeros of
     * --padding, the record under an application_data header, each record's nonce (iv XOR its sequence
     * number, §5.3) as the demo printed it, and the handed-in key and iv in the key section.
     */
    @Test
    void recordDemoDrawsTls13RecordsWithTheirInnerTypePaddingAndNonce(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("records13.html");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var line = LayeredTls.commandLine(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        line.setErr(new java.io.PrintWriter(bytes, true));
        assertEquals(0, line.execute("record-demo", "--tls-version", "TLSv1.3", "--cipher", "AES_128_GCM", "--padding", "64",
                "--message", "x".repeat(300), "-html", page.toString()), bytes.toString(StandardCharsets.UTF_8));
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            chromium.driver.get(page.toUri().toString());
            List<String> labels = chromium.driver.findElements(By.cssSelector("ol.ladder > li.arrow.c2s.appdata.protected .label"))
                    .stream().map(WebElement::getText).toList();
            assertEquals(List.of("ApplicationData (128 bytes)", "ApplicationData (128 bytes)", "ApplicationData (44 bytes)"), labels);
            // the last record: 44 bytes, padded to 64 (the full ones have no room left under the 128-byte limit)
            chromium.driver.findElement(By.id("arrow-3")).click();
            WebElement record = chromium.driver.findElement(By.id("record-3"));
            String inner = record.findElement(By.cssSelector("[data-form=compressed] h4")).getText();
            assertTrue(inner.startsWith("2. TLSInnerPlaintext: 64 bytes: the content, its real type, 19 zero bytes of padding"), inner);
            List<WebElement> innerBytes = record.findElements(By.cssSelector("[data-form=compressed] .b"));
            new Actions(chromium.driver).moveToElement(innerBytes.get(44)).perform();
            assertTrue(record.findElement(By.cssSelector(".field-info")).getText().startsWith("type = application_data (23)"),
                    record.findElement(By.cssSelector(".field-info")).getText());
            new Actions(chromium.driver).moveToElement(innerBytes.get(63)).perform();
            assertTrue(record.findElement(By.cssSelector(".field-info")).getText().startsWith("zeros: padding"),
                    record.findElement(By.cssSelector(".field-info")).getText());
            List<WebElement> wire = record.findElements(By.cssSelector("[data-form=ciphertext] .b"));
            assertEquals("17 03 03 00 50", String.join(" ", wire.subList(0, 5).stream().map(WebElement::getText).toList()));
            new Actions(chromium.driver).moveToElement(wire.get(5)).perform();
            String sealed = record.findElement(By.cssSelector(".field-info")).getText();
            // the key section shows the key and iv handed to the record layer: they open this record with that nonce
            List<String> keyAndIv = chromium.driver.findElements(By.cssSelector("#keys dd .hex")).stream()
                    .map(e -> e.getAttribute("textContent")).toList(); // secret (none), key, iv
            byte[] key = HexFormat.of().parseHex(keyAndIv.get(1));
            byte[] nonce = HexFormat.of().parseHex(keyAndIv.get(2));
            nonce[11] ^= 2; // RFC 8446 §5.3: iv XOR the sequence number
            assertTrue(sealed.contains("nonce = iv XOR sequence number 2 = " + HexFormat.of().formatHex(nonce)), sealed);
            byte[] onTheWire = HexFormat.of().parseHex(wire.stream().map(e -> e.getAttribute("textContent")).reduce("", String::concat));
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            gcm.updateAAD(onTheWire, 0, 5);
            byte[] opened = gcm.doFinal(onTheWire, 5, onTheWire.length - 5);
            assertEquals("78".repeat(44) + "17" + "00".repeat(19), HexFormat.of().formatHex(opened));
            assertTrue(chromium.console().stream().noneMatch(e -> e.getLevel().intValue() >= Level.WARNING.intValue()),
                    chromium.console().toString());
        }
    }
}
