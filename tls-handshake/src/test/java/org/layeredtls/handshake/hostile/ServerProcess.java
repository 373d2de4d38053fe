package org.layeredtls.handshake.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.layeredtls.handshake.cli.LayeredTlsTools;

/**
 * {@code layeredtls server} as its own operating-system process, as a user starts it: the same main class
 * ({@link LayeredTlsTools}) on this module's runtime classpath, in a JVM of its own with a small heap, so
 * that a process that dies, hangs or grows is seen as such. It is ready when it prints
 * {@code ACCEPT host:port} (bounded wait); {@link #close()} ends exactly this process, by its handle.
 */
final class ServerProcess implements ServerUnderTest {

    /** A JVM may take seconds to start on a loaded machine. */
    static final Duration START_BOUND = Duration.ofSeconds(60);
    /** The heap the server gets: enough for its work, far too little for an unbounded buffer. */
    static final String HEAP = "-Xmx96m";
    private static final Pattern ACCEPT = Pattern.compile("ACCEPT [^\\s:]+:(\\d+)");

    private final Process process;
    private final Thread reader;
    private final StringBuilder output = new StringBuilder();
    private final int port;
    private final boolean echoes;

    private ServerProcess(List<String> command) throws IOException, InterruptedException {
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        reader = new Thread(this::collect, "layeredtls server output");
        reader.setDaemon(true);
        reader.start();
        Optional<Matcher> accept = await(ACCEPT, 0, START_BOUND);
        if (accept.isEmpty()) {
            String log = log();
            close();
            throw new IOException("`" + String.join(" ", command) + "` printed no ACCEPT line within " + START_BOUND + ":\n" + log);
        }
        port = Integer.parseInt(accept.get().group(1));
        echoes = command.contains("-echo");
    }

    /**
     * Starts {@code layeredtls server -accept 0 -cert server.pem -key server.key <options>} (RSA certificate of
     * {@link HostilePki}); {@code options} are the server's own, as a user types them. Without a version among
     * them the server speaks TLS 1.2 only ({@code -tls1_2}), as the OpenSSL reference ({@code -no_tls1_3}).
     */
    static ServerProcess start(String... options) throws IOException, InterruptedException {
        return startWithCertificate("server", options);
    }

    /** As {@link #start}, with {@code <name>.pem} and {@code <name>.key} of {@link HostilePki} ("server-ec": ECDSA). */
    static ServerProcess startWithCertificate(String name, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(tools("server"));
        command.addAll(List.of("-accept", "0", "-cert", HostilePki.file(name + ".pem").toString(),
                "-key", HostilePki.file(name + ".key").toString()));
        command.addAll(List.of(options));
        if (Stream.of(options).noneMatch(o -> o.equals("-ssl3") || o.startsWith("-tls1"))) {
            command.add("-tls1_2");
        }
        return new ServerProcess(command);
    }

    /** {@code java ... LayeredTlsTools <tool>}: the command line of one of our CLI tools, as a process. */
    static List<String> tools(String tool) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return List.of(java, HEAP, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), LayeredTlsTools.class.getName(), tool);
    }

    private void collect() {
        byte[] buffer = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (output) {
                    output.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    output.notifyAll();
                }
            }
        } catch (IOException ended) {
            // the process was destroyed: its pipe closes
            synchronized (output) {
                output.append("[output closed: ").append(ended.getMessage()).append("]\n");
            }
        } finally {
            synchronized (output) {
                output.notifyAll();
            }
        }
    }

    /** Waits (bounded) until the output after char offset {@code from} matches; empty if it never does. */
    Optional<Matcher> await(Pattern pattern, int from, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        boolean exitedAndDrained = false;
        synchronized (output) {
            while (true) {
                Matcher m = pattern.matcher(output);
                if (m.find(Math.min(from, output.length()))) {
                    return Optional.of(m);
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || exitedAndDrained) {
                    return Optional.empty();
                }
                // one more look after the process ended: its last output may still be on the way
                exitedAndDrained = !process.isAlive() && !reader.isAlive();
                output.wait(Math.min(left, 200));
            }
        }
    }

    /** Waits (bounded) for the process to exit by itself; its exit code, or empty if it still runs. */
    Optional<Integer> awaitExit(Duration bound) throws InterruptedException {
        return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(process.exitValue()) : Optional.empty();
    }

    /** The process's resident memory in KiB (Linux /proc), or -1 where that cannot be read. */
    long residentKiB() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            return -1;
        }
        return -1;
    }

    /** With {@code -echo} a normal client is echoed; otherwise ({@code -www}) it gets the page. */
    @Override
    public boolean echoes() {
        return echoes;
    }

    @Override
    public boolean exitsWithin(Duration bound) throws InterruptedException {
        return awaitExit(bound).isPresent();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public String log() {
        synchronized (output) {
            String text = output.toString();
            return (process.isAlive() ? "(running)\n" : "(exited " + process.exitValue() + ")\n")
                    + (text.length() > 8000 ? "[...]" + text.substring(text.length() - 8000) : text);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
