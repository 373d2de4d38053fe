package org.layeredtls.handshake.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one short {@code openssl} command (key and certificate generation): bounded, fails when openssl is missing. */
public final class OpenSslCommand {

    private static final long TIMEOUT_SECONDS = 60;

    private OpenSslCommand() {
    }

    /** Runs {@code openssl args...} in {@code directory}; returns stdout and stderr together; throws unless exit 0. */
    public static String run(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Path log = Files.createTempFile(directory, "openssl", ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new IOException("cannot run openssl (it must be installed for the interop tests): " + e.getMessage(), e);
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("`" + String.join(" ", command) + "` did not finish in " + TIMEOUT_SECONDS + " s");
            }
            String output = Files.readString(log, StandardCharsets.ISO_8859_1);
            if (process.exitValue() != 0) {
                throw new IOException("`" + String.join(" ", command) + "` exited " + process.exitValue() + ":\n" + output);
            }
            return output;
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(log);
        }
    }
}
