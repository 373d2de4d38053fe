package org.layeredtls.handshake.illustrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The page of a real session (our client against openssl s_server) in headless Chromium: the
 * ladder has one arrow per record that -trace printed, in order and direction; a click opens a
 * record with its three forms; hovering a byte names its field and RFC section; the keyboard
 * moves between records; no request leaves the page and nothing is logged to the console.
 */
class SessionPageBrowserTest {

    @TempDir
    static Path dir;
    static ClientSessionPage session;
    static HeadlessChromium chromium;

    @BeforeAll
    static void openTheRealSessionsPage() throws Exception {
        session = ClientSessionPage.run(dir);
        chromium = new HeadlessChromium();
        chromium.driver.get(session.page().toUri().toString());
    }

    @AfterAll
    static void closeTheBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theLadderHasOneArrowPerRecordOfTheSessionInOrderAndDirection() {
        List<WebElement> arrows = chromium.driver.findElements(By.cssSelector("ol.ladder > li.arrow"));
        List<ClientSessionPage.TracedRecord> drawn = new ArrayList<>();
        for (WebElement arrow : arrows) {
            String classes = arrow.getAttribute("class");
            String label = arrow.findElement(By.cssSelector(".label")).getText();
            drawn.add(new ClientSessionPage.TracedRecord(classes.contains("c2s") ? "c2s" : "s2c", label.replaceFirst("[: (].*", "")));
            assertTrue(arrow.isDisplayed());
        }
        assertEquals(session.tracedRecords(), drawn, session.trace());
        assertEquals("Handshake: ClientHello", arrows.get(0).findElement(By.cssSelector(".label")).getText());
        // client on the left, server on the right: the first arrow's head (its ::after) is at its right end
        String head = (String) ((JavascriptExecutor) chromium.driver).executeScript(
                "return getComputedStyle(arguments[0], '::after').right", arrows.get(0));
        assertEquals("-1px", head);
    }

    @Test
    void clickingARecordShowsItsThreeFormsAndHoveringAByteNamesItsField() throws Exception {
        WebElement clientHelloArrow = chromium.driver.findElement(By.id("arrow-1"));
        WebElement record = chromium.driver.findElement(By.id("record-1"));
        assertFalse(record.isDisplayed());
        clientHelloArrow.click();
        assertTrue(record.isDisplayed());
        assertEquals("true", clientHelloArrow.getAttribute("aria-expanded"));
        for (String form : List.of("plaintext", "compressed", "ciphertext")) {
            WebElement bytes = record.findElement(By.cssSelector("[data-form=" + form + "] .bytes"));
            assertTrue(bytes.isDisplayed(), form);
            assertTrue(bytes.getText().replaceAll("\\s", "").startsWith(form.equals("ciphertext") ? "1603010082" : "0100"), form);
        }
        // the 10th byte of the ciphertext form is inside the plaintext's client_version (header 5 + msg_type 1 + length 3)
        WebElement versionByte = record.findElements(By.cssSelector("[data-form=ciphertext] .b")).get(9);
        new Actions(chromium.driver).moveToElement(versionByte).perform();
        String info = record.findElement(By.cssSelector(".field-info")).getText();
        assertTrue(info.startsWith("client_version = TLS 1.2"), info);
        assertTrue(info.contains("RFC 5246 §7.4.1.2"), info);
        // a byte of the header
        new Actions(chromium.driver).moveToElement(record.findElements(By.cssSelector("[data-form=ciphertext] .b")).get(0)).perform();
        info = record.findElement(By.cssSelector(".field-info")).getText();
        assertTrue(info.startsWith("ContentType = Handshake"), info);
        assertTrue(info.contains("RFC 5246 §6.2.1"), info);
        // for the reader of the build: the opened record, as a person sees it
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "illustrated-session-record.png"), chromium.driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aProtectedRecordShowsItsCiphertextApartFromItsPlaintext() {
        WebElement dataArrow = chromium.driver.findElement(By.cssSelector("li.arrow.appdata.c2s button"));
        dataArrow.click();
        WebElement record = chromium.driver.findElement(By.id(dataArrow.getAttribute("aria-controls")));
        String plaintext = record.findElement(By.cssSelector("[data-form=plaintext] .bytes")).getText().replaceAll("\\s", "");
        String wire = record.findElement(By.cssSelector("[data-form=ciphertext] .bytes")).getText().replaceAll("\\s", "");
        assertEquals(hex("hello from layeredtls\n"), plaintext);
        assertTrue(wire.startsWith("170303"), wire);
        assertFalse(wire.contains(plaintext), "the plaintext is not on the wire");
        new Actions(chromium.driver).moveToElement(record.findElements(By.cssSelector("[data-form=ciphertext] .b")).get(5)).perform();
        assertTrue(record.findElement(By.cssSelector(".field-info")).getText().startsWith("nonce_explicit"));
    }

    @Test
    void theKeyboardMovesBetweenRecordsAndOpensThem() {
        WebElement first = chromium.driver.findElement(By.id("arrow-1"));
        first.sendKeys(Keys.ARROW_DOWN);
        WebElement focused = chromium.driver.switchTo().activeElement();
        assertEquals("arrow-2", focused.getAttribute("id"));
        focused.sendKeys(Keys.ENTER);
        assertTrue(chromium.driver.findElement(By.id("record-2")).isDisplayed());
        assertFalse(chromium.driver.findElement(By.id("record-1")).isDisplayed());
        chromium.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertFalse(chromium.driver.findElement(By.id("record-2")).isDisplayed());
        assertEquals("arrow-2", chromium.driver.switchTo().activeElement().getAttribute("id"));
    }

    @Test
    void nothingIsRequestedFromOutsideAndNothingIsLoggedToTheConsole() throws Exception {
        Object resources = ((JavascriptExecutor) chromium.driver).executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
        assertEquals(List.of(), resources);
        // the inline style and script ran: the policy's hashes match them
        assertEquals("block", ((JavascriptExecutor) chromium.driver).executeScript(
                "return getComputedStyle(document.querySelector('.ladder .arrow button')).display"));
        assertTrue(chromium.console().stream().noneMatch(e -> e.getLevel().intValue() >= Level.WARNING.intValue()),
                chromium.console().toString());
    }

    private static String hex(String text) {
        return Html.hex(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
