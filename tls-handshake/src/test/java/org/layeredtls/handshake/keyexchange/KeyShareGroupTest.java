package org.layeredtls.handshake.keyexchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.handshake.extension.NamedGroup;

class KeyShareGroupTest {

    private static final RandomSource RANDOM = DeterministicRandomSource.fromLabel("key share groups");

    private static KeyShareGroup group(NamedGroup name) {
        return KeyShareGroup.of(name).orElseThrow();
    }

    static void assertIllegalParameter(Executable action) {
        TlsAlertException e = assertThrows(TlsAlertException.class, action);
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.description(), e::getMessage);
        assertEquals(TlsLayer.HANDSHAKE, e.layer());
    }

    @Test
    void ofKnowsTheGroupsOfTheContractAndNoOthers() {
        for (NamedGroup name : new NamedGroup[] {NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1,
                NamedGroup.SECP521R1, NamedGroup.FFDHE2048, NamedGroup.FFDHE3072, NamedGroup.X25519MLKEM768}) {
            assertEquals(name, group(name).group());
        }
        assertTrue(KeyShareGroup.of(NamedGroup.X448).isEmpty());
        assertTrue(KeyShareGroup.of(NamedGroup.FFDHE4096).isEmpty());
    }

    @ParameterizedTest(name = "{0}: client share {1} bytes, server share {2} bytes, secret {3} bytes")
    @CsvSource({
        "X25519, 32, 32, 32",
        "SECP256R1, 65, 65, 32",
        "SECP384R1, 97, 97, 48",
        "SECP521R1, 133, 133, 66",
        "FFDHE2048, 256, 256, 256",
        "FFDHE3072, 384, 384, 384",
        "X25519MLKEM768, 1216, 1120, 64",
    })
    void clientAndServerAgreeOnTheSharedSecret(NamedGroup name, int clientShareLength, int serverShareLength,
                                                int secretLength) throws TlsAlertException {
        KeyShareGroup group = group(name);
        ClientKeyShare client = group.generate(RANDOM);
        assertEquals(clientShareLength, client.publicShare().length);
        ServerKeyShare server = group.respond(client.publicShare(), RANDOM);
        assertEquals(serverShareLength, server.publicShare().length);
        assertEquals(secretLength, server.sharedSecret().length);
        assertArrayEquals(server.sharedSecret(), client.sharedSecret(server.publicShare()));
    }

    @ParameterizedTest
    @EnumSource(value = NamedGroup.class, names = {"X25519", "SECP256R1", "SECP384R1", "FFDHE2048", "FFDHE3072", "X25519MLKEM768"})
    void eachHandshakeGetsFreshShares(NamedGroup name) throws TlsAlertException {
        KeyShareGroup group = group(name);
        ClientKeyShare first = group.generate(RANDOM);
        ClientKeyShare second = group.generate(RANDOM);
        assertFalse(Arrays.equals(first.publicShare(), second.publicShare()));
        ServerKeyShare one = group.respond(first.publicShare(), RANDOM);
        ServerKeyShare other = group.respond(first.publicShare(), RANDOM);
        assertFalse(Arrays.equals(one.sharedSecret(), other.sharedSecret()));
    }

    @ParameterizedTest
    @EnumSource(value = NamedGroup.class, names = {"X25519", "SECP256R1", "SECP384R1", "FFDHE2048", "FFDHE3072", "X25519MLKEM768"})
    void aShareOfTheWrongLengthIsAnIllegalParameter(NamedGroup name) throws TlsAlertException {
        KeyShareGroup group = group(name);
        ClientKeyShare client = group.generate(RANDOM);
        byte[] clientShare = client.publicShare();
        byte[] serverShare = group.respond(clientShare, RANDOM).publicShare();
        assertIllegalParameter(() -> group.respond(Arrays.copyOf(clientShare, clientShare.length - 1), RANDOM));
        assertIllegalParameter(() -> group.respond(Arrays.copyOf(clientShare, clientShare.length + 1), RANDOM));
        assertIllegalParameter(() -> group.respond(new byte[0], RANDOM));
        assertIllegalParameter(() -> client.sharedSecret(Arrays.copyOf(serverShare, serverShare.length - 1)));
        assertIllegalParameter(() -> client.sharedSecret(Arrays.copyOf(serverShare, serverShare.length + 1)));
        assertIllegalParameter(() -> client.sharedSecret(new byte[0]));
    }

    @ParameterizedTest
    @EnumSource(value = NamedGroup.class, names = {"SECP256R1", "SECP384R1"})
    void aPointOffTheCurveIsAnIllegalParameter(NamedGroup name) throws TlsAlertException {
        KeyShareGroup group = group(name);
        ClientKeyShare client = group.generate(RANDOM);
        byte[] offCurve = client.publicShare();
        offCurve[offCurve.length - 1] ^= 1; // y changed: (x, y') is not on the curve
        assertIllegalParameter(() -> group.respond(offCurve, RANDOM));
        assertIllegalParameter(() -> client.sharedSecret(offCurve));
        byte[] compressed = Arrays.copyOf(client.publicShare(), 1 + (offCurve.length - 1) / 2);
        compressed[0] = 0x02;
        assertIllegalParameter(() -> group.respond(compressed, RANDOM)); // RFC 8446 §4.2.8.2: uncompressed only
        byte[] infinity = new byte[offCurve.length];
        infinity[0] = 0x04;
        assertIllegalParameter(() -> group.respond(infinity, RANDOM));
    }

    @Test
    void anX25519ShareGivingTheAllZeroSecretIsAnIllegalParameter() throws TlsAlertException {
        KeyShareGroup group = group(NamedGroup.X25519);
        ClientKeyShare client = group.generate(RANDOM);
        // RFC 7748 §6.1 / RFC 8446 §7.4.2: u = 0 and u = 1 are of small order, X25519 gives all zeros
        byte[] zero = new byte[32];
        byte[] one = new byte[32];
        one[0] = 1;
        for (byte[] lowOrder : new byte[][] {zero, one}) {
            assertIllegalParameter(() -> group.respond(lowOrder, RANDOM));
            assertIllegalParameter(() -> client.sharedSecret(lowOrder));
        }
    }

    @ParameterizedTest
    @EnumSource(value = NamedGroup.class, names = {"FFDHE2048", "FFDHE3072"})
    void aDiffieHellmanValueOutside1AndPMinus1IsAnIllegalParameter(NamedGroup name) throws TlsAlertException {
        FfdheKeyShareGroup group = (FfdheKeyShareGroup) group(name);
        ClientKeyShare client = group.generate(RANDOM);
        BigInteger p = DhGroup.valueOf(name.name()).p();
        // RFC 7919 §5.1: 1 < Y < p-1
        for (BigInteger y : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p,
                BigInteger.ONE.shiftLeft(group.primeLength() * 8).subtract(BigInteger.ONE)}) {
            byte[] share = padded(y, group.primeLength());
            assertIllegalParameter(() -> group.respond(share, RANDOM));
            assertIllegalParameter(() -> client.sharedSecret(share));
        }
    }

    @Test
    void ffdheSharesAndSecretsKeepTheirLeadingZeros() throws TlsAlertException {
        // RFC 8446 §4.2.8.1 and §7.4.1: padded to the size of p, unlike TLS 1.2's stripped Z
        FfdheKeyShareGroup group = (FfdheKeyShareGroup) group(NamedGroup.FFDHE2048);
        ClientKeyShare client = group.generate(RANDOM);
        byte[] smallY = padded(BigInteger.TWO, group.primeLength()); // the generator: 255 zero bytes, then 02
        ServerKeyShare server = group.respond(smallY, RANDOM);
        assertEquals(256, server.sharedSecret().length);
        assertEquals(256, client.sharedSecret(server.publicShare()).length);
    }

    @Test
    void theServerKeyShareNeverShowsItsSecret() {
        ServerKeyShare share = new ServerKeyShare(new byte[] {1, 2}, new byte[] {0x5e, 0x5e});
        assertFalse(share.toString().contains("5e"));
        byte[] secret = share.sharedSecret();
        secret[0] = 0;
        assertEquals(0x5e, share.sharedSecret()[0], "the record hands out copies");
    }

    static byte[] padded(BigInteger value, int length) {
        byte[] unsigned = value.toByteArray();
        int skip = unsigned.length > length ? unsigned.length - length : 0;
        byte[] out = new byte[length];
        System.arraycopy(unsigned, skip, out, length - (unsigned.length - skip), unsigned.length - skip);
        return out;
    }
}
