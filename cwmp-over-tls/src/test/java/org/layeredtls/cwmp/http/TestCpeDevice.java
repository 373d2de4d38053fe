package org.layeredtls.cwmp.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.cwmp.cpe.CpeAgent;
import org.layeredtls.cwmp.model.DataModel;
import org.layeredtls.cwmp.model.DeviceModels;
import org.layeredtls.handshake.cert.IssuedCertificate;

/**
 * The tests' CPE: a {@link CpeDevice} over a state file, with its Connection Request listener on 127.0.0.1,
 * talking to an ACS with a certificate of {@link TestPki}'s CA.
 */
final class TestCpeDevice {

    /** The size limit of a file the CPE downloads. */
    private static final int MAX_DOWNLOAD_BYTES = 1 << 20;

    private TestCpeDevice() {
    }

    /** A fresh device's data model (manufacturer LayeredTLS, OUI 00D09E, product class IGD, serial SN0001). */
    static DataModel defaultModel() {
        return DeviceModels.defaultDevice("LayeredTLS", "00D09E", "IGD", "SN0001");
    }

    /**
     * Starts the device with {@code model} (or what {@code stateFile} restores), as {@code certificate}, for the ACS
     * at {@code acsUrl}; {@code onReboot} (null: nothing) runs when the ACS reboots it.
     */
    static CpeDevice start(DataModel model, Path stateFile, URI acsUrl, IssuedCertificate certificate, Runnable onReboot)
            throws IOException {
        var tls = TestPki.cpeTls(certificate);
        var fetcher = new HttpFetcher(tls, DeterministicRandomSource.fromLabel("f"), MAX_DOWNLOAD_BYTES);
        CpeAgent agent = new CpeAgent(model, stateFile, Clock.systemUTC(), new HttpCpeActions(fetcher, onReboot, null));
        CpeClient client = new CpeClient(acsUrl, tls, null, null, DeterministicRandomSource.fromLabel("cpe"));
        return CpeDevice.start(agent, client, InetAddress.getLoopbackAddress(), 0, DeterministicRandomSource.fromLabel("cr"),
                Clock.systemUTC(), null, Duration.ofMillis(50), 2);
    }
}
