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
}
