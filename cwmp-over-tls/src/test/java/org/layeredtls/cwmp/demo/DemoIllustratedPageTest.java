package org.layeredtls.cwmp.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.illustrate.HeadlessChromium;
import org.layeredtls.record.ProtocolVersion;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * {@code demo --html}: the CPE's connections (the mutual handshake, the resumed one, the
 * Connection Request's, the intruder's refused one) on one page, opened in headless Chromium; the
 * arrows are the records the demo's own capture printed, the refusal is a fatal alert.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DemoIllustratedPageTest {

    private static final Pattern CAPTURED_RECORD = Pattern.compile("(?m)^  #\\d+\\s+(CPE -> ACS|ACS -> CPE)\\s+(\\w+)\\(\\d+\\)");

    @Test
    void theDemosPageDrawsEveryRecordOfTheCpeAndTheRefusalAsAFatalAlert(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("demo.html");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            int status = new PapersDemo(new DemoOptions(ProtocolVersion.TLS1_2, null, null, CaptureTrace.Detail.NORMAL, page), out)
                    .run(dir.resolve("run"));
            assertEquals(0, status, bytes.toString(StandardCharsets.UTF_8));
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        List<String> captured = new ArrayList<>();
        Matcher m = CAPTURED_RECORD.matcher(output);
        while (m.find()) {
            captured.add((m.group(1).startsWith("CPE") ? "c2s " : "s2c ") + m.group(2));
        }
        assertTrue(output.contains("illustrated session (every connection of the CPE, one page): " + page), output);

        try (HeadlessChromium chromium = new HeadlessChromium()) {
            chromium.driver.get(page.toUri().toString());
            List<String> drawn = new ArrayList<>();
            for (WebElement arrow : chromium.driver.findElements(By.cssSelector("ol.ladder > li.arrow"))) {
                String label = arrow.findElement(By.cssSelector(".label")).getText();
                drawn.add((arrow.getAttribute("class").contains("c2s") ? "c2s " : "s2c ") + label.replaceFirst("[: (].*", ""));
            }
            assertTrue(captured.size() > 30, output);
            assertEquals(captured, drawn);
            // each connection starts unprotected: its ClientHello and ServerHello are drawn so
            for (WebElement hello : chromium.driver.findElements(By.xpath(
                    "//li[contains(@class,'arrow')][.//span[@class='label' and (text()='Handshake: ClientHello' or starts-with(text(),'Handshake: ServerHello'))]]"))) {
                assertTrue(!hello.getAttribute("class").contains("protected"), hello.getText());
            }

            // the intruder's refusal: the ACS's fatal alert, drawn as one
            WebElement refusal = chromium.driver.findElement(By.cssSelector("li.arrow.alert.fatal"));
            assertEquals("Alert: fatal unknown_ca", refusal.findElement(By.cssSelector(".label")).getText());
            assertTrue(refusal.getAttribute("class").contains("s2c"));
            WebElement button = refusal.findElement(By.tagName("button"));
            button.click();
            WebElement record = chromium.driver.findElement(By.id(button.getAttribute("aria-controls")));
            assertTrue(record.isDisplayed());
            for (String form : List.of("plaintext", "compressed", "ciphertext")) {
                assertTrue(record.findElement(By.cssSelector("[data-form=" + form + "] .bytes")).isDisplayed(), form);
            }
            assertEquals("0230", record.findElement(By.cssSelector("[data-form=plaintext] .bytes")).getText().replaceAll("\\s", ""));
            new Actions(chromium.driver).moveToElement(record.findElements(By.cssSelector("[data-form=plaintext] .b")).get(1)).perform();
            String info = record.findElement(By.cssSelector(".field-info")).getText();
            assertTrue(info.startsWith("AlertDescription: unknown_ca(48)"), info);
            assertTrue(info.contains("RFC 5246 §7.2"), info);

            // session 2 resumed session 1: its key derivation says so
            String keys = chromium.driver.findElement(By.id("keys")).getText();
            assertTrue(keys.contains(", resumed"), keys);
            assertEquals(List.of(), ((JavascriptExecutor) chromium.driver).executeScript(
                    "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"));
            assertTrue(chromium.console().stream().noneMatch(e -> e.getLevel().intValue() >= Level.WARNING.intValue()),
                    chromium.console().toString());
        }
    }
}
