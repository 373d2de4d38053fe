package org.layeredtls.handshake.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the probe catalogue against {@code openssl s_server} / {@code s_client} and against LayeredTLS's server
 * and client, each probe asserting the reaction its declaration gives for that peer. PROBES.md is generated
 * from the same declarations ({@link ProbeTableTest}), so the table shows what these runs assert.
 */
@Timeout(120)
class ProbeCatalogueTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static OpenSslTarget openSsl;
    private static LayeredTlsTarget layeredTls;

    @BeforeAll
    static void startPeers() throws Exception {
        openSsl = new OpenSslTarget();
        layeredTls = new LayeredTlsTarget();
    }

    @AfterAll
    static void stopPeers() throws Exception {
        if (openSsl != null) {
            openSsl.close();
        }
        if (layeredTls != null) {
            layeredTls.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyProbeGetsTheDeclaredReactionFromOpenSsl() {
        return ProbeCatalogue.all().stream().map(probe -> DynamicTest.dynamicTest(
                probe.category() + ": " + probe.name(), () -> run(probe, openSsl, probe.openSsl())));
    }

    @TestFactory
    Stream<DynamicTest> everyProbeGetsTheDeclaredReactionFromLayeredTls() {
        return ProbeCatalogue.all().stream().map(probe -> DynamicTest.dynamicTest(
                probe.category() + ": " + probe.name(), () -> run(probe, layeredTls, probe.layeredTls())));
    }

    private static void run(Probe probe, ProbeTarget target, Reaction reaction) throws Exception {
        Conversation conversation = probe.against(target, reaction).waiting(WAIT);
        if (probe.role() == Probe.Role.SERVER) {
            target.runFacingClient(conversation);
        } else {
            target.runAgainstServer(conversation);
        }
    }

    @Test
    void theCatalogueHasAtLeastFiftyProbes() {
        assertTrue(ProbeCatalogue.all().size() >= 50, "the catalogue has " + ProbeCatalogue.all().size() + " probes");
    }

    @Test
    void everyPaddingOracleGroupHasOneAnswerPerPeer() {
        Map<String, List<Probe>> groups = ProbeCatalogue.all().stream().filter(p -> !p.group().isEmpty())
                .collect(Collectors.groupingBy(Probe::group, TreeMap::new, Collectors.toList()));
        assertEquals(List.of(OracleProbes.RSA_GROUP, OracleProbes.CBC_GROUP).stream().sorted().toList(),
                List.copyOf(groups.keySet()));
        groups.forEach((group, probes) -> {
            assertTrue(probes.size() >= 4, group + " has " + probes.size() + " variants");
            // the runs assert each declared reaction; one label per peer means no variant is told apart
            assertEquals(1, probes.stream().map(p -> p.openSsl().label()).distinct().count(), group + ", OpenSSL");
            assertEquals(1, probes.stream().map(p -> p.layeredTls().label()).distinct().count(), group + ", LayeredTLS");
        });
    }
}
