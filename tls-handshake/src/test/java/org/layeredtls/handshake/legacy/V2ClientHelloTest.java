package org.layeredtls.handshake.legacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.V2ClientHello;
import org.layeredtls.record.ProtocolVersion;

/** The V2ClientHello codec and the ClientHello it stands for (RFC 5246 Appendix E.2). */
class V2ClientHelloTest {

    private static final HexFormat HEX = HexFormat.of();

    // A V2 hello as a TLS 1.2 client of old would send it: two TLS suites, one SSL 2.0 kind, a 16-byte challenge.
    private static final String MESSAGE = "01" + "0303" + "0009" + "0000" + "0010"
            + "00002f" + "010080" + "0000ff" + "" + "000102030405060708090a0b0c0d0e0f";

    @Test
    void decodesTheFieldsAndEncodesTheSameBytes() throws TlsAlertException {
        byte[] message = HEX.parseHex(MESSAGE);
        V2ClientHello hello = V2ClientHello.decode(message);
        assertEquals(ProtocolVersion.TLS1_2, hello.version());
        assertEquals(List.of(0x00002F, 0x010080, 0x0000FF), hello.cipherSpecs());
        assertArrayEquals(new byte[0], hello.sessionId());
        assertArrayEquals(V2Hellos.bytes(0, 16), hello.challenge());
        assertArrayEquals(message, hello.encode());
        assertEquals("8022" + MESSAGE, HEX.formatHex(hello.encodeRecord()), "the 2-byte header: high bit and length 34");
    }

    @Test
    void standsForAClientHelloWithTheTlsSuitesAndTheChallengeRightAlignedInTheRandom() throws TlsAlertException {
        ClientHello hello = V2ClientHello.decode(HEX.parseHex(MESSAGE)).toClientHello();
        assertEquals(ProtocolVersion.TLS1_2, hello.clientVersion());
        assertEquals(List.of(0x002F, 0x00FF), hello.cipherSuites(), "{0x00,x,y} is {x,y}; SSL 2.0 kinds are left out");
        byte[] random = new byte[32];
        System.arraycopy(V2Hellos.bytes(0, 16), 0, random, 16, 16); // "leading (note: not trailing) zero bytes"
        assertArrayEquals(random, hello.random());
        assertArrayEquals(new byte[0], hello.sessionId());
        assertEquals(List.of(0), hello.compressionMethods());
        assertEquals(Optional.empty(), hello.extensions());
    }

    @Test
    void aThirtyTwoByteChallengeIsTheRandomItself() throws TlsAlertException {
        byte[] challenge = V2Hellos.bytes(0x20, 32);
        V2ClientHello v2 = new V2ClientHello(ProtocolVersion.TLS1_0, List.of(0x2F), new byte[0], challenge);
        assertArrayEquals(challenge, v2.toClientHello().random());
    }

    @Test
    void aSessionIdIsKeptInTheMessageButNeverOfferedForResumption() throws TlsAlertException {
        V2ClientHello v2 = new V2ClientHello(ProtocolVersion.TLS1_0, List.of(0x2F), V2Hellos.bytes(9, 16), V2Hellos.bytes(0, 16));
        assertArrayEquals(V2Hellos.bytes(9, 16), V2ClientHello.decode(v2.encode()).sessionId());
        assertArrayEquals(new byte[0], v2.toClientHello().sessionId());
    }

    @Test
    void onlySsl2CipherKindsLeaveNothingToAgreeOn() {
        V2ClientHello v2 = new V2ClientHello(ProtocolVersion.TLS1_2, List.of(0x010080, 0x0700C0), new byte[0], V2Hellos.bytes(0, 16));
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, assertThrows(TlsAlertException.class, v2::toClientHello).description());
    }

    private static AlertDescription alertFor(byte[] record) {
        byte[] message = Arrays.copyOfRange(record, 2, record.length);
        return assertThrows(TlsAlertException.class, () -> V2ClientHello.decode(message)).description();
    }

    @Test
    void refusesWhatOpenSslRefusesWithTheSameAlert() {
        for (V2Hellos.Case malformed : V2Hellos.malformed()) {
            if (malformed.bytes().length < 2 + V2ClientHello.FIXED_LENGTH
                    || malformed.openSslAlert().equals(AlertDescription.RECORD_OVERFLOW)
                    || malformed.openSslAlert().equals(AlertDescription.HANDSHAKE_FAILURE)) {
                continue; // the record layer's checks, and the conversion's: tested there
            }
            assertEquals(malformed.openSslAlert(), alertFor(malformed.bytes()), malformed.name());
        }
    }

    @Test
    void refusesAChallengeOutside16To32Bytes() {
        for (int length : new int[] {0, 1, 15, 33, 64}) {
            byte[] record = V2Hellos.raw(0x0303, V2Hellos.specs(0x2F), new byte[0], new byte[length]);
            assertEquals(AlertDescription.ILLEGAL_PARAMETER, alertFor(record), "challenge of " + length);
        }
    }

    @Test
    void refusesAMessageThatIsNotAClientHello() {
        byte[] message = HEX.parseHex(MESSAGE);
        message[0] = 2;
        assertEquals(AlertDescription.DECODE_ERROR,
                assertThrows(TlsAlertException.class, () -> V2ClientHello.decode(message)).description());
    }

    @Provide
    Arbitrary<V2ClientHello> hellos() {
        Arbitrary<ProtocolVersion> versions = Arbitraries.integers().between(0, 3).map(minor -> new ProtocolVersion(3, minor));
        Arbitrary<List<Integer>> specs = Arbitraries.integers().between(0, 0xFFFFFF).list().ofMinSize(1).ofMaxSize(40);
        Arbitrary<byte[]> sessionIds = Arbitraries.bytes().array(byte[].class).ofMaxSize(32);
        Arbitrary<byte[]> challenges = Arbitraries.bytes().array(byte[].class).ofMinSize(16).ofMaxSize(32);
        return Combinators.combine(versions, specs, sessionIds, challenges).as(V2ClientHello::new);
    }

    @Property(tries = 300)
    void decodeIsTheInverseOfEncode(@ForAll("hellos") V2ClientHello hello) throws TlsAlertException {
        assertEquals(hello, V2ClientHello.decode(hello.encode()));
    }

    @Property(tries = 300)
    void theRandomEndsWithTheChallenge(@ForAll("hellos") V2ClientHello hello) throws TlsAlertException {
        if (hello.tlsCipherSuites().isEmpty()) {
            return;
        }
        byte[] random = hello.toClientHello().random();
        byte[] challenge = hello.challenge();
        assertArrayEquals(challenge, Arrays.copyOfRange(random, 32 - challenge.length, 32));
        assertArrayEquals(new byte[32 - challenge.length], Arrays.copyOf(random, 32 - challenge.length));
    }

    @Property(tries = 1000)
    void junkRaisesOnlyAlerts(@ForAll @Size(max = 80) byte[] junk) {
        List<byte[]> inputs = new ArrayList<>(List.of(junk));
        if (junk.length > 0) {
            byte[] typed = junk.clone();
            typed[0] = 1; // past the msg_type check
            inputs.add(typed);
        }
        for (byte[] input : inputs) {
            try {
                V2ClientHello.decode(input).toClientHello();
            } catch (TlsAlertException expected) { // the only exception a parser may throw
                assertEquals(TlsLayer.HANDSHAKE, expected.layer());
            }
        }
    }
}
