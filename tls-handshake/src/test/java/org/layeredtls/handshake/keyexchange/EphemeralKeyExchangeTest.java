package org.layeredtls.handshake.keyexchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.message.ServerDhParams;
import org.layeredtls.handshake.message.ServerEcdhParams;
import org.junit.jupiter.api.function.Executable;

class EphemeralKeyExchangeTest {

    private static final HexFormat HEX = HexFormat.of();

    private static void assertAlert(AlertDescription expected, Executable action) {
        TlsAlertException e = assertThrows(TlsAlertException.class, action);
        assertEquals(expected, e.description(), e::getMessage);
        assertEquals(TlsLayer.HANDSHAKE, e.layer());
    }

    private static void assertIllegalParameter(Executable action) {
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, action);
    }

    @ParameterizedTest
    @EnumSource(value = NamedGroup.class, names = {"SECP256R1", "SECP384R1", "SECP521R1", "X25519"})
    void ecdheClientAndServerAgreeOnTheSamePremaster(NamedGroup group) throws Exception {
        RandomSource random = DeterministicRandomSource.fromLabel("ecdhe " + group);
        EcdheKeyExchange server = EcdheKeyExchange.generate(group, random);
        ServerEcdhParams params = server.serverParams();
        EcdheKeyExchange client = EcdheKeyExchange.forServerCurve(params.namedCurve(), List.of(group), random);
        byte[] clientPremaster = client.computePremaster(params.point());
        byte[] serverPremaster = server.computePremaster(client.publicValue());
        assertArrayEquals(clientPremaster, serverPremaster);
        int expected = group == NamedGroup.X25519 ? 32 : EcdheKeyExchange.curveOf(group).orElseThrow().fieldLength();
        assertEquals(expected, serverPremaster.length, "RFC 8422 §5.10: the x-coordinate at full field length");
        int pointLength = group == NamedGroup.X25519 ? 32 : 1 + 2 * expected;
        assertEquals(pointLength, server.publicValue().length);
        if (group != NamedGroup.X25519) {
            assertEquals(0x04, server.publicValue()[0], "uncompressed point");
        }
    }

    @Test
    void clientRefusesACurveItDidNotOffer() {
        RandomSource random = DeterministicRandomSource.fromLabel("curve");
        assertIllegalParameter(() -> EcdheKeyExchange.forServerCurve(NamedGroup.SECP384R1.code(),
                List.of(NamedGroup.SECP256R1, NamedGroup.X25519), random));
        assertIllegalParameter(() -> EcdheKeyExchange.forServerCurve(0x1234, List.of(NamedGroup.SECP256R1), random));
        assertIllegalParameter(() -> EcdheKeyExchange.forServerCurve(NamedGroup.FFDHE2048.code(),
                List.of(NamedGroup.FFDHE2048), random));
        assertIllegalParameter(() -> EcdheKeyExchange.forServerCurve(NamedGroup.X448.code(), List.of(NamedGroup.X448), random));
    }

    @ParameterizedTest
    @EnumSource(value = NamedGroup.class, names = {"SECP256R1", "SECP384R1"})
    void invalidEcPointsAreIllegalParameter(NamedGroup group) {
        RandomSource random = DeterministicRandomSource.fromLabel("points " + group);
        EcdheKeyExchange ours = EcdheKeyExchange.generate(group, random);
        byte[] good = EcdheKeyExchange.generate(group, random).publicValue();
        int n = (good.length - 1) / 2;
        byte[] offCurve = good.clone();
        offCurve[good.length - 1] ^= 0x01;
        byte[] compressed = new byte[1 + n];
        compressed[0] = (byte) (2 + (good[good.length - 1] & 1));
        System.arraycopy(good, 1, compressed, 1, n);
        byte[] infinity = {0x00};
        byte[] zeros = new byte[good.length];
        zeros[0] = 0x04; // (0, 0) is not on a NIST curve (b != 0)
        for (byte[] bad : List.of(offCurve, compressed, infinity, zeros, Arrays.copyOf(good, good.length - 1),
                Arrays.copyOf(good, good.length + 1), new byte[0])) {
            assertIllegalParameter(() -> ours.computePremaster(bad));
        }
        assertTrue(ours.toString().contains(group.rfcName()));
    }

    @Test
    void x25519LowOrderPointsGivingAnAllZeroSecretAreIllegalParameter() {
        EcdheKeyExchange ours = EcdheKeyExchange.generate(NamedGroup.X25519, DeterministicRandomSource.fromLabel("x"));
        byte[] one = new byte[32];
        one[0] = 1;
        // RFC 7748 §7 / libsodium's blacklist: points of order 1, 2, 4 and 8
        for (String lowOrder : List.of(
                "0000000000000000000000000000000000000000000000000000000000000000",
                "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
                "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")) {
            assertIllegalParameter(() -> ours.computePremaster(HEX.parseHex(lowOrder)));
        }
        assertIllegalParameter(() -> ours.computePremaster(one));
        assertIllegalParameter(() -> ours.computePremaster(new byte[31]));
        assertIllegalParameter(() -> ours.computePremaster(new byte[33]));
    }

    @ParameterizedTest
    @EnumSource(DhGroup.class)
    void dheClientAndServerAgreeOnTheSamePremasterWithLeadingZerosStripped(DhGroup group) throws Exception {
        RandomSource random = DeterministicRandomSource.fromLabel("dhe " + group);
        DheKeyExchange server = DheKeyExchange.generate(group, random);
        ServerDhParams params = server.serverParams();
        assertArrayEquals(DheKeyExchange.unsigned(group.p()), params.dhP());
        assertArrayEquals(new byte[] {2}, params.dhG());
        DheKeyExchange client = DheKeyExchange.forServerParams(params, DheKeyExchange.DEFAULT_MIN_BITS, random);
        byte[] clientPremaster = client.computePremaster(params.dhYs());
        byte[] serverPremaster = server.computePremaster(client.publicValue());
        assertArrayEquals(clientPremaster, serverPremaster);
        assertFalse(serverPremaster[0] == 0, "RFC 5246 §8.1.2: leading zero bytes stripped");
        assertFalse(client.publicValue()[0] == 0, "dh_Yc without a leading zero byte");
        BigInteger yc = new BigInteger(1, client.publicValue());
        assertTrue(yc.compareTo(BigInteger.ONE) > 0 && yc.compareTo(group.p().subtract(BigInteger.ONE)) < 0);
    }

    @Test
    void premasterWithALeadingZeroByteIsShortened() throws Exception {
        // find a handshake whose Z starts with a zero byte (1 in 256): the premaster is then 255 bytes
        for (int i = 0; i < 2000; i++) {
            RandomSource random = DeterministicRandomSource.fromLabel("leading zero " + i);
            DheKeyExchange server = DheKeyExchange.generate(DhGroup.FFDHE2048, random);
            DheKeyExchange client = DheKeyExchange.generate(DhGroup.FFDHE2048, random);
            byte[] premaster = server.computePremaster(client.publicValue());
            if (premaster.length < 256) {
                assertTrue(premaster[0] != 0);
                assertArrayEquals(premaster, client.computePremaster(server.publicValue()));
                return;
            }
        }
        throw new AssertionError("no Z with a leading zero byte in 2000 tries");
    }

    @Test
    void invalidDhPublicValuesAreIllegalParameter() {
        DheKeyExchange ours = DheKeyExchange.generate(DhGroup.FFDHE2048, DeterministicRandomSource.fromLabel("dh"));
        BigInteger p = DhGroup.FFDHE2048.p();
        for (BigInteger bad : List.of(BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p,
                p.add(BigInteger.ONE), BigInteger.TWO.pow(2048))) {
            assertIllegalParameter(() -> ours.computePremaster(bad.toByteArray()));
        }
        assertIllegalParameter(() -> ours.computePremaster(new byte[0]));
        assertIllegalParameter(() -> ours.computePremaster(new byte[256]));
    }

    @Test
    void clientChecksTheServersDhParameters() {
        RandomSource random = DeterministicRandomSource.fromLabel("params");
        BigInteger p = DhGroup.FFDHE2048.p();
        BigInteger two = BigInteger.TWO;
        assertIllegalParameter(() -> DheKeyExchange.forServerParams(p.subtract(BigInteger.ONE), two, 2048, random));
        assertIllegalParameter(() -> DheKeyExchange.forServerParams(BigInteger.ONE, two, 0, random));
        assertIllegalParameter(() -> DheKeyExchange.forServerParams(BigInteger.ZERO, two, 0, random));
        assertIllegalParameter(() -> DheKeyExchange.forServerParams(p, BigInteger.ONE, 2048, random));
        assertIllegalParameter(() -> DheKeyExchange.forServerParams(p, BigInteger.ZERO, 2048, random));
        assertIllegalParameter(() -> DheKeyExchange.forServerParams(p, p.subtract(BigInteger.ONE), 2048, random));
        assertIllegalParameter(() -> DheKeyExchange.forServerParams(p, p, 2048, random));
        assertIllegalParameter(() -> DheKeyExchange.forServerParams(
                BigInteger.ONE.shiftLeft(DheKeyExchange.MAX_BITS).add(BigInteger.ONE), two, 2048, random));
        // RFC 2409's 1024-bit Oakley group 2 (the Logjam-era default): too small for the default minimum
        BigInteger oakley2 = new BigInteger("FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74"
                + "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437"
                + "4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
                + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF", 16);
        assertAlert(AlertDescription.HANDSHAKE_FAILURE, () -> DheKeyExchange.forServerParams(oakley2, two, 2048, random));
        assertAlert(AlertDescription.HANDSHAKE_FAILURE,
                () -> DheKeyExchange.forServerParams(DhGroup.FFDHE2048.p(), two, 3072, random));
    }

    @Test
    void clientAcceptsASmallerGroupWhenConfiguredTo() throws Exception {
        BigInteger oakley2 = new BigInteger("FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74"
                + "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437"
                + "4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
                + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF", 16);
        RandomSource random = DeterministicRandomSource.fromLabel("oakley");
        DheKeyExchange a = DheKeyExchange.forServerParams(oakley2, BigInteger.TWO, 1024, random);
        DheKeyExchange b = DheKeyExchange.forServerParams(oakley2, BigInteger.TWO, 1024, random);
        assertArrayEquals(a.computePremaster(b.publicValue()), b.computePremaster(a.publicValue()));
    }

    @Test
    void deterministicRandomGivesReproducibleKeys() {
        byte[] a = EcdheKeyExchange.generate(NamedGroup.X25519, DeterministicRandomSource.fromLabel("same")).publicValue();
        byte[] b = EcdheKeyExchange.generate(NamedGroup.X25519, DeterministicRandomSource.fromLabel("same")).publicValue();
        byte[] c = EcdheKeyExchange.generate(NamedGroup.X25519, DeterministicRandomSource.fromLabel("other")).publicValue();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        byte[] d1 = DheKeyExchange.generate(DhGroup.FFDHE2048, DeterministicRandomSource.fromLabel("same")).publicValue();
        byte[] d2 = DheKeyExchange.generate(DhGroup.FFDHE2048, DeterministicRandomSource.fromLabel("same")).publicValue();
        assertArrayEquals(d1, d2);
    }
}
