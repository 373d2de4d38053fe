package org.layeredtls.cwmp.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code layeredtls} subcommands as separate JVMs on this machine's class path: start one, read its output
 * lines, wait (bounded) for the ACS's ready line, and stop them by their own handles.
 */
final class LayeredTlsProcesses {

    private static final Pattern READY = Pattern.compile("acs: ready on https://127\\.0\\.0\\.1:(\\d+)/acs .*");
    private static final long READY_BOUND_SECONDS = 60;
    private static final long STOP_BOUND_SECONDS = 10;

    private LayeredTlsProcesses() {
    }

    /** Starts {@code layeredtls ARGS} in {@code workDir}, its error output merged into its output. */
    static Process launch(Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LayeredTls.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    }

    /** Collects a process's output lines on a daemon thread: each goes to {@code all} and to the queue returned. */
    static BlockingQueue<String> lines(Process process, List<String> all) {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    all.add(line);
                    queue.add(line);
                }
            } catch (IOException ended) {
                // the process is gone
            }
        }, "process-output");
        reader.setDaemon(true);
        reader.start();
        return queue;
    }

    /** The port an ACS on {@code /acs} announced in its ready line (the test fails if none comes in time). */
    static int acsPort(BlockingQueue<String> acsLines, List<String> acsOutput) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_BOUND_SECONDS);
        while (true) {
            String line = acsLines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(line, "no ready line from the ACS: " + acsOutput);
            Matcher m = READY.matcher(line);
            if (m.matches()) {
                return Integer.parseInt(m.group(1));
            }
        }
    }

    /** Stops the processes still running (null ones were never started), each by its own handle. */
    static void stop(Process... processes) throws InterruptedException {
        for (Process p : processes) {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(STOP_BOUND_SECONDS, TimeUnit.SECONDS);
            }
        }
    }
}
