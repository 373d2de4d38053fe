package org.layeredtls.handshake.vectors;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code openssl s_server} or {@code s_client} process: its standard input stays open (s_server
 * exits at end of file) until {@link #closeInput()}, its output (stdout and stderr merged) is
 * collected, and it is stopped by its handle.
 */
final class OpenSslProcess implements Closeable {

    private final Process process;
    private final OutputStream stdin;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final List<String> command;

    OpenSslProcess(List<String> command, java.nio.file.Path directory) throws IOException {
        this.command = List.copyOf(command);
        this.process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        this.stdin = process.getOutputStream();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (InputStream in = process.getInputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (output) {
                        output.write(buffer, 0, n);
                        output.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "openssl-output");
        reader.setDaemon(true);
        reader.start();
    }

    String output() {
        synchronized (output) {
            return output.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Waits (bounded) until the output from {@code from} on matches {@code pattern}; returns the match. */
    Matcher await(Pattern pattern, int from, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (output) {
            while (true) {
                String text = output.toString(StandardCharsets.ISO_8859_1);
                Matcher m = pattern.matcher(text);
                if (from <= text.length() && m.find(from)) {
                    return m;
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new IllegalStateException("timed out waiting for " + pattern + " from " + command + "; output:\n" + text);
                }
                output.wait(left);
            }
        }
    }

    /** Waits (bounded) until the output from {@code from} on contains {@code text}. */
    void await(String text, int from, long timeoutMillis) throws InterruptedException {
        await(Pattern.compile(Pattern.quote(text)), from, timeoutMillis);
    }

    void write(byte[] bytes) throws IOException {
        stdin.write(bytes);
        stdin.flush();
    }

    void closeInput() throws IOException {
        stdin.close();
    }

    /** Waits (bounded) for the process to exit by itself. */
    boolean awaitExit(long timeoutMillis) throws InterruptedException {
        return process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
