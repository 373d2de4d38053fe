package org.layeredtls.cwmp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** How {@code layeredtls acs} and {@code acs-admin} read their options (parsed only: no ACS is started). */
class AcsCommandOptionsTest {

    @TempDir
    Path dir;

    /** Runs {@code layeredtls ARGS} in this JVM: exit status and output (standard output and error). */
    private static String[] run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var line = LayeredTls.commandLine(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(bytes, true, StandardCharsets.UTF_8));
        int status = line.execute(args);
        return new String[] {String.valueOf(status), bytes.toString(StandardCharsets.UTF_8)};
    }

    private static AcsCommand parse(String... args) {
        AcsCommand command = new AcsCommand();
        List<String> all = new java.util.ArrayList<>(List.of("--cert", "acs.pem", "--key", "acs.key", "--ca", "ca.pem"));
        all.addAll(List.of(args));
        new CommandLine(command).parseArgs(all.toArray(String[]::new));
        return command;
    }

    @Test
    void eachDeviceGroupKeepsOnlyItsOwnGetAndSetLists() {
        AcsCommand acs = parse("--device", "A", "--get", "Device.A1", "--set", "Device.A2=1",
                "--device", "B", "--get", "Device.B1",
                "--device", "C", "--set", "Device.C1=3", "--set", "Device.C2=4");
        assertEquals(3, acs.tasks.size());
        assertEquals(List.of("A", "B", "C"), acs.tasks.stream().map(t -> t.device).toList());
        assertEquals(List.of("Device.A1"), acs.tasks.get(0).gets());
        assertEquals(List.of("Device.A2=1"), acs.tasks.get(0).sets());
        assertEquals(List.of("Device.B1"), acs.tasks.get(1).gets());
        assertEquals(List.of(), acs.tasks.get(1).sets());
        assertEquals(List.of(), acs.tasks.get(2).gets());
        assertEquals(List.of("Device.C1=3", "Device.C2=4"), acs.tasks.get(2).sets());
    }

    @Test
    void byDefaultTheAcsAnswersAnyPathAndOpensItsAdminApiOnLoopbackPort7557() {
        AcsCommand acs = parse();
        assertNull(acs.path);
        assertEquals(7557, acs.adminPort);
        assertEquals("127.0.0.1", acs.adminBind);
    }

    @Test
    void acsAdminHasTheOperatorsSubcommands() {
        String[] help = run("acs-admin", "--help");
        assertEquals("0", help[0], help[1]);
        for (String command : new String[] {"devices", "get", "set", "connect", "tasks", "names", "add-object",
                "delete-object", "download", "reboot", "factory-reset"}) {
            assertTrue(help[1].contains(command), help[1]);
        }
    }

    @Test
    void acsAdminWithNoAcsToTalkToExitsWith3AndSaysWhy() throws Exception {
        Path token = dir.resolve("admin.token");
        Files.writeString(token, "0123456789abcdef\n");
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = closed.getLocalPort();
            closed.close(); // a port nobody listens on
            String[] devices = run("acs-admin", "devices", "--url", "http://127.0.0.1:" + port, "--token-file", token.toString());
            assertEquals("3", devices[0], devices[1]);
            assertTrue(devices[1].startsWith("acs-admin: "), devices[1]);
        }
        String[] noState = run("acs-admin", "devices", "--state-dir", dir.resolve("nothing-here").toString());
        assertEquals("3", noState[0], noState[1]);
    }
}
