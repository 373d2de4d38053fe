package org.layeredtls.cwmp.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.layeredtls.crypto.SecureRandomSource;
import org.layeredtls.cwmp.cpe.CpeAgent;
import org.layeredtls.cwmp.cpe.DeviceIdentity;
import org.layeredtls.cwmp.http.CpeClient;
import org.layeredtls.cwmp.http.CpeDevice;
import org.layeredtls.cwmp.http.HttpCpeActions;
import org.layeredtls.cwmp.http.HttpFetcher;
import org.layeredtls.cwmp.model.DataModel;
import org.layeredtls.cwmp.model.DeviceModels;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.Pem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code layeredtls cpe}: the CPE as its own process. */
@Command(name = "cpe", mixinStandardHelpOptions = true,
        description = {"Runs a CPE: sessions to --acs-url over TLS with its certificate, then (unless --once) waits for"
                + " Connection Requests on --cr-port. The data model and pending events persist in --state-dir.",
                "Its DeviceId comes from the certificate's CN (else its first SAN dNSName), read as"
                + " OUI-ProductClass-SerialNumber or OUI-SerialNumber (hyphens after the second belong to the"
                + " SerialNumber); --oui, --product-class and --serial override single fields."})
final class CpeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TlsOptions tls;

    @Option(names = "--acs-url", required = true, description = "https://host:port/path of the ACS")
    URI acsUrl;

    @Option(names = "--state-dir", defaultValue = "cpe-state", description = "where the data model persists (default: ${DEFAULT-VALUE})")
    Path stateDir;

    @Option(names = "--oui", description = "ManufacturerOUI (default: from the certificate)")
    String oui;

    @Option(names = "--product-class", description = "ProductClass (default: from the certificate)")
    String productClass;

    @Option(names = "--serial", description = "SerialNumber (default: from the certificate)")
    String serial;

    @Option(names = "--cr-port", defaultValue = "0", description = "Connection Request port on 127.0.0.1, 0 = ephemeral (default: ${DEFAULT-VALUE})")
    int crPort;

    @Option(names = "--username", description = "HTTP user for an ACS that asks (default: none)")
    String username;

    @Option(names = "--password", description = "its password")
    String password;

    @Option(names = "--cr-username", description = "sets ManagementServer.ConnectionRequestUsername at start (the ACS"
            + " may change it; until both it and --cr-password are set, by this option or by the ACS, every Connection"
            + " Request gets 401)")
    String crUsername;

    @Option(names = "--cr-password",
            description = "sets ManagementServer.ConnectionRequestPassword at start (never readable by GetParameterValues)")
    String crPassword;

    @Option(names = "--once", description = "exit after the sessions for the pending events")
    boolean once;

    @Override
    public Integer call() throws Exception {
        DeviceIdentity identity = identity();
        Files.createDirectories(stateDir);
        TlsConfig config = tls.builder().build();
        HttpFetcher fetcher = new HttpFetcher(config, new SecureRandomSource(), 64L << 20);
        DataModel model = DeviceModels.defaultDevice("LayeredTLS", identity.oui(), identity.productClass(),
                identity.serialNumber());
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
            System.out.println("cpe: " + identity + ", Connection Request URL "
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

    /**
     * The DeviceId: read from the certificate's CN (else its first SAN dNSName) as {@link DeviceIdentity} says,
     * each field replaced by its option when given. A name that does not parse needs --oui and --serial.
     */
    private DeviceIdentity identity() throws IOException {
        Certificate leaf = Pem.readCertificates(tls.cert).get(0);
        Optional<String> certificateName = DeviceIdentity.nameOf(leaf);
        DeviceIdentity identity;
        try {
            identity = DeviceIdentity.parse(certificateName.orElseThrow(() -> new IllegalArgumentException(
                    "the certificate has no CN and no subjectAltName dNSName"))).with(oui, productClass, serial);
        } catch (IllegalArgumentException unparsed) {
            if (oui == null || serial == null) {
                throw new ParameterException(spec.commandLine(), "cannot take the device identity from " + tls.cert
                        + ": " + unparsed.getMessage() + "; give --oui and --serial (and --product-class)");
            }
            identity = new DeviceIdentity(oui, productClass, serial);
        }
        if (certificateName.isPresent() && !identity.isNamedBy(certificateName.get())) {
            System.err.println("cpe: warning: the certificate names \"" + certificateName.get() + "\", not " + identity
                    + ": an ACS that checks the identity (as layeredtls acs does) will refuse the Inform");
        }
        if (!identity.hasStandardOui()) {
            System.err.println("cpe: note: OUI \"" + identity.oui() + "\" is not six upper-case hexadecimal digits"
                    + " (TR-069); --oui sets another");
        }
        return identity;
    }
}
