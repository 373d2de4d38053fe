package org.layeredtls.cwmp.doctest;

import static org.layeredtls.cwmp.doctest.MavenCommandCheck.require;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.layeredtls.cwmp.doctest.DocConvention.ShownCommand;

/**
 * Runs the commands of one shell block in order, as a reader who pastes the block at the
 * repository root would: in a fresh directory that links every top-level entry of the repository
 * (so repository paths resolve, and the files the commands write land in the fresh directory), with
 * every port a server of the block listens on replaced by a free ephemeral one on 127.0.0.1. Servers
 * started with {@code &} must say they are ready within {@link #BOUND_MILLIS}; they are stopped when
 * the block ends. Every line of the report says how a command was checked.
 */
final class BlockRun implements AutoCloseable {

    static final long BOUND_MILLIS = 120_000;
    private static final Pattern LISTEN_PORT = Pattern.compile("(?:-accept\\s+(?:\\[[^\\]]*\\]:|[^\\s:\\[]*:)?|--port[=\\s]+)(\\d+)\\b");

    private final Repository repo;
    private final Path directory;
    private final List<StartedProcess> background = new ArrayList<>();
    private final List<String> backgroundNames = new ArrayList<>();
    final List<String> report = new ArrayList<>();

    BlockRun(Repository repo) throws IOException {
        this.repo = repo;
        this.directory = Files.createTempDirectory("layeredtls-doc");
        try (Stream<Path> entries = Files.list(repo.root)) {
            for (Path entry : entries.toList()) {
                if (!entry.getFileName().toString().equals(".git")) {
                    Files.createSymbolicLink(directory.resolve(entry.getFileName()), entry);
                }
            }
        }
    }

