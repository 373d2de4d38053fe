package org.layeredtls.cwmp.doctest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./layeredtls ARGS} as the doc-test runs it: the launcher script's last line, {@code java -cp
 * CLASSPATH org.layeredtls.cwmp.cli.LayeredTls ARGS}, with the classpath of this test run (the
 * script's Maven rebuild would be a build inside the build). The script's own {@code -h|--help|help}
 * never reaches Java: it is checked in the script.
 */
final class LauncherCommand {

    static final String LAUNCHER = "./layeredtls";
    static final String MAIN = "org.layeredtls.cwmp.cli.LayeredTls";

    private LauncherCommand() {
    }

    /** True for the arguments the script answers itself (its header), without Java. */
    static boolean isScriptHelp(List<String> args) {
        return args.size() == 1 && List.of("-h", "--help", "help").contains(args.get(0));
    }

    /** Checks that the launcher script answers this help itself; returns how. */
    static String checkScriptHelp(Repository repo, String word) {
        String script = Repository.read(repo.root.resolve("layeredtls"));
        MavenCommandCheck.require(script.contains("-h|--help|help)") && List.of("-h", "--help", "help").contains(word),
                "./layeredtls " + word + ": the launcher script does not answer it");
        return "answered by the launcher script itself (its header), checked in the script";
    }

    /** The java command line that runs {@code ./layeredtls args}. */
    static List<String> javaCommand(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(MAIN);
        command.addAll(args);
        return command;
    }

    /** The line a server prints once it listens ({@code server}, {@code acs}, {@code cpe}), or null. */
    static String readyLine(List<String> args) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            return null;
        }
        return switch (args.get(0)) {
            case "server", "s_server" -> "ACCEPT ";
            case "acs" -> "acs: ready on ";
            case "cpe" -> "Connection Request URL";
            default -> null;
        };
    }

    /** True for a server that runs until stopped: server without -naccept, acs without --exit-after, cpe without --once. */
    static boolean servesUntilStopped(List<String> args) {
        if (readyLine(args) == null) {
            return false;
        }
        return switch (args.get(0)) {
            case "server", "s_server" -> !args.contains("-naccept");
            case "acs" -> args.stream().noneMatch(a -> a.startsWith("--exit-after"));
            default -> !args.contains("--once");
        };
    }
}
