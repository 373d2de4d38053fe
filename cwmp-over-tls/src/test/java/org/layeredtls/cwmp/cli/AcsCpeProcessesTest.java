package org.layeredtls.cwmp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

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

    @TempDir
    Path dir;
    private Process acs;
    private Process cpe;

    @AfterEach
    void stop() throws InterruptedException {
        LayeredTlsProcesses.stop(cpe, acs);
    }

    @Test
    void anAcsAndACpeProcessRunASessionWithMutualTls() throws Exception {
        Path pki = Files.createDirectories(dir.resolve("pki"));
        TestPki.CA.writePem(pki);
        TestPki.ACS.writePem(pki, "acs");
        TestPki.CA.issueClient(DEVICE, KeyAlgorithm.EC_P256, Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(1))).writePem(pki, "cpe");

        List<String> acsOutput = java.util.Collections.synchronizedList(new ArrayList<>());
        acs = LayeredTlsProcesses.launch(dir, "acs", "--cert", pki.resolve("acs.pem").toString(), "--key", pki.resolve("acs.key").toString(),
                "--ca", pki.resolve("ca.pem").toString(), "--port", "0", "--admin-port", "0",
                "--state-dir", dir.resolve("acs-state").toString(), "--device", DEVICE, "--get", "Device.DeviceInfo.SoftwareVersion", "--exit-after", "1");
        BlockingQueue<String> acsLines = LayeredTlsProcesses.lines(acs, acsOutput);
        int port = LayeredTlsProcesses.acsPort(acsLines, acsOutput);

        List<String> cpeOutput = java.util.Collections.synchronizedList(new ArrayList<>());
        cpe = LayeredTlsProcesses.launch(dir, "cpe", "--cert", pki.resolve("cpe.pem").toString(), "--key", pki.resolve("cpe.key").toString(),
                "--ca", pki.resolve("ca.pem").toString(), "--acs-url", "https://localhost:" + port + "/acs",
                "--state-dir", dir.resolve("cpe-state").toString(), "--once");
        LayeredTlsProcesses.lines(cpe, cpeOutput);
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