    /** The block's ports, each mapped to a free ephemeral port. */
    static Map<String, String> ephemeralPorts(List<ShownCommand> commands) throws IOException {
        Map<String, String> ports = new LinkedHashMap<>();
        for (ShownCommand c : commands) {
            Matcher m = LISTEN_PORT.matcher(c.text());
            while (m.find()) {
                if (!m.group(1).equals("0") && !ports.containsKey(m.group(1))) {
                    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                        ports.put(m.group(1), Integer.toString(free.getLocalPort()));
                    }
                }
            }
        }
        return ports;
    }

    /** Runs every command; throws AssertionError at the first one that does not run as shown. */
    void run(List<ShownCommand> commands) throws Exception {
        Map<String, String> ports = ephemeralPorts(commands);
        if (!ports.isEmpty()) {
            report.add("  ports " + ports + " (ephemeral, 127.0.0.1)");
        }
        for (int i = 0; i < commands.size(); i++) {
            ShownCommand shown = commands.get(i);
            String text = shown.text();
            for (var port : ports.entrySet()) {
                text = text.replaceAll("(?<![\\d.])" + port.getKey() + "(?!\\d)", port.getValue());
            }
            String how;
            try {
                how = runOne(ShellLine.parse(text), i == commands.size() - 1);
            } catch (AssertionError | IllegalArgumentException e) {
                throw new AssertionError(shown.block().where(repo.root).replaceFirst(":\\d+$", ":" + shown.line())
                        + ": `" + shown.text() + "` does not run as shown: " + e.getMessage(), e);
            }
            report.add("  " + shown.line() + ": `" + shown.text() + "`\n      -> " + how);
        }
    }

    private String runOne(ShellLine line, boolean last) throws Exception {
        List<List<String>> stages = line.stages();
        require(stages.size() <= 2, "a pipeline of more than two commands (the doc-test knows `printf ... | command`)");
        byte[] stdin = new byte[0];
        String fed = "";
        if (stages.size() == 2) {
            stdin = producedBytes(stages.get(0));
            fed = " (standard input from " + stages.get(0).get(0) + ")";
        }
        List<String> words = withoutTimeout(stages.get(stages.size() - 1));
        String tool = words.get(0);
        List<String> args = words.subList(1, words.size());
        return switch (tool) {
            case LauncherCommand.LAUNCHER -> launcher(args, stdin, line.background(), last) + fed;
            case "layeredtls", "layeredtls-tools" -> throw new AssertionError(tool + " is not a command a reader has: the launcher is ./layeredtls");
            case "mvn" -> {
                require(!line.background(), "mvn in the background");
                yield MavenCommandCheck.check(repo, args);
            }
            case "openssl" -> openssl(args, stdin, line.background(), last) + fed;
            case "java" -> BuildOutputCommandCheck.checkJava(repo, args);
            case "bash" -> BuildOutputCommandCheck.checkScript(repo, args);
            case "tshark" -> "NOT RUN: a live capture needs capture rights on lo; tls-handshake's KeyLogWiresharkDecryptionTest runs tshark on a written capture of the same kind of session";
            default -> throw new AssertionError("the doc-test has no rule for `" + tool + "`: add one to BlockRun (and the README's convention)");
        };
    }

    private static List<String> withoutTimeout(List<String> words) {
        return words.size() > 2 && words.get(0).equals("timeout") ? words.subList(2, words.size()) : words;
    }

    /** What {@code printf ...} or {@code echo ...} writes, from bash's own builtin. */
    private byte[] producedBytes(List<String> stage) throws Exception {
        require(stage.get(0).equals("printf") || stage.get(0).equals("echo"), "a pipe from " + stage.get(0) + " (the doc-test knows printf and echo)");
        List<String> command = new ArrayList<>(List.of("bash", "-c", stage.get(0) + " \"$@\"", stage.get(0)));
        command.addAll(stage.subList(1, stage.size()));
        try (StartedProcess p = new StartedProcess(command, directory, new byte[0], false)) {
            require(Integer.valueOf(0).equals(p.awaitExit(BOUND_MILLIS)), stage + " failed: " + p.output());
            return p.output().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private String launcher(List<String> args, byte[] stdin, boolean inBackground, boolean last) throws Exception {
        if (LauncherCommand.isScriptHelp(args)) {
            return LauncherCommand.checkScriptHelp(repo, args.get(0));
        }
        List<String> command = LauncherCommand.javaCommand(args);
        String ready = LauncherCommand.readyLine(args);
        if (inBackground) {
            require(ready != null, "started with & but it is no server the doc-test knows the ready line of");
            return startServer(command, stdin, ready, "./layeredtls " + args.get(0));
        }
        if (LauncherCommand.servesUntilStopped(args)) {
            require(last, "a server in the foreground: the commands after it would never run (end it with &)");
            return startServer(command, stdin, ready, "./layeredtls " + args.get(0)) + "; stopped at the end of the block, as with Ctrl-C";
        }
        return runToEnd(command, stdin);
    }

    private String openssl(List<String> args, byte[] stdin, boolean inBackground, boolean last) throws Exception {
        String checked = OpenSslCommandCheck.check(args);
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(args);
        if (args.get(0).equals("s_server")) {
            require(inBackground || last, "openssl s_server in the foreground: the commands after it would never run (end it with &)");
            // s_server ends at the end of its input: the pipe stays open, as a terminal would
            return checked + "; " + startServer(command, stdin, "ACCEPT", "openssl s_server");
        }
        require(!inBackground, "openssl " + args.get(0) + " in the background: the doc-test runs only s_server so");
        if (OpenSslCommandCheck.SELF_CONTAINED.contains(args.get(0))) {
            return checked + "; " + runToEnd(command, stdin);
        }
        return checked + "; not run: openssl " + args.get(0) + " needs a peer";
    }

    private String runToEnd(List<String> command, byte[] stdin) throws Exception {
        long start = System.nanoTime();
        try (StartedProcess p = new StartedProcess(command, directory, stdin, false)) {
            Integer exit = p.awaitExit(BOUND_MILLIS);
            require(exit != null, "still running after " + BOUND_MILLIS / 1000 + " s; its output:\n" + p.output());
            require(exit == 0, "exit status " + exit + "; its output:\n" + p.output());
            return "ran, exit status 0 in " + (System.nanoTime() - start) / 1_000_000 + " ms, " + p.output().lines().count() + " lines of output";
        }
    }

    private String startServer(List<String> command, byte[] stdin, String ready, String name) throws Exception {
        StartedProcess p = new StartedProcess(command, directory, stdin, true);
        background.add(p);
        backgroundNames.add(name);
        require(p.awaitOutput(ready, BOUND_MILLIS), "no \"" + ready + "\" line within " + BOUND_MILLIS / 1000 + " s; its output:\n" + p.output());
        return "started, printed \"" + ready.strip() + "\"; runs until the block ends";
    }

    /** Stops what the block left running; a server that ended by itself must have ended well. */
    @Override
    public void close() throws Exception {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < background.size(); i++) {
            StartedProcess p = background.get(i);
            if (!p.isAlive()) {
                Integer exit = p.awaitExit(BOUND_MILLIS);
                if (exit == null || exit != 0) {
                    failures.add(backgroundNames.get(i) + " ended with exit status " + exit + ":\n" + p.output());
                }
            }
            p.close();
        }
        deleteTree(directory);
        require(failures.isEmpty(), String.join("\n", failures));
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p); // links are deleted, never followed
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
