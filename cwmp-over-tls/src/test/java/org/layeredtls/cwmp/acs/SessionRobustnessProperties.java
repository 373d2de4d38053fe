package org.layeredtls.cwmp.acs;

import java.time.Instant;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.layeredtls.cwmp.cpe.CpeAgent;
import org.layeredtls.cwmp.cpe.CpeSession;
import org.layeredtls.cwmp.model.DeviceModels;
import org.layeredtls.cwmp.rpc.GetParameterValues;
import org.layeredtls.cwmp.rpc.InformResponse;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.Fixtures;
import org.layeredtls.cwmp.soap.Namespaces;
import org.layeredtls.cwmp.soap.SoapEnvelope;

/** Whatever a peer sends, the session state machines fail only with {@link CwmpException}. */
class SessionRobustnessProperties {
    static final byte[] INFORM = Fixtures.load("inform-genieacs-style.xml");
    static final byte[] GPV = SoapEnvelope.of(Namespaces.CWMP_1_0, "a",
            new GetParameterValues(java.util.List.of("Device.DeviceInfo.", "Device.X")).encode()).encode();

    @Property(tries = 300)
    void acsSessionFailsOnlyWithCwmpException(@ForAll("mutatedInforms") byte[] body) {
        AcsSession s = new AcsEngine(new InMemoryDeviceStore(), new MutableClock(Instant.EPOCH)).newSession(null);
        try {
            s.onPost(body);
            s.onPost(new byte[0]);
        } catch (CwmpException expected) {
            // refused: fine
        }
    }

    @Property(tries = 300)
    void cpeSessionFailsOnlyWithCwmpException(@ForAll("mutatedRequests") byte[] body,
                                              @ForAll("statuses") int status) {
        CpeAgent agent = new CpeAgent(DeviceModels.defaultDevice("M", "00D09E", "PC", "SN"), null,
                new MutableClock(Instant.EPOCH), null);
        CpeSession s = agent.openSession();
        s.firstRequest();
        try {
            s.onResponse(200, SoapEnvelope.of(Namespaces.CWMP_1_0, "cpe-1", new InformResponse(1).encode())
                    .encode());
            s.onResponse(status, body);
        } catch (CwmpException expected) {
            // refused: fine
        }
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.of(200, 204, 401, 500);
    }

    @Provide
    Arbitrary<byte[]> mutatedInforms() {
        return mutate(INFORM);
    }

    @Provide
    Arbitrary<byte[]> mutatedRequests() {
        return mutate(GPV);
    }

    private static Arbitrary<byte[]> mutate(byte[] base) {
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, base.length)
                .map(n -> Arrays.copyOf(base, n));
        Arbitrary<byte[]> flipped = Arbitraries.integers().between(0, base.length - 1)
                .flatMap(i -> Arbitraries.bytes().map(b -> {
                    byte[] c = base.clone();
                    c[i] = b;
                    return c;
                }));
        // Replace a character of the text with one that changes names and numbers rather than XML syntax.
        Arbitrary<byte[]> letters = Arbitraries.integers().between(0, base.length - 1)
                .flatMap(i -> Arbitraries.of((byte) 'x', (byte) '9', (byte) '-', (byte) ' ').map(b -> {
                    byte[] c = base.clone();
                    c[i] = b;
                    return c;
                }));
        return Arbitraries.oneOf(truncated, flipped, letters);
    }
}
