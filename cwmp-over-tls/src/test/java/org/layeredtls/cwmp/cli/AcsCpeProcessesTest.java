package org.layeredtls.cwmp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.cwmp.http.TestPki;
import org.layeredtls.handshake.cert.KeyAlgorithm;

/**
 * {@code layeredtls acs} and {@code layeredtls cpe} as two separate JVMs on 127.0.0.1: the ACS announces
 * its ephemeral port, the CPE runs {@code --once} against it with mutual TLS, and the ACS's device store
 * holds what the session brought.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AcsCpeProcessesTest {

    private static final String DEVICE = "00D09E-IGD-LTLS0001"; // the CPE certificate's CN, so the cpe command's identity
    private static final Pattern READY = Pattern.compile("acs: ready on https://127\\.0\\.0\\.1:(\\d+)/acs .*");

    @TempDir
    Path dir;
    private Process acs;
    private Process cpe;

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : new Process[] {cpe, acs}) {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    static Process launch(Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LayeredTls.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    }

    /** Collects a process's output lines on a daemon thread. */
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

    @Test
    void anAcsAndACpeProcessRunASessionWithMutualTls() throws Exception {
        Path pki = Files.createDirectories(dir.resolve("pki"));
        TestPki.CA.writePem(pki);
        TestPki.ACS.writePem(pki, "acs");
        TestPki.CA.issueClient(DEVICE, KeyAlgorithm.EC_P256, Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(1))).writePem(pki, "cpe");

        List<String> acsOutput = java.util.Collections.synchronizedList(new ArrayList<>());
        acs = launch(dir, "acs", "--cert", pki.resolve("acs.pem").toString(), "--key", pki.resolve("acs.key").toString(),
                "--ca", pki.resolve("ca.pem").toString(), "--port", "0", "--admin-port", "0",
                "--state-dir", dir.resolve("acs-state").toString(), "--device", DEVICE, "--get", "Device.DeviceInfo.SoftwareVersion", "--exit-after", "1");
        BlockingQueue<String> acsLines = lines(acs, acsOutput);
        int port = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (port < 0) {
            String line = acsLines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(line, "no ready line from the ACS: " + acsOutput);
            Matcher m = READY.matcher(line);
            if (m.matches()) {
                port = Integer.parseInt(m.group(1));
            }
        }

        List<String> cpeOutput = java.util.Collections.synchronizedList(new ArrayList<>());
        cpe = launch(dir, "cpe", "--cert", pki.resolve("cpe.pem").toString(), "--key", pki.resolve("cpe.key").toString(),
                "--ca", pki.resolve("ca.pem").toString(), "--acs-url", "https://localhost:" + port + "/acs",
                "--state-dir", dir.resolve("cpe-state").toString(), "--once");
        lines(cpe, cpeOutput);
        assertTrue(cpe.waitFor(60, TimeUnit.SECONDS), "the CPE did not exit: " + cpeOutput);
        assertEquals(0, cpe.exitValue(), String.join("\n", cpeOutput));
        assertTrue(acs.waitFor(30, TimeUnit.SECONDS), "the ACS did not exit after its session: " + acsOutput);
        assertEquals(0, acs.exitValue(), String.join("\n", acsOutput));

        String store = Files.readString(dir.resolve("acs-state").resolve(DEVICE + ".xml"));
        assertTrue(store.contains(" id=\"" + DEVICE + "\""), store);
        assertTrue(store.contains("1 BOOT") && store.contains("0 BOOTSTRAP"), store);
        assertTrue(store.contains("GetParameterValuesResponse") && store.contains("Device.DeviceInfo.SoftwareVersion"), store);
        assertTrue(acsOutput.stream().anyMatch(l -> l.contains("TLS full handshake") && l.endsWith("certificate identity " + DEVICE)),
                acsOutput.toString());
        assertTrue(cpeOutput.stream().anyMatch(l -> l.contains("sessions done")), cpeOutput.toString());
    }
}
