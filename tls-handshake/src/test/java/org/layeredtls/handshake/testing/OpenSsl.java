package org.layeredtls.handshake.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.layeredtls.crypto.RandomSource;

/** Runs the real {@code openssl} CLI for the tests: bounded in time, destroyed in finally, fails when missing. */
public final class OpenSsl {

    private static final SecureRandom SECURE = new SecureRandom();

    /** A RandomSource over SecureRandom for the tests. */
    public static final RandomSource RANDOM = (out, offset, length) -> {
        byte[] bytes = new byte[length];
        SECURE.nextBytes(bytes);
        System.arraycopy(bytes, 0, out, offset, length);
    };

    public record Result(int exitCode, String output) {
    }

    private OpenSsl() {
    }

    /** Runs {@code openssl args...} in {@code directory}; stdout and stderr together. */
    public static Result run(Path directory, String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = null;
        try {
            Path log = java.nio.file.Files.createTempFile(directory, "openssl", ".out");
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                fail("openssl " + String.join(" ", args) + " did not finish in 60 s");
            }
            String output = java.nio.file.Files.readString(log, StandardCharsets.UTF_8);
            java.nio.file.Files.delete(log);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return fail("cannot run openssl (it must be installed for these tests): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted", e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    /** Runs openssl and asserts exit code 0; returns its output. */
    public static String ok(Path directory, String... args) {
        Result result = run(directory, args);
        assertEquals(0, result.exitCode(), () -> "openssl " + String.join(" ", args) + " failed:\n" + result.output());
        return result.output();
    }
}
