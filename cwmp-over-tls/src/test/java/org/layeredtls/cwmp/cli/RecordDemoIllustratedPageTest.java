package org.layeredtls.cwmp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.illustrate.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * {@code ./layeredtls record-demo -html}: the record layer alone, drawn by the handshake module's
 * page writer through the launcher, in headless Chromium: one arrow per record the fragment limit
 * makes, each with its DEFLATE-compressed form and its AEAD-protected form.
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
}
