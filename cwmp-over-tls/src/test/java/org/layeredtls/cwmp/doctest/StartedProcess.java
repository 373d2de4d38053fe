package org.layeredtls.cwmp.doctest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command the doc-test started: standard output and error merged and kept, standard input either
 * given whole (then closed) or kept open (a server that ends at end of input, as s_server does).
 */
final class StartedProcess implements AutoCloseable {

    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private final Thread reader;

    StartedProcess(List<String> command, Path directory, byte[] stdin, boolean keepInputOpen) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        reader = new Thread(this::readOutput, "doc-test output of " + command.get(0));
        reader.setDaemon(true);
        reader.start();
        try {
            OutputStream in = process.getOutputStream();
            in.write(stdin);
            in.flush();
            if (!keepInputOpen) {
                in.close();
            }
        } catch (IOException e) {
            // the process ended before reading its input: its exit status and output say why
        }
    }

    private void readOutput() {
        byte[] buffer = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (output) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    output.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process is gone; what it printed so far is kept
        }
    }

    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    /** Waits until the output contains {@code text}; false when the process ended or the bound passed first. */
    boolean awaitOutput(String text, long boundMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + boundMillis;
        synchronized (output) {
            while (output.indexOf(text) < 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    return false;
                }
                output.wait(Math.min(left, 200));
            }
            return true;
        }
    }

    /** The exit status, or null when the process still runs after the bound (it is then stopped). */
    Integer awaitExit(long boundMillis) throws InterruptedException {
        if (!process.waitFor(boundMillis, TimeUnit.MILLISECONDS)) {
            close();
            return null;
        }
        reader.join(boundMillis);
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
