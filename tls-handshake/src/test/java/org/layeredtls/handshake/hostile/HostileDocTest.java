package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * HOSTILE.md cannot rot: its commands name the profile, the test classes and the properties that exist, and
 * every test its table cites is in this package. (Running the nightly command itself takes many minutes: it is
 * run by hand, as the page says; this test checks what it is made of.)
 */
class HostileDocTest {

    private static final Path PAGE = Path.of("HOSTILE.md");
    private static final Path SOURCES = Path.of("src/test/java/org/layeredtls/handshake/hostile");

    private static String page() throws IOException {
        return Files.readString(PAGE);
    }

    private static List<String> commands() throws IOException {
        List<String> commands = new ArrayList<>();
        Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(page());
        while (block.find()) {
            block.group(1).lines().filter(l -> !l.isBlank()).forEach(commands::add);
        }
        return commands;
    }

    private static String sources() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
    }

    @Test
    void everyCommandNamesTheNightlyProfileExistingTestsAndTheMutationProperties() throws IOException {
        List<String> commands = commands();
        assertFalse(commands.isEmpty(), "HOSTILE.md shows no command");
        String pom = Files.readString(Path.of("pom.xml"));
        Set<String> properties = Set.of(MutationRun.CASES_PROPERTY, MutationRun.SEED_PROPERTY);
        for (String command : commands) {
            assertTrue(command.startsWith("mvn -B -pl tls-handshake -am verify"), command);
            Matcher profile = Pattern.compile("-P(\\S+)").matcher(command);
            while (profile.find()) {
                assertTrue(pom.contains("<id>" + profile.group(1) + "</id>"), () -> "no profile in pom.xml: " + command);
            }
            Matcher test = Pattern.compile("-Dtest='([^']+)'").matcher(command);
            assertTrue(test.find(), command);
            Pattern classes = Pattern.compile(test.group(1).replace("*", "[A-Za-z]*"));
            try (Stream<Path> files = Files.list(SOURCES)) {
                List<String> matched = files.map(f -> f.getFileName().toString().replace(".java", ""))
                        .filter(n -> classes.matcher(n).matches()).toList();
                assertTrue(matched.containsAll(List.of(MutationAgainstTlsServerSocketTest.class.getSimpleName(),
                        MutationAgainstServerProcessNightly.class.getSimpleName(), MutationAgreementNightly.class.getSimpleName())),
                        () -> command + ": " + matched);
            }
            Matcher property = Pattern.compile("-D(hostile\\.[\\w.]+)=").matcher(command);
            while (property.find()) {
                assertTrue(properties.contains(property.group(1)), () -> "no such property: " + command);
            }
        }
    }

    @Test
    void everyTestTheTableCitesExists() throws IOException {
        String sources = sources();
        List<String> missing = new ArrayList<>();
        for (String row : page().lines().filter(l -> l.startsWith("| ") && l.contains("`")).toList()) {
            String tests = row.substring(row.lastIndexOf('|', row.length() - 2));
            Matcher cited = Pattern.compile("`([A-Za-z0-9]+)(?:\\.([A-Za-z0-9]+))?(?:\\.\\.\\.)?`").matcher(tests);
            while (cited.find()) {
                String first = cited.group(1);
                String method = Character.isUpperCase(first.charAt(0)) ? cited.group(2) : first;
                if (Character.isUpperCase(first.charAt(0)) && !Files.exists(SOURCES.resolve(first + ".java"))) {
                    missing.add(first);
                }
                if (method != null && !sources.contains("void " + method)) {
                    missing.add(method);
                }
            }
        }
        assertTrue(missing.isEmpty(), () -> "HOSTILE.md cites tests that do not exist: " + missing);
    }
}
