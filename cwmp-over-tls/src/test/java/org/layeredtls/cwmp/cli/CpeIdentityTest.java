package org.layeredtls.cwmp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.cwmp.http.TestPki;
import org.layeredtls.handshake.cert.KeyAlgorithm;

/**
 * {@code layeredtls cpe} takes its DeviceId from its certificate: with the files {@code layeredtls certs}
 * writes (client CN {@code layeredtls-client}, read as OUI-SerialNumber) the ACS's identity check accepts
 * the Inform, and the Connection Request credentials given on the command line are kept; a CN that names
 * no device is a usage error that says which options to give.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CpeIdentityTest {


    @TempDir
    Path dir;
    private Process acs;
    private Process cpe;

    @AfterEach
    void stop() throws InterruptedException {
        LayeredTlsProcesses.stop(cpe, acs);
    }

    /** Runs a subcommand in this JVM; returns its exit status and what it printed. */
    private static Object[] runHere(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var line = LayeredTls.commandLine(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(bytes, true));
        int status = line.execute(args);
        return new Object[] {status, bytes.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void theCertsOutputsWorkWithTheAcsIdentityCheckAndTheAcsCrCredentialsReplaceTheCommandLines() throws Exception {
        Path pki = dir.resolve("pki");
        assertEquals(0, runHere("certs", "-out", pki.toString(), "-ecdsa")[0]);

        List<String> acsOutput = Collections.synchronizedList(new ArrayList<>());
        acs = LayeredTlsProcesses.launch(dir, "acs", "--cert", pki.resolve("server.pem").toString(),
                "--key", pki.resolve("server.key").toString(), "--ca", pki.resolve("ca.pem").toString(), "--port", "0",
                "--state-dir", dir.resolve("acs-state").toString(), "--exit-after", "1");
        BlockingQueue<String> acsLines = LayeredTlsProcesses.lines(acs, acsOutput);
        int port = LayeredTlsProcesses.acsPort(acsLines, acsOutput);

        List<String> cpeOutput = Collections.synchronizedList(new ArrayList<>());
        cpe = LayeredTlsProcesses.launch(dir, "cpe", "--cert", pki.resolve("client.pem").toString(),
                "--key", pki.resolve("client.key").toString(), "--ca", pki.resolve("ca.pem").toString(),
                "--acs-url", "https://localhost:" + port + "/acs", "--state-dir", dir.resolve("cpe-state").toString(),
                "--cr-username", "cr-operator", "--cr-password", "cr-pass-1", "--once");
        LayeredTlsProcesses.lines(cpe, cpeOutput);
        assertTrue(cpe.waitFor(60, TimeUnit.SECONDS), "the CPE did not exit: " + cpeOutput);
        assertEquals(0, cpe.exitValue(), String.join("\n", cpeOutput));
        assertTrue(acs.waitFor(30, TimeUnit.SECONDS), "the ACS did not exit after its session: " + acsOutput);
        assertEquals(0, acs.exitValue(), String.join("\n", acsOutput));

        assertTrue(cpeOutput.stream().anyMatch(l -> l.startsWith("cpe: layeredtls-client, Connection Request URL")),
                cpeOutput.toString());
        assertTrue(acsOutput.stream().anyMatch(l -> l.endsWith("certificate identity layeredtls-client")), acsOutput.toString());
        assertTrue(acsOutput.stream().noneMatch(l -> l.contains("refuse")), acsOutput.toString());
        String state = Files.readString(dir.resolve("cpe-state").resolve("cpe.state"));
        assertTrue(state.contains("Device.DeviceInfo.ManufacturerOUI\tstring\tr\t0\t\t\tlayeredtls"), state);
        // The CPE starts with the command line's credentials; a bootstrapping device gets its own from the ACS (issue 12),
        // which the CPE keeps in its state file.
        assertTrue(Pattern.compile("Device\\.ManagementServer\\.ConnectionRequestUsername\tstring\tw\t0\t\t\tcr-[0-9a-f]{16}\n")
                .matcher(state).find(), state);
        assertFalse(state.contains("cr-operator"), state);
    }

    @Test
    void aCommonNameThatNamesNoDeviceIsAUsageError() throws Exception {
        Path pki = Files.createDirectories(dir.resolve("pki"));
        TestPki.CA.writePem(pki);
        TestPki.CA.issueClient("justaname", KeyAlgorithm.EC_P256, Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(1))).writePem(pki, "cpe");
        String[] common = {"cpe", "--cert", pki.resolve("cpe.pem").toString(), "--key", pki.resolve("cpe.key").toString(),
                "--ca", pki.resolve("ca.pem").toString(), "--acs-url", "https://127.0.0.1:1/acs",
                "--state-dir", dir.resolve("cpe-state").toString()};
        Object[] refused = runHere(common);
        assertEquals(2, refused[0], (String) refused[1]);
        assertTrue(((String) refused[1]).contains("cannot take the device identity from")
                && ((String) refused[1]).contains("\"justaname\" is not OUI-ProductClass-SerialNumber")
                && ((String) refused[1]).contains("give --oui and --serial"), (String) refused[1]);
        assertTrue(Files.notExists(dir.resolve("cpe-state").resolve("cpe.state")), "nothing ran");
    }
}
