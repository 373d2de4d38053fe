package org.layeredtls.cwmp.cli;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.layeredtls.cwmp.acs.AcsEngine;
import org.layeredtls.cwmp.acs.FileDeviceStore;
import org.layeredtls.cwmp.http.AcsServer;
import org.layeredtls.cwmp.rpc.GetParameterValues;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;
import org.layeredtls.cwmp.rpc.SetParameterValues;
import org.layeredtls.handshake.api.ClientAuth;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code layeredtls acs}: the ACS as its own process, until stopped. */
@Command(name = "acs", mixinStandardHelpOptions = true,
        description = "Runs the ACS: HTTPS (client certificate required by default) on --port, devices kept in --state-dir.")
final class AcsCommand implements Callable<Integer> {

    @Mixin
    TlsOptions tls;

    @Option(names = "--port", defaultValue = "8443", description = "TCP port, 0 for an ephemeral one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--path", defaultValue = "/acs", description = "the ACS URL path (default: ${DEFAULT-VALUE})")
    String path;

    @Option(names = "--client-auth", defaultValue = "NEED", description = "NEED, WANT or NONE (default: ${DEFAULT-VALUE})")
    ClientAuth clientAuth;

    @Option(names = "--state-dir", defaultValue = "acs-state", description = "where device records persist (default: ${DEFAULT-VALUE})")
    Path stateDir;

    @Option(names = "--firmware", description = "a file to serve on /firmware/<its name> for Download")
    Path firmware;

    @Option(names = "--exit-after", defaultValue = "0",
            description = "exit after this many CWMP sessions have ended, 0 = run until stopped (default: ${DEFAULT-VALUE})")
    int exitAfter;

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    List<Task> tasks = new ArrayList<>();

    /**
     * One {@code --device} group. The list options have no initial value on purpose: picocli resets each new
     * group instance's fields to the initial value it captured from the first one, so an initialised
     * {@code new ArrayList<>()} would be one list shared by every group (the "groups bleed into each
     * other" bug). Left null, picocli makes a new list per group.
     */
    static final class Task {
        @Option(names = "--device", required = true, description = "queue for this device (OUI-ProductClass-SerialNumber)")
        String device;

        @Option(names = "--get", description = "queue a GetParameterValues of these names")
        List<String> get;

        @Option(names = "--set", description = "queue a SetParameterValues NAME=VALUE")
        List<String> set;

        List<String> gets() {
            return get == null ? List.of() : List.copyOf(get);
        }

        List<String> sets() {
            return set == null ? List.of() : List.copyOf(set);
        }
    }

    @Override
    public Integer call() throws Exception {
        AcsEngine engine = new AcsEngine(new FileDeviceStore(stateDir), Clock.systemUTC());
        for (Task task : tasks) {
            if (!task.gets().isEmpty()) {
                engine.enqueue(task.device, new GetParameterValues(task.gets()));
            }
            if (!task.sets().isEmpty()) {
                engine.enqueue(task.device, new SetParameterValues(task.sets().stream().map(s -> {
                    String[] nv = s.split("=", 2);
                    return ParameterValueStruct.ofString(nv[0], nv.length > 1 ? nv[1] : "");
                }).toList(), "cli"));
            }
        }
        CountDownLatch done = new CountDownLatch(exitAfter > 0 ? exitAfter : 1);
        try (AcsServer acs = AcsServer.start(engine, tls.builder().clientAuth(clientAuth)
                .ticketProtector(org.layeredtls.handshake.session.TicketProtector.withDefaults()).build(),
                InetAddress.getByName(bind), port, path, null, line -> {
                    System.out.println("acs: " + line);
                    if (exitAfter > 0 && line.startsWith("session ended")) {
                        done.countDown();
                    }
                })) {
            if (firmware != null) {
                acs.addFile("/firmware/" + firmware.getFileName(), Files.readAllBytes(firmware));
            }
            System.out.println("acs: ready on https://" + bind + ":" + acs.getPort() + path + " (client auth " + clientAuth + ")");
            done.await(); // until the process is stopped, or --exit-after sessions have ended
        }
        return 0;
    }
}
