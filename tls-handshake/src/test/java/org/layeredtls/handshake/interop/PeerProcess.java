package org.layeredtls.handshake.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A peer running as an operating-system process (openssl s_server / s_client, a forked JVM): its standard
 * input is a pipe we keep open, its standard output and error are collected by two daemon threads into
 * buffers that tests search with bounded waits. {@link #close()} ends exactly this process, by its handle.
 */
public class PeerProcess implements AutoCloseable {

    /** The bound for a process to end after destroy(). */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    private final String description;
    private final Process process;
    private final OutputStream stdin;
    private final Collector stdout;
    private final Collector stderr;

    PeerProcess(List<String> command, java.nio.file.Path directory) throws IOException {
        this.description = String.join(" ", command);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        try {
            this.process = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot start `" + command.get(0) + "` (it must be installed for the interop tests): "
                    + e.getMessage(), e);
        }
        this.stdin = process.getOutputStream();
        this.stdout = new Collector(process.getInputStream(), "stdout of " + command.get(0));
        this.stderr = new Collector(process.getErrorStream(), "stderr of " + command.get(0));
    }

    /** The command line, for messages. */
    public final String description() {
        return description;
    }

    /** The process's handle: tests assert {@code isAlive()} is false after close. */
    public final ProcessHandle handle() {
        return process.toHandle();
    }

    public final boolean isAlive() {
        return process.isAlive();
    }

    /** Writes bytes to the process's standard input and flushes. */
    public final void writeStdin(byte[] bytes) throws IOException {
        stdin.write(bytes);
        stdin.flush();
    }

    /** Writes text (US-ASCII) to the process's standard input and flushes. */
    public final void writeStdin(String text) throws IOException {
        writeStdin(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Closes the standard input pipe: OpenSSL reads end of file (s_client then sends close_notify and exits). */
    public final void closeStdin() throws IOException {
        stdin.close();
    }

    /** Everything the process wrote to standard output so far, as bytes. */
    public final byte[] stdoutBytes() {
        return stdout.bytes();
    }

    /** Standard output so far as text (ISO-8859-1, so that every byte maps to one char). */
    public final String stdout() {
        return new String(stdout.bytes(), StandardCharsets.ISO_8859_1);
    }

    /** Standard error so far. */
    public final String stderr() {
        return new String(stderr.bytes(), StandardCharsets.ISO_8859_1);
    }

    /** Both outputs, for failure messages (the tail of stdout only: it may hold a MiB of data). */
    public final String diagnostics() {
        String out = stdout();
        if (out.length() > 6000) {
            out = "[... " + (out.length() - 6000) + " chars ...]" + out.substring(out.length() - 6000);
        }
        String err = stderr();
        if (err.length() > 6000) {
            err = "[...]" + err.substring(err.length() - 6000);
        }
        return "`" + description + "`" + (process.isAlive() ? " (running)" : " (exit " + process.exitValue() + ")")
                + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }

    /**
     * Waits until standard output matches {@code pattern} (searched from {@code from}, a char offset), or the
     * process ends, or {@code timeout} passes. Returns the match, or empty.
     */
    public final Optional<Match> awaitStdout(Pattern pattern, int from, Duration timeout) throws InterruptedException {
        return stdout.await(pattern, from, timeout);
    }

    /** The number of bytes on standard output so far: an offset to search from after the next action. */
    public final int stdoutSize() {
        return stdout.size();
    }

    /** The number of bytes on standard error so far: an offset to search from after the next action. */
    public final int stderrSize() {
        return stderr.size();
    }

    /** The bytes of standard output between two offsets. */
    public final byte[] stdoutRange(int from, int to) {
        return stdout.range(from, to);
    }

    /** Waits until standard error matches, like {@link #awaitStdout}. */
    public final Optional<Match> awaitStderr(Pattern pattern, int from, Duration timeout) throws InterruptedException {
        return stderr.await(pattern, from, timeout);
    }

    /** Waits for the process to exit by itself; returns its exit code, or empty if it is still running. */
    public final Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            stdout.awaitEnd(EXIT_WAIT);
            stderr.awaitEnd(EXIT_WAIT);
            return Optional.of(process.exitValue());
        }
        return Optional.empty();
    }

    /** Ends this process (and only it): destroy, wait with a bound, then destroyForcibly. */
    @Override
    public void close() {
        try {
            try {
                stdin.close();
            } catch (IOException ignored) {
                // the process may already be gone
            }
            process.destroy();
            if (!process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A match in an output stream: absolute char offsets (one char per byte) and the groups. */
    public record Match(int start, int end, List<String> groups) {
        public String group(int index) {
            return groups.get(index);
        }
    }

    /** Drains one output stream into a buffer; waiters are woken on every chunk. */
    private static final class Collector {
        private byte[] buffer = new byte[8192];
        private int size;
        private boolean ended;

        Collector(InputStream in, String name) {
            Thread thread = new Thread(() -> drain(in), name);
            thread.setDaemon(true);
            thread.start();
        }

        private void drain(InputStream in) {
            byte[] chunk = new byte[65536];
            try (in) {
                int n;
                while ((n = in.read(chunk)) >= 0) {
                    synchronized (this) {
                        if (size + n > buffer.length) {
                            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + n));
                        }
                        System.arraycopy(chunk, 0, buffer, size, n);
                        size += n;
                        notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the stream closes when the process is destroyed
            } finally {
                synchronized (this) {
                    ended = true;
                    notifyAll();
                }
            }
        }

        public synchronized byte[] bytes() {
            return Arrays.copyOf(buffer, size);
        }

        public synchronized byte[] range(int from, int to) {
            return Arrays.copyOfRange(buffer, from, Math.min(to, size));
        }

        public synchronized int size() {
            return size;
        }

        public synchronized Optional<Match> await(Pattern pattern, int from, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            int start = Math.max(0, Math.min(from, size));
            while (true) {
                // only the part after `from` is decoded, so that waiting on a MiB of data stays cheap
                String text = new String(buffer, start, size - start, StandardCharsets.ISO_8859_1);
                Matcher matcher = pattern.matcher(text);
                if (matcher.find()) {
                    List<String> groups = new ArrayList<>();
                    for (int i = 0; i <= matcher.groupCount(); i++) {
                        groups.add(matcher.group(i));
                    }
                    return Optional.of(new Match(start + matcher.start(), start + matcher.end(), groups));
                }
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    return Optional.empty();
                }
                // woken by each new chunk; the bound also covers a process that died without closing the pipe
                wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
            }
        }

        public synchronized void awaitEnd(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!ended) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }
}
