package org.layeredtls.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Known answers and peer-value validation of the key-agreement seam. */
class KeyAgreementTest {

    private static final KeyAgreement AGREEMENT = KeyAgreement.defaultImplementation();
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    @Test
    void x25519MatchesRfc7748Section61() throws Exception {
        byte[] alice = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bob = hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        assertArrayEquals(hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"), AGREEMENT.x25519PublicKey(alice));
        assertArrayEquals(hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"), AGREEMENT.x25519PublicKey(bob));
        byte[] shared = hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        assertArrayEquals(shared, AGREEMENT.x25519(alice, AGREEMENT.x25519PublicKey(bob)));
        assertArrayEquals(shared, AGREEMENT.x25519(bob, AGREEMENT.x25519PublicKey(alice)));
    }

    @Test
    void ecdhP256MatchesRfc5903Section81() throws Exception {
        EcPrivateKey i = new EcPrivateKey(NamedCurve.SECP256R1,
                new BigInteger(1, hex("C88F01F5 10D9AC3F 70A292DA A2316DE5 44E9AAB8 AFE84049 C62A9C57 862D1433")));
        EcPrivateKey r = new EcPrivateKey(NamedCurve.SECP256R1,
                new BigInteger(1, hex("C6EF9C5D 78AE012A 011164AC B397CE20 88685D8F 06BF9BE0 B283AB46 476BEE53")));
        byte[] gi = hex("04 DAD0B653 94221CF9 B051E1FE CA5787D0 98DFE637 FC90B9EF 945D0C37 72581180"
                + "5271A046 1CDB8252 D61F1C45 6FA3E59A B1F45B33 ACCF5F58 389E0577 B8990BB3");
        byte[] gr = hex("04 D12DFB52 89C8D4F8 1208B702 70398C34 2296970A 0BCCB74C 736FC755 4494BF63"
                + "56FBF3CA 366CC23E 8157854C 13C58D6A AC23F046 ADA30F83 53E74F33 039872AB");
        PublicKeyCrypto pk = PublicKeyCrypto.defaultImplementation();
        assertArrayEquals(gi, ((EcPublicKey) pk.publicKeyOf(i)).encodedPoint());
        assertArrayEquals(gr, ((EcPublicKey) pk.publicKeyOf(r)).encodedPoint());
        byte[] girx = hex("D6840F6B 42F6EDAF D13116E0 E1256520 2FEF8E9E CE7DCE03 812464D0 4B9442DE");
        assertArrayEquals(girx, AGREEMENT.ecdh(i, gr));
        assertArrayEquals(girx, AGREEMENT.ecdh(r, gi));
    }

    @ParameterizedTest
    @EnumSource(NamedCurve.class)
    void ecdhKeyPairsAgreeOnAFieldLengthSecret(NamedCurve curve) throws Exception {
        RandomSource random = DeterministicRandomSource.fromLabel("ecdh " + curve);
        KeyPair a = AGREEMENT.generateEcKeyPair(curve, random);
        KeyPair b = AGREEMENT.generateEcKeyPair(curve, random);
        byte[] ab = AGREEMENT.ecdh((EcPrivateKey) a.privateKey(), ((EcPublicKey) b.publicKey()).encodedPoint());
        byte[] ba = AGREEMENT.ecdh((EcPrivateKey) b.privateKey(), ((EcPublicKey) a.publicKey()).encodedPoint());
        assertEquals(curve.fieldLength(), ab.length);
        assertArrayEquals(ab, ba);
    }

    @Test
    void ecdhRefusesCompressedOffCurveAndInfinityPoints() {
        RandomSource random = DeterministicRandomSource.fromLabel("ecdh refusals");
        KeyPair a = AGREEMENT.generateEcKeyPair(NamedCurve.SECP256R1, random);
        EcPrivateKey d = (EcPrivateKey) a.privateKey();
        byte[] good = ((EcPublicKey) AGREEMENT.generateEcKeyPair(NamedCurve.SECP256R1, random).publicKey()).encodedPoint();
        byte[] offCurve = good.clone();
        offCurve[64] ^= 1;
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (2 + (good[64] & 1));
        System.arraycopy(good, 1, compressed, 1, 32);
        byte[] hybrid = good.clone();
        hybrid[0] = (byte) (6 + (good[64] & 1));
        byte[] xTooBig = good.clone();
        java.util.Arrays.fill(xTooBig, 1, 33, (byte) 0xff);
        for (byte[] bad : new byte[][] {offCurve, compressed, hybrid, xTooBig, {0x00}, new byte[65], new byte[0],
                java.util.Arrays.copyOf(good, 64), java.util.Arrays.copyOf(good, 66)}) {
            assertThrows(KeyAgreementException.class, () -> AGREEMENT.ecdh(d, bad), HEX.formatHex(bad));
        }
    }

    @Test
    void x25519RefusesLowOrderPointsAndWrongLengths() {
        byte[] k = AGREEMENT.generateX25519PrivateKey(DeterministicRandomSource.fromLabel("x25519"));
        byte[] one = new byte[32];
        one[0] = 1;
        byte[] pMinus1 = hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        byte[] order8 = hex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800");
        for (byte[] bad : new byte[][] {new byte[32], one, pMinus1, order8, new byte[31], new byte[33]}) {
            assertThrows(KeyAgreementException.class, () -> AGREEMENT.x25519(k, bad), HEX.formatHex(bad));
        }
    }

    @Test
    void dhKeyPairsAgreeAndRefuseDegeneratePublicValues() throws Exception {
        // a 256-bit safe prime p = 2q + 1 is enough to exercise the checks quickly
        BigInteger p;
        BigInteger q;
        java.util.Random r = new java.util.Random(11);
        do {
            q = BigInteger.probablePrime(255, r);
            p = q.shiftLeft(1).add(BigInteger.ONE);
        } while (!p.isProbablePrime(64));
        DhParameters params = new DhParameters(p, BigInteger.valueOf(4), q);
        RandomSource random = DeterministicRandomSource.fromLabel("dh");
        DhKeyPair a = AGREEMENT.generateDhKeyPair(params, random);
        DhKeyPair b = AGREEMENT.generateDhKeyPair(params, random);
        assertEquals(params.g().modPow(a.privateValue(), p), a.publicValue());
        assertEquals(BouncyCastleKeyAgreement.privateExponentBits(256), a.privateValue().bitLength());
        byte[] z = AGREEMENT.dh(a, b.publicValue());
        assertArrayEquals(z, AGREEMENT.dh(b, a.publicValue()));
        assertEquals(b.publicValue().modPow(a.privateValue(), p), new BigInteger(1, z));
        assertTrue(z[0] != 0, "leading zero bytes are stripped");
        for (BigInteger bad : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p,
                p.add(BigInteger.ONE), nonResidue(p)}) {
            assertThrows(KeyAgreementException.class, () -> AGREEMENT.dh(a, bad), bad.toString(16));
        }
    }

    /** An element outside the order-q subgroup (a quadratic non-residue): refused when q is known. */
    private static BigInteger nonResidue(BigInteger p) {
        BigInteger q = p.shiftRight(1);
        for (BigInteger c = BigInteger.TWO; ; c = c.add(BigInteger.ONE)) {
            if (!c.modPow(q, p).equals(BigInteger.ONE)) {
                return c;
            }
        }
    }

    @Test
    void privateExponentIsAboveRfc7919MinimumsAndBelowP() {
        assertEquals(288, BouncyCastleKeyAgreement.privateExponentBits(2048));
        assertEquals(320, BouncyCastleKeyAgreement.privateExponentBits(3072));
        assertTrue(BouncyCastleKeyAgreement.privateExponentBits(4096) >= 325);
        assertTrue(BouncyCastleKeyAgreement.privateExponentBits(8192) >= 400);
        assertEquals(224, BouncyCastleKeyAgreement.privateExponentBits(512));
        assertEquals(98, BouncyCastleKeyAgreement.privateExponentBits(100));
    }
}
