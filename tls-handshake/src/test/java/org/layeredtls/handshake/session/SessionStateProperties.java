package org.layeredtls.handshake.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ProtocolVersion;

class SessionStateProperties {

    @Property(tries = 300)
    void decodeInvertsEncode(@ForAll("sessions") SessionState session) throws TlsAlertException {
        SessionState decoded = SessionState.decode(session.encode());
        assertEquals(session, decoded);
        assertArrayEquals(session.masterSecret(), decoded.masterSecret());
    }

    @Property(tries = 300)
    void encodeInvertsDecodeForValidBytes(@ForAll("sessions") SessionState session) throws TlsAlertException {
        byte[] encoded = session.encode();
        assertArrayEquals(encoded, SessionState.decode(encoded).encode());
    }

    @Property
    void randomBytesRaiseNothingButTlsAlertException(@ForAll byte[] garbage) {
        decodeExpectingOnlyAlerts(garbage);
    }

    @Property
    void garbageBehindAValidFormatByteRaisesNothingButTlsAlertException(@ForAll byte[] garbage) {
        byte[] bytes = new byte[garbage.length + 1];
        bytes[0] = (byte) SessionState.FORMAT;
        System.arraycopy(garbage, 0, bytes, 1, garbage.length);
        decodeExpectingOnlyAlerts(bytes);
    }

    @Property(tries = 500)
    void mutatedOrTruncatedEncodingsRaiseNothingButTlsAlertException(@ForAll("sessions") SessionState session,
            @ForAll int position, @ForAll byte value, @ForAll boolean truncate) {
        byte[] encoded = session.encode();
        int at = Math.floorMod(position, encoded.length);
        byte[] mutated = truncate ? Arrays.copyOf(encoded, at) : encoded.clone();
        if (!truncate) {
            mutated[at] = value;
        }
        decodeExpectingOnlyAlerts(mutated);
    }

    private static void decodeExpectingOnlyAlerts(byte[] bytes) {
        try {
            SessionState.decode(bytes);
        } catch (TlsAlertException expected) {
            // the only failure allowed
        }
    }

    @Provide
    Arbitrary<SessionState> sessions() {
        Arbitrary<byte[]> ids = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(32);
        Arbitrary<ProtocolVersion> versions = Arbitraries.of(ProtocolVersion.SSL3_0, ProtocolVersion.TLS1_0,
                ProtocolVersion.TLS1_1, ProtocolVersion.TLS1_2);
        Arbitrary<CipherSuite> suites = Arbitraries.of(Arrays.stream(CipherSuite.values())
                .filter(s -> !s.isSignalling()).toList());
        Arbitrary<CompressionMethod> compressions = Arbitraries.of(CompressionMethod.class);
        Arbitrary<byte[]> secrets = Arbitraries.bytes().array(byte[].class).ofSize(48);
        Arbitrary<List<org.layeredtls.handshake.cert.Certificate>> chains = Arbitraries.of(
                List.of(), Sessions.CHAIN.subList(0, 1), Sessions.CHAIN, List.of(Sessions.CHAIN.get(1)));
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').withChars('.', '-', 'é', '日')
                .ofMinLength(1).ofMaxLength(64).injectNull(0.3);
        Arbitrary<String> protocols = Arbitraries.of("http/1.1", "h2", "cwmp", "x").injectNull(0.4);
        Arbitrary<Instant> times = Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L)
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
        Arbitrary<Duration> lifetimes = Arbitraries.longs().between(0, Long.MAX_VALUE / 2)
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Duration.ofSeconds(s, n)));
        return Combinators.combine(ids, versions, suites, compressions, secrets, Arbitraries.of(true, false), chains,
                names).flatAs((id, version, suite, compression, secret, ems, chain, name) ->
                Combinators.combine(protocols, times, lifetimes).as((alpn, created, lifetime) ->
                        new SessionState(id, version, suite, compression, secret, ems, chain, name, alpn, created,
                                lifetime)));
    }
}
