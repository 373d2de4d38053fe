package org.layeredtls.cwmp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.cwmp.http.TestPki;
import org.layeredtls.handshake.cert.KeyAlgorithm;

/**
 * Issue 12's "done means": {@code layeredtls acs} and {@code layeredtls cpe} as two JVMs on 127.0.0.1; the CPE
 * connects once (the ACS gives it its own Connection Request credentials) and goes idle; then
 * {@code acs-admin set} queues a change, the ACS sends a Connection Request, the CPE opens a session and applies
 * it, and {@code acs-admin get} shows the new value. acs-admin runs in the test's JVM, through the same picocli
 * main as {@code ./layeredtls acs-admin}, over real HTTP to the ACS process.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AcsAdminProcessesTest {

    private static final String DEVICE = "00D09E-IGD-LTLS0001";
    private static final String INTERVAL = "Device.ManagementServer.PeriodicInformInterval";
    private static final long BOUND_SECONDS = 60;

    @TempDir
    Path dir;
    private Process acs;
    private Process cpe;
    private final List<String> acsOutput = Collections.synchronizedList(new ArrayList<>());
    private final List<String> cpeOutput = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() throws InterruptedException {
        LayeredTlsProcesses.stop(cpe, acs);
    }

    /** Waits (bounded) for the first line that {@code matches}. */
    private static String await(BlockingQueue<String> lines, List<String> all, Predicate<String> matches)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(line, "the line did not come; output so far: " + all);
            if (matches.test(line)) {
                return line;
            }
        }
    }

    /** Runs {@code layeredtls acs-admin ARGS} in this JVM: its exit status and output. */
    private record Run(int status, String output) {
    }

    private Run acsAdmin(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var line = LayeredTls.commandLine(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(bytes, true, StandardCharsets.UTF_8));
        List<String> all = new ArrayList<>(List.of("acs-admin"));
        all.addAll(List.of(args));
        int status = line.execute(all.toArray(String[]::new));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void acsAdminSetWakesTheIdleCpeWhichAppliesTheChangeAndAcsAdminGetShowsIt() throws Exception {
        Path pki = Files.createDirectories(dir.resolve("pki"));
        TestPki.CA.writePem(pki);
        TestPki.ACS.writePem(pki, "acs");
        TestPki.CA.issueClient(DEVICE, KeyAlgorithm.EC_P256, Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(1))).writePem(pki, "cpe");
        Path acsState = dir.resolve("acs-state");

        acs = LayeredTlsProcesses.launch(dir, "acs", "--cert", pki.resolve("acs.pem").toString(),
                "--key", pki.resolve("acs.key").toString(), "--ca", pki.resolve("ca.pem").toString(),
                "--port", "0", "--admin-port", "0", "--state-dir", acsState.toString());
        BlockingQueue<String> acsLines = LayeredTlsProcesses.lines(acs, acsOutput);
        String ready = await(acsLines, acsOutput, l -> l.startsWith("acs: ready on https://127.0.0.1:"));
        int port = Integer.parseInt(ready.replaceFirst("acs: ready on https://127\\.0\\.0\\.1:(\\d+)/.*", "$1"));
        assertTrue(acsOutput.stream().anyMatch(l -> l.startsWith("acs: admin API on http://127.0.0.1:")), acsOutput.toString());

        // The CPE connects once (BOOTSTRAP: the ACS sets its Connection Request credentials), then idles.
        cpe = LayeredTlsProcesses.launch(dir, "cpe", "--cert", pki.resolve("cpe.pem").toString(),
                "--key", pki.resolve("cpe.key").toString(), "--ca", pki.resolve("ca.pem").toString(),
                "--acs-url", "https://localhost:" + port + "/cwmp", "--state-dir", dir.resolve("cpe-state").toString());
        BlockingQueue<String> cpeLines = LayeredTlsProcesses.lines(cpe, cpeOutput);
        await(cpeLines, cpeOutput, l -> l.startsWith("cpe: sessions done"));
        await(acsLines, acsOutput, l -> l.equals("acs: session ended for " + DEVICE));
        assertTrue(acsOutput.contains("acs: Inform from " + DEVICE + " accepted: authenticated identity " + DEVICE
                + " checked against it"), acsOutput.toString());

        Run devices = acsAdmin("devices", "--state-dir", acsState.toString());
        assertEquals(0, devices.status(), devices.output());
        assertTrue(devices.output().contains(DEVICE) && devices.output().contains("http://127.0.0.1:"), devices.output());

        Run set = acsAdmin("set", "--state-dir", acsState.toString(), "--wait", String.valueOf(BOUND_SECONDS),
                DEVICE, INTERVAL + "=120");
        assertEquals(0, set.status(), set.output() + "\nACS: " + acsOutput + "\nCPE: " + cpeOutput);
        assertTrue(set.output().contains("HTTP 200 (accepted)") && set.output().contains("applied (Status 0)"), set.output());
        await(cpeLines, cpeOutput, l -> l.contains("Connection Request accepted"));

        Run get = acsAdmin("get", "--state-dir", acsState.toString(), "--wait", String.valueOf(BOUND_SECONDS),
                DEVICE, INTERVAL);
        assertEquals(0, get.status(), get.output());
        assertTrue(get.output().contains(INTERVAL + " = 120"), get.output());

        Run tasks = acsAdmin("tasks", "--state-dir", acsState.toString(), DEVICE);
        assertEquals(0, tasks.status(), tasks.output());
        assertTrue(tasks.output().contains("SetParameterValues -> ") && !tasks.output().contains("pending:\n  "),
                tasks.output());
        assertTrue(Files.readString(dir.resolve("cpe-state").resolve("cpe.state")).contains("120"),
                "the CPE kept the value in its state file");
    }
}
