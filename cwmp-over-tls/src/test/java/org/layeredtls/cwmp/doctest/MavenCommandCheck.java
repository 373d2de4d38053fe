package org.layeredtls.cwmp.doctest;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@code mvn} command is never run by the doc-test (it would build the project inside its own
 * build); it is checked to be one Maven would run as meant: every option known, every {@code -pl}
 * module a module of the parent pom, every {@code -P} profile defined in a pom, every phase a
 * lifecycle phase, and every {@code -Dtest} pattern matching a test class of the modules built.
 */
final class MavenCommandCheck {

    private static final Set<String> PHASES = Set.of("clean", "validate", "compile", "test-compile", "test",
            "package", "verify", "install", "site");
    /** The plugin prefixes the docs may name (goals of plugins the poms declare). */
    private static final Set<String> PLUGIN_PREFIXES = Set.of("dependency", "surefire", "compiler", "exec");
    private static final Set<String> FLAGS = Set.of("-B", "--batch-mode", "-q", "--quiet", "-o", "--offline", "-e", "-X",
            "-U", "-am", "--also-make", "-amd", "--also-make-dependents", "-fae", "-ff", "-N", "-V", "-v", "--version");
    private static final Set<String> WITH_VALUE = Set.of("-pl", "--projects", "-P", "--activate-profiles", "-f", "--file",
            "-T", "--threads", "-rf", "--resume-from");

    private MavenCommandCheck() {
    }

    /** Checks the words after {@code mvn}; returns how, or throws AssertionError saying what is wrong. */
    static String check(Repository repo, List<String> args) {
        List<String> modules = new ArrayList<>();
        List<String> profiles = new ArrayList<>();
        List<String> phases = new ArrayList<>();
        List<String> testPatterns = new ArrayList<>();
        boolean alsoMake = false;
        boolean noFailIfNoTests = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-D")) {
                String property = a.length() > 2 ? a.substring(2) : next(args, ++i, a);
                if (property.startsWith("test=")) {
                    testPatterns.addAll(List.of(property.substring("test=".length()).split(",")));
                }
                noFailIfNoTests |= property.equals("surefire.failIfNoSpecifiedTests=false");
            } else if (a.startsWith("-P") && a.length() > 2) {
                profiles.addAll(List.of(a.substring(2).split(",")));
            } else if (WITH_VALUE.contains(a)) {
                String value = next(args, ++i, a);
                switch (a) {
                    case "-pl", "--projects" -> modules.addAll(List.of(value.split(",")));
                    case "-P", "--activate-profiles" -> profiles.addAll(List.of(value.split(",")));
                    case "-f", "--file" -> require(Files.exists(repo.root.resolve(value)), "mvn -f " + value + ": no such file");
                    default -> { }
                }
            } else if (FLAGS.contains(a)) {
                alsoMake |= a.equals("-am") || a.equals("--also-make");
            } else if (a.startsWith("-")) {
                throw new AssertionError("mvn: unknown option " + a + " (the doc-test knows " + FLAGS + " " + WITH_VALUE + " -D -P)");
            } else if (a.contains(":")) {
                require(PLUGIN_PREFIXES.contains(a.substring(0, a.indexOf(':'))), "mvn: unknown plugin goal " + a);
                phases.add(a);
            } else {
                require(PHASES.contains(a), "mvn: " + a + " is not a lifecycle phase " + PHASES);
                phases.add(a);
            }
        }
        require(!phases.isEmpty(), "mvn: no phase or goal");
        for (String module : modules) {
            String name = module.replaceFirst("^[!:]", "");
            require(repo.modules.contains(name), "mvn -pl " + name + ": not a module of the parent pom " + repo.modules);
        }
        for (String profile : profiles) {
            require(repo.profiles.containsKey(profile), "mvn -P" + profile + ": no pom defines this profile " + repo.profiles.keySet());
            noFailIfNoTests |= repo.profiles.get(profile).contains("<surefire.failIfNoSpecifiedTests>false");
        }
        if (!testPatterns.isEmpty()) {
            List<String> searched = alsoMake || modules.isEmpty() ? repo.modules : modules;
            for (String pattern : testPatterns) {
                String[] classAndMethod = pattern.split("#", 2);
                Pattern glob = Pattern.compile(classAndMethod[0].replace("*", ".*").replace('?', '.'));
                List<java.nio.file.Path> classes = searched.stream().flatMap(m -> repo.sources(m, "test").stream())
                        .filter(p -> glob.matcher(p.getFileName().toString().replaceFirst("\\.java$", "")).matches()).toList();
                require(!classes.isEmpty(), "mvn -Dtest=" + pattern + ": no test class of " + searched + " matches");
                if (classAndMethod.length == 2) {
                    require(classes.stream().anyMatch(c -> Repository.read(c).contains(" " + classAndMethod[1] + "(")),
                            "mvn -Dtest=" + pattern + ": no method " + classAndMethod[1] + " in " + classes);
                }
            }
            require(!alsoMake || noFailIfNoTests, "mvn -am -Dtest=...: the modules built for -am have no such test and "
                    + "Surefire fails them; add -Dsurefire.failIfNoSpecifiedTests=false");
        }
        return "parsed, not run: modules " + modules + ", profiles " + profiles + ", phases " + phases
                + (testPatterns.isEmpty() ? "" : ", -Dtest " + testPatterns + " match test classes");
    }

    private static String next(List<String> args, int i, String option) {
        require(i < args.size(), "mvn " + option + ": a value must follow");
        return args.get(i);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
