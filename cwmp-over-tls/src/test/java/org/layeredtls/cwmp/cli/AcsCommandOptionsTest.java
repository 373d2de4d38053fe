package org.layeredtls.cwmp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** How {@code layeredtls acs} reads its options (parsed only: nothing is started). */
class AcsCommandOptionsTest {

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
}
