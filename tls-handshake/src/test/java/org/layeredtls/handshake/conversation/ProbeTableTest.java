package org.layeredtls.handshake.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * PROBES.md is the catalogue's table, generated from the probes' declarations (which {@link ProbeCatalogueTest}
 * asserts against the real peers): this test fails when the file is stale, and rewrites it when run with
 * {@code -Dprobes.regenerate=true}.
 */
class ProbeTableTest {

    private static final Path PAGE = Path.of("PROBES.md");

    @Test
    void probesMdIsTheTableOfTheCatalogue() throws IOException {
        String expected = ProbeTable.markdown(ProbeCatalogue.all());
        if (Boolean.getBoolean(ProbeTable.REGENERATE_PROPERTY)) {
            Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
        assertEquals(expected, actual, "tls-handshake/PROBES.md is stale: regenerate it with\n  "
                + ProbeTable.REGENERATE_COMMAND);
    }

    @Test
    void everyDifferenceIsExplained() {
        List<Probe> unexplained = ProbeCatalogue.all().stream().filter(p -> p.differs() && p.explanation().isBlank()).toList();
        assertEquals(List.of(), unexplained);
    }

    @Test
    void probeNamesAreUnique() {
        List<String> names = ProbeCatalogue.all().stream().map(Probe::name).toList();
        assertEquals(names.size(), names.stream().distinct().count(), names::toString);
        assertFalse(names.isEmpty());
    }
}
