package org.layeredtls.handshake.hostile;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command that runs to its end with standard input at end of file ({@code </dev/null}): {@code openssl req},
 * {@code openssl s_client}, our {@code layeredtls client}. Bounded; a command still running then is ended by its
 * handle and reported.
 */
record CommandRun(int exitCode, String output) {

    static final Duration BOUND = Duration.ofSeconds(60);

    static CommandRun run(Path directory, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(directory, "command", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(new File("/dev/null")).start();
        try {
            if (!process.waitFor(BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("`" + String.join(" ", command) + "` still runs after " + BOUND + ":\n"
                        + Files.readString(log, StandardCharsets.ISO_8859_1));
            }
            return new CommandRun(process.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
        } finally {
            process.destroyForcibly();
        }
    }

    /** Runs it and fails unless it exits 0. */
    static String ok(Path directory, String... command) throws IOException, InterruptedException {
        CommandRun run = run(directory, List.of(command));
        if (run.exitCode() != 0) {
            throw new AssertionError("`" + String.join(" ", command) + "` exited " + run.exitCode() + ":\n" + run.output());
        }
        return run.output();
    }
}
