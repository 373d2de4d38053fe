package org.layeredtls.handshake.conversation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** PROBES.md, written from the catalogue's declarations: one table per category, probe → OpenSSL → LayeredTLS. */
final class ProbeTable {

    static final String REGENERATE_PROPERTY = "probes.regenerate";
    static final String REGENERATE_COMMAND = "mvn -B -q -pl tls-handshake -am test -Dtest=ProbeTableTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -D" + REGENERATE_PROPERTY + "=true";

    private ProbeTable() {
    }

    static String markdown(List<Probe> probes) {
        StringBuilder page = new StringBuilder();
        long differences = probes.stream().filter(Probe::differs).count();
        page.append("# Probes: OpenSSL and LayeredTLS side by side\n\n")
                .append("Generated from the probe catalogue (`src/test/java/org/layeredtls/handshake/conversation/`); "
                        + "do not edit by hand. Each row is a scripted conversation (`org.layeredtls.handshake.conversation`) "
                        + "that `ProbeCatalogueTest` runs in `mvn verify` twice: against `openssl s_server` (or "
                        + "`s_client`, for the rows where the probe plays the server) and against LayeredTLS's own "
                        + "server (or `TlsSocket` client). Each run asserts the reaction written in its column, so "
                        + "the table says what the two stacks actually do.\n\n")
                .append("Both servers: TLS 1.2 only, the same RSA certificate, the suites ECDHE-RSA and RSA with "
                        + "AES-128-GCM and AES-128-CBC-SHA; LayeredTLS with a session cache (s_server has one by default). "
                        + "A probe is the client unless its section says otherwise.\n\n")
                .append(probes.size()).append(" probes; ").append(differences)
                .append(" differ (in **bold**, with the reason). In the two padding-oracle sections every malformed "
                        + "variant must get one and the same answer from each peer (`everyPaddingOracleGroupHasOneAnswerPerPeer`): "
                        + "no distinguishable answer exists.\n\n")
                .append("Regenerate after changing the catalogue:\n\n```sh\n").append(REGENERATE_COMMAND).append("\n```\n");
        Map<String, List<Probe>> byCategory = probes.stream()
                .collect(Collectors.groupingBy(Probe::category, LinkedHashMap::new, Collectors.toList()));
        byCategory.forEach((category, rows) -> {
            page.append("\n## ").append(category).append("\n\n")
                    .append("| probe | OpenSSL | LayeredTLS | why they differ |\n")
                    .append("| --- | --- | --- | --- |\n");
            for (Probe probe : rows) {
                String mark = probe.differs() ? "**" : "";
                page.append("| ").append(cell(probe.name())).append(" | ")
                        .append(mark).append(cell(probe.openSsl().label())).append(mark).append(" | ")
                        .append(mark).append(cell(probe.layeredTls().label())).append(mark).append(" | ")
                        .append(cell(probe.explanation())).append(" |\n");
            }
        });
        return page.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
