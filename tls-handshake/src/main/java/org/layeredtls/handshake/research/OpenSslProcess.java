package org.layeredtls.handshake.research;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code openssl s_server} or {@code s_client} process as the peer of an experiment: its output (stdout and
 * stderr together) is collected as it comes, waits are bounded ({@link #TIMEOUT_MILLIS}), and {@link #close()}
 * kills it by its handle (use try-with-resources). {@link #server} listens on 127.0.0.1 on an ephemeral port
 * ({@link #port()}). Without {@code openssl} on the PATH, or when a wait runs out, it throws
 * {@link IllegalStateException} with the output so far: an experiment fails, never skips.
 */
public final class OpenSslProcess implements AutoCloseable {

    /** The bound of every wait. */
    public static final long TIMEOUT_MILLIS = 20_000;
    private static final Pattern ACCEPT = Pattern.compile("ACCEPT [^\\n]*:(\\d+)");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private OpenSslProcess(List<String> command) {
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run openssl (install it: the interop tests need it): " + e.getMessage());
        }
        reader = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (InputStream in = process.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    String text = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                    synchronized (output) {
                        output.append(text);
                        output.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
            synchronized (output) {
                output.notifyAll();
            }
        }, "openssl output");
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code openssl s_server -accept 127.0.0.1:0 <args>}, once it listens. */
    public static OpenSslProcess server(String... args) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:0"));
        command.addAll(List.of(args));
        OpenSslProcess p = new OpenSslProcess(command);
        p.awaitOutput(ACCEPT);
        return p;
    }

    /** {@code openssl s_client -connect 127.0.0.1:<port> <args>}. */
    public static OpenSslProcess client(int port, String... args) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port));
        command.addAll(List.of(args));
        return new OpenSslProcess(command);
    }

    /** The port s_server listens on. */
    public int port() {
        Matcher m = ACCEPT.matcher(output());
        if (!m.find()) {
            throw new IllegalStateException("openssl printed no ACCEPT line:\n" + output());
        }
        return Integer.parseInt(m.group(1));
    }

    /** Everything the process printed so far. */
    public String output() {
        return output.toString();
    }

    /** Waits (bounded) until the output matches {@code pattern}; fails with the output otherwise. */
    public String awaitOutput(Pattern pattern) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        synchronized (output) {
            while (true) {
                Matcher m = pattern.matcher(output);
                if (m.find()) {
                    return m.group();
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    throw new IllegalStateException("openssl output never matched " + pattern + ":\n" + output);
                }
                try {
                    output.wait(Math.min(left, 200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            }
        }
    }

    /** Waits (bounded) until the output contains {@code literal}. */
    public String awaitOutput(String literal) {
        return awaitOutput(Pattern.compile(Pattern.quote(literal)));
    }

    /** Waits (bounded) for the process to end by itself; returns whether it did. */
    public boolean awaitExit(long millis) throws InterruptedException {
        boolean exited = process.waitFor(millis, TimeUnit.MILLISECONDS);
        if (exited) {
            reader.join(TIMEOUT_MILLIS);
        }
        return exited;
    }

    /** Whether the process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends {@code text} to the process's standard input. */
    public void write(String text) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(text.getBytes(StandardCharsets.ISO_8859_1));
        in.flush();
    }

    /** Closes the process's standard input (s_client then ends its connection). */
    public void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    /** Kills the process by its handle and waits (bounded) for it to end. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            reader.join(TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
