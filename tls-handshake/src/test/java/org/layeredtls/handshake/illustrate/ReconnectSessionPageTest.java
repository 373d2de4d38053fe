package org.layeredtls.handshake.illustrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code client -reconnect -html}: six connections on one page, each read afresh, the resumed ones said to be. */
class ReconnectSessionPageTest {

    @Test
    void everyConnectionOfAReconnectingClientIsMappedFromItsOwnClientHello(@TempDir Path dir) throws Exception {
        ClientSessionPage session = ClientSessionPage.run(dir, "-reconnect");
        Document page = Jsoup.parse(session.html());
        List<String> labels = page.select("ol.ladder .label").eachText();
        assertEquals(6, labels.stream().filter(l -> l.equals("Handshake: ClientHello")).count(), labels.toString());
        assertTrue(labels.stream().noneMatch(l -> l.contains("the rest of a message")), labels.toString());
        // every connection starts unprotected, whatever the one before it ended with
        assertEquals(12, page.select("li.arrow:not(.protected)").stream()
                .map(a -> a.selectFirst(".label").text())
                .filter(l -> l.equals("Handshake: ClientHello") || l.equals("Handshake: ServerHello")).count());
        assertTrue(page.select(".f").stream().noneMatch(f -> f.attr("title").contains("cannot map")
                || f.attr("title").contains("do not frame") || f.attr("title").contains("does not decode")));
        assertEquals(session.tracedRecords().size(), labels.size(), session.trace());
        List<String> handshakes = page.select("#keys h3").eachText();
        assertEquals(6, handshakes.size(), handshakes.toString());
        assertEquals(5, handshakes.stream().filter(h -> h.endsWith(", resumed")).count(), handshakes.toString());
    }

    /**
     * TLS 1.3 over six connections: one key schedule per handshake, and each traffic secret's links name
     * only the records of its own connection (the secrets' names repeat from one handshake to the next).
     */
    @Test
    void everyTls13KeyScheduleLinksOnlyTheRecordsOfItsOwnConnection(@TempDir Path dir) throws Exception {
        ClientSessionPage session = ClientSessionPage.runTls13(dir, "-reconnect");
        Document page = Jsoup.parse(session.html());
        List<Integer> clientHellos = page.select("ol.ladder > li.arrow").stream()
                .filter(a -> a.selectFirst(".label").text().equals("Handshake: ClientHello"))
                .map(a -> Integer.parseInt(a.attr("data-record"))).toList();
        assertEquals(6, clientHellos.size(), page.select("ol.ladder .label").eachText().toString());
        List<org.jsoup.nodes.Element> schedules = page.select("#keys ol.steps");
        assertEquals(6, schedules.size(), page.select("#keys h3").eachText().toString());
        for (int n = 0; n < 6; n++) {
            int first = clientHellos.get(n);
            int next = n + 1 < 6 ? clientHellos.get(n + 1) : Integer.MAX_VALUE;
            List<Integer> linked = schedules.get(n).select("dt a").stream().map(a -> Integer.parseInt(a.text())).toList();
            assertTrue(!linked.isEmpty() && linked.stream().allMatch(r -> r > first && r < next),
                    "handshake " + (n + 1) + " (records " + first + " to " + next + ") links " + linked);
        }
    }
}
