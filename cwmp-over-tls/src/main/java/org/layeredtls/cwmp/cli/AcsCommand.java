package org.layeredtls.cwmp.cli;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.layeredtls.crypto.SecureRandomSource;
import org.layeredtls.cwmp.acs.AcsEngine;
import org.layeredtls.cwmp.acs.ConnectionRequestCredentials;
import org.layeredtls.cwmp.acs.FileDeviceStore;
import org.layeredtls.cwmp.admin.AdminApi;
import org.layeredtls.cwmp.admin.AdminServer;
import org.layeredtls.cwmp.admin.AdminToken;
import org.layeredtls.cwmp.admin.ConnectionRequestSender;
import org.layeredtls.cwmp.http.AcsServer;
import org.layeredtls.cwmp.http.ConnectionRequester;
import org.layeredtls.cwmp.rpc.GetParameterValues;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;
import org.layeredtls.cwmp.rpc.SetParameterValues;
import org.layeredtls.handshake.api.ClientAuth;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code layeredtls acs}: the ACS as its own process, until stopped, with its admin API (see {@code acs-admin}) on
 * a loopback port. The admin API's URL and bearer token go to {@code <state-dir>/admin.url} and
 * {@code <state-dir>/admin.token}, where {@code acs-admin} looks for them.
 */
@Command(name = "acs", mixinStandardHelpOptions = true,
        description = {"Runs the ACS: HTTPS (client certificate required by default) on --port, devices kept in --state-dir,",
                "the admin API (acs-admin) on --admin-port of 127.0.0.1. Each device gets its own random",
                "Connection Request credentials in its first session."})
final class AcsCommand implements Callable<Integer> {

    /** The admin API's URL, written in the state directory for acs-admin. */
    static final String ADMIN_URL_FILE = "admin.url";
    /** The admin API's bearer token, written (owner-only) in the state directory for acs-admin. */
    static final String ADMIN_TOKEN_FILE = "admin.token";

    @Mixin
    TlsOptions tls;

    @Option(names = "--port", defaultValue = "8443", description = "TCP port, 0 for an ephemeral one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--path", description = "answer CWMP on this URL path only (default: any path)")
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

    @Option(names = "--admin-port", defaultValue = "7557",
            description = "the admin API's TCP port, 0 for an ephemeral one, -1 for no admin API (default: ${DEFAULT-VALUE})")
    int adminPort;

    @Option(names = "--admin-bind", defaultValue = "127.0.0.1",
            description = "the admin API's address; it is plain HTTP, keep it on loopback (default: ${DEFAULT-VALUE})")
    String adminBind;

    @Option(names = "--admin-token-file", description = "read the admin token from this file instead of making one")
    Path adminTokenFile;

    @Option(names = "--connection-request-timeout", defaultValue = "10",
            description = "seconds a Connection Request may take (default: ${DEFAULT-VALUE})")
    int connectionRequestTimeout;

    @Option(names = "--debug", description = "also print debug lines (empty POSTs, port probes, ...)")
    boolean debug;

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
        SecureRandomSource random = new SecureRandomSource();
        AcsEngine engine = new AcsEngine(new FileDeviceStore(stateDir), Clock.systemUTC(),
                new ConnectionRequestCredentials(random));
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
        java.util.function.Consumer<String> debugLog = debug ? line -> System.out.println("acs: debug: " + line) : null;
        ConnectionRequestSender wakeUp = new ConnectionRequestSender(engine,
                new ConnectionRequester(random, (int) java.time.Duration.ofSeconds(connectionRequestTimeout).toMillis()),
                line -> System.out.println("acs: " + line));
        try (AcsServer acs = AcsServer.start(engine, tls.builder().clientAuth(clientAuth)
                .ticketProtector(org.layeredtls.handshake.session.TicketProtector.withDefaults()).build(),
                InetAddress.getByName(bind), port, path, null, line -> {
                    System.out.println("acs: " + line);
                    if (exitAfter > 0 && line.startsWith("session ended")) {
                        done.countDown();
                    }
                }, debugLog);
             AdminServer admin = adminPort < 0 ? null : startAdmin(new AdminApi(engine, wakeUp), random, debugLog)) {
            if (firmware != null) {
                acs.addFile("/firmware/" + firmware.getFileName(), Files.readAllBytes(firmware));
            }
            if (admin != null) {
                System.out.println("acs: admin API on " + admin.url() + " (token in " + stateDir.resolve(ADMIN_TOKEN_FILE) + ")");
            }
            System.out.println("acs: ready on https://" + bind + ":" + acs.getPort() + (path == null ? "/acs" : path)
                    + " (" + (path == null ? "any path, " : "") + "client auth " + clientAuth + ")");
            done.await(); // until the process is stopped, or --exit-after sessions have ended
        }
        return 0;
    }

    /** The admin API, its URL and token written where acs-admin looks for them. */
    private AdminServer startAdmin(AdminApi api, SecureRandomSource random,
                                   java.util.function.Consumer<String> debugLog) throws java.io.IOException {
        AdminToken token = adminTokenFile != null ? AdminToken.read(adminTokenFile) : AdminToken.generate(random);
        AdminServer admin = AdminServer.start(api, token, InetAddress.getByName(adminBind), adminPort, debugLog);
        token.write(stateDir.resolve(ADMIN_TOKEN_FILE));
        Files.writeString(stateDir.resolve(ADMIN_URL_FILE), admin.url() + "\n");
        return admin;
    }
}
