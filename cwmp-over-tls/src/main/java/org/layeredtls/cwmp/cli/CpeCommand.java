package org.layeredtls.cwmp.cli;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.layeredtls.crypto.SecureRandomSource;
import org.layeredtls.cwmp.cpe.CpeAgent;
import org.layeredtls.cwmp.http.CpeClient;
import org.layeredtls.cwmp.http.CpeDevice;
import org.layeredtls.cwmp.http.HttpCpeActions;
import org.layeredtls.cwmp.http.HttpFetcher;
import org.layeredtls.cwmp.model.DataModel;
import org.layeredtls.cwmp.model.DeviceModels;
import org.layeredtls.handshake.api.TlsConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code layeredtls cpe}: the CPE as its own process. */
@Command(name = "cpe", mixinStandardHelpOptions = true,
        description = {"Runs a CPE: sessions to --acs-url over TLS with its certificate, then (unless --once) waits for",
                "Connection Requests on --cr-port. The data model and pending events persist in --state-dir."})
final class CpeCommand implements Callable<Integer> {

    @Mixin
    TlsOptions tls;

    @Option(names = "--acs-url", required = true, description = "https://host:port/path of the ACS")
    URI acsUrl;

    @Option(names = "--state-dir", defaultValue = "cpe-state", description = "where the data model persists (default: ${DEFAULT-VALUE})")
    Path stateDir;

    @Option(names = "--oui", defaultValue = "00D09E", description = "ManufacturerOUI (default: ${DEFAULT-VALUE})")
    String oui;

    @Option(names = "--product-class", defaultValue = "IGD", description = "ProductClass (default: ${DEFAULT-VALUE})")
    String productClass;

    @Option(names = "--serial", defaultValue = "LTLS0001", description = "SerialNumber (default: ${DEFAULT-VALUE})")
    String serial;

    @Option(names = "--cr-port", defaultValue = "0", description = "Connection Request port on 127.0.0.1, 0 = ephemeral (default: ${DEFAULT-VALUE})")
    int crPort;

    @Option(names = "--username", description = "HTTP user for an ACS that asks (default: none)")
    String username;

    @Option(names = "--password", description = "its password")
    String password;

    @Option(names = "--cr-username", description = "sets ManagementServer.ConnectionRequestUsername at start (the ACS may change it;"
            + " until both it and --cr-password are set, by this option or by the ACS, every Connection Request gets 401)")
    String crUsername;

    @Option(names = "--cr-password", description = "sets ManagementServer.ConnectionRequestPassword at start (never readable by GetParameterValues)")
    String crPassword;

    @Option(names = "--once", description = "exit after the sessions for the pending events")
    boolean once;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(stateDir);
        TlsConfig config = tls.builder().build();
        HttpFetcher fetcher = new HttpFetcher(config, new SecureRandomSource(), 64L << 20);
        DataModel model = DeviceModels.defaultDevice("LayeredTLS", oui, productClass, serial);
        CpeAgent agent = new CpeAgent(model, stateDir.resolve("cpe.state"), Clock.systemUTC(),
                new HttpCpeActions(fetcher, null, line -> System.out.println("cpe: " + line)));
        if (crUsername != null) {
            agent.configure("ManagementServer.ConnectionRequestUsername", crUsername);
        }
        if (crPassword != null) {
            agent.configure("ManagementServer.ConnectionRequestPassword", crPassword);
        }
        CpeClient client = new CpeClient(acsUrl, config, username, password, new SecureRandomSource());
        try (CpeDevice cpe = CpeDevice.start(agent, client, InetAddress.getLoopbackAddress(), crPort,
                new SecureRandomSource(), Clock.systemUTC(), line -> System.out.println("cpe: " + line),
                Duration.ofSeconds(30), 5)) {
            System.out.println("cpe: " + oui + "-" + productClass + "-" + serial + ", Connection Request URL "
                    + cpe.connectionRequestUrl());
            boolean ok = cpe.runSessions(Duration.ofMinutes(5));
            cpe.sessionLogs().forEach(line -> System.out.println("cpe: " + line));
            System.out.println("cpe: sessions " + (ok ? "done" : "FAILED") + " (" + cpe.sessionsCompleted() + " completed)");
            if (once) {
                return ok ? 0 : 1;
            }
            new CountDownLatch(1).await(); // Connection Requests run sessions until the process is stopped
        }
        return 0;
    }
}
