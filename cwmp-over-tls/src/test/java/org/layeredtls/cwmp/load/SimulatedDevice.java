package org.layeredtls.cwmp.load;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.cwmp.acs.AcsEngine;
import org.layeredtls.cwmp.cpe.CpeActions;
import org.layeredtls.cwmp.cpe.CpeAgent;
import org.layeredtls.cwmp.cpe.FetchResult;
import org.layeredtls.cwmp.http.AcsServer;
import org.layeredtls.cwmp.http.CpeClient;
import org.layeredtls.cwmp.http.CpeDevice;
import org.layeredtls.cwmp.http.TestPki;
import org.layeredtls.cwmp.model.DataModel;
import org.layeredtls.cwmp.model.DeviceModels;
import org.layeredtls.cwmp.rpc.GetParameterValues;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;
import org.layeredtls.cwmp.rpc.SetParameterValues;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.cert.KeyAlgorithm;

/**
 * One device of the load test: its own client certificate (EC P-256, from the test CA: cheap to make by
 * the hundred), the project's real CPE (agent, data model, HTTPS client, Connection Request listener),
 * and the two tasks queued for it at the ACS: a GetParameterValues and a SetParameterValues of a value
 * that only this device gets, so that the CPE's model and the ACS's store can both be checked.
 */
final class SimulatedDevice implements Closeable {

    static final String OUI = "00D09E";
    static final String PRODUCT_CLASS = "LOAD";
    private static final String ROOT = DataModel.DEVICE;
    static final String READ = ROOT + "DeviceInfo.SoftwareVersion";
    static final String WRITTEN = ROOT + "DeviceInfo.ProvisioningCode";

    private final String serialNumber;
    private final IssuedCertificate certificate;
    private final CpeAgent agent;
    private String readTask;
    private String writeTask;
    private CpeDevice cpe;

    private SimulatedDevice(String serialNumber, IssuedCertificate certificate, CpeAgent agent) {
        this.serialNumber = serialNumber;
        this.certificate = certificate;
        this.agent = agent;
    }

    /** Device number {@code n}: {@code 00D09E-LOAD-<group><n>}, its certificate issued now. */
    static SimulatedDevice create(String group, int n) {
        String serial = group + String.format("%04d", n);
        String id = OUI + "-" + PRODUCT_CLASS + "-" + serial;
        Instant now = Instant.now();
        IssuedCertificate certificate = TestPki.CA.issueClient(id, KeyAlgorithm.EC_P256, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)));
        DataModel model = DeviceModels.defaultDevice("LayeredTLS", OUI, PRODUCT_CLASS, serial);
        return new SimulatedDevice(serial, certificate, new CpeAgent(model, null, Clock.systemUTC(), NO_ACTIONS));
    }

    /** The ACS's name of the device, which its certificate's CN carries: OUI-ProductClass-SerialNumber. */
    String id() {
        return OUI + "-" + PRODUCT_CLASS + "-" + serialNumber;
    }

    /** The value the SetParameterValues task writes, unique to this device. */
    String provisioningCode() {
        return "load-" + serialNumber;
    }

    /** The ParameterKey of that SetParameterValues. */
    String parameterKey() {
        return "key-" + serialNumber;
    }

    String readTask() {
        return readTask;
    }

    String writeTask() {
        return writeTask;
    }

    TlsConfig tls() {
        return TestPki.cpeTls(certificate);
    }

    CpeAgent agent() {
        return agent;
    }

    /** Queues this device's two tasks through the ACS's task API (as {@code acs-admin get/set} do). */
    void queueTasks(AcsEngine engine) {
        readTask = engine.enqueue(id(), new GetParameterValues(List.of(READ)));
        writeTask = engine.enqueue(id(), new SetParameterValues(
                List.of(ParameterValueStruct.ofString(WRITTEN, provisioningCode())), parameterKey()));
    }

    /** Starts the real CPE towards {@code acs} (its Connection Request listener on loopback too); no session yet. */
    void start(AcsServer acs) throws IOException {
        CpeClient client = new CpeClient(acs.url("localhost"), tls(), null, null,
                DeterministicRandomSource.fromLabel("load digest " + serialNumber));
        cpe = CpeDevice.start(agent, client, InetAddress.getLoopbackAddress(), 0,
                DeterministicRandomSource.fromLabel("load cr " + serialNumber), Clock.systemUTC(), null,
                Duration.ofMillis(50), 1);
    }

    /** Runs one whole CWMP session (bounded); true when it reached the ACS's 204. */
    boolean runSession(Duration bound) throws IOException {
        return cpe.runOneSession(bound);
    }

    /** Why the last session failed, for the failure message. */
    String lastFailure() {
        return cpe == null || cpe.lastFailure() == null ? "none" : cpe.lastFailure().toString();
    }

    @Override
    public void close() throws IOException {
        if (cpe != null) {
            cpe.close();
        }
    }

    private static final CpeActions NO_ACTIONS = new CpeActions() {
        @Override
        public FetchResult download(String url, String username, String password, long expectedSize)
                throws IOException {
            throw new IOException("the load test queues no Download");
        }

        @Override
        public void reboot() {
            throw new IllegalStateException("the load test queues no Reboot");
        }
    };
}
