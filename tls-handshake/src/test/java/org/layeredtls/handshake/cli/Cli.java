package org.layeredtls.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.layeredtls.handshake.research.OpenSslProcess;

import picocli.CommandLine;
import org.layeredtls.handshake.testing.CapturedOutput;

/** Runs our commands in-process on their own threads (never the 1-thread common pool), with a PKI made by {@code certs}. */
final class Cli {

    static final long BOUND = OpenSslProcess.TIMEOUT_MILLIS;
    /** ca, server (localhost, 127.0.0.1) and client certificates, RSA, written by CertsCommand. */
    static final Path PKI = makePki();

    private Cli() {
    }

    private static Path makePki() {
        try {
            Path dir = Files.createTempDirectory("layeredtls-cli");
            dir.toFile().deleteOnExit();
            int exit = new CommandLine(new CertsCommand().io(new CapturedOutput().stream)).execute("-out", dir.toString());
            if (exit != 0) {
                throw new IllegalStateException("certs failed");
            }
            for (Path p : Files.list(dir).toList()) {
                p.toFile().deleteOnExit();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String file(String name) {
        return PKI.resolve(name).toString();
    }

    /** A command running on its own thread: what it prints, what it reads, and its exit code. */
    static final class Running {
        final CapturedOutput out = new CapturedOutput();
        final PipedOutputStream typing = new PipedOutputStream();
        final FutureTask<Integer> exit;

        Running(Object command, String... args) {
            PipedInputStream stdin;
            try {
                stdin = new PipedInputStream(typing);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Object configured = command instanceof ServerCommand s ? s.io(stdin, out.stream)
                    : command instanceof RelayCommand r ? r.io(out.stream)
                    : ((ClientCommand) command).io(stdin, out.stream);
            exit = new FutureTask<>(() -> new CommandLine(configured).execute(args));
            Thread thread = new Thread(exit, "command " + args[0]);
            thread.setDaemon(true);
            thread.start();
        }

        void type(String text) throws IOException {
            typing.write(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            typing.flush();
        }

        void endInput() throws IOException {
            typing.close();
        }

        int exitCode() throws Exception {
            return exit.get(BOUND, TimeUnit.MILLISECONDS);
        }

        String text() {
            return out.text();
        }
    }

    /** The version flags; a command given none is pinned to {@code -tls1_2}, which the CLI tests were written for. */
    private static final List<String> VERSION_FLAGS = List.of("-ssl3", "-tls1", "-tls1_1", "-tls1_2", "-tls1_3");

    private static List<String> pinnedToTls12UnlessAVersionIsNamed(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.stream().noneMatch(VERSION_FLAGS::contains)) {
            all.add("-tls1_2");
        }
        return all;
    }

    /** Our s_server on an ephemeral port (TLS 1.2 unless {@code args} name a version), once it prints ACCEPT. */
    static Running server(String... args) throws InterruptedException {
        List<String> all = new ArrayList<>(List.of("-accept", "0", "-cert", file("server.pem"), "-key", file("server.key")));
        all.addAll(pinnedToTls12UnlessAVersionIsNamed(args));
        Running server = new Running(new ServerCommand(), all.toArray(String[]::new));
        server.out.await("ACCEPT");
        return server;
    }

    static int port(Running server) {
        Matcher m = Pattern.compile("ACCEPT [^:]+:(\\d+)").matcher(server.text());
        assertTrue(m.find(), server.text());
        return Integer.parseInt(m.group(1));
    }

    /**
     * Our s_client to 127.0.0.1:port (TLS 1.2 unless {@code args} name a version); its standard input stays open
     * until {@link Running#endInput()}.
     */
    static Running client(int port, String... args) {
        List<String> all = new ArrayList<>(List.of("-connect", "127.0.0.1:" + port));
        all.addAll(pinnedToTls12UnlessAVersionIsNamed(args));
        return new Running(new ClientCommand(), all.toArray(String[]::new));
    }
}
