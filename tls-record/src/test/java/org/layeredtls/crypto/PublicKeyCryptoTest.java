package org.layeredtls.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PublicKeyCryptoTest {

    private static final PublicKeyCrypto CRYPTO = PublicKeyCrypto.defaultImplementation();
    private static final SecureRandom SECURE = new SecureRandom();
    private static final byte[] MESSAGE = "client_random || server_random || params".getBytes(StandardCharsets.US_ASCII);

    private static KeyPair rsa;
    private static KeyPair p256;
    private static KeyPair p384;

    private static RandomSource random() {
        return (out, off, len) -> {
            byte[] b = new byte[len];
            SECURE.nextBytes(b);
            System.arraycopy(b, 0, out, off, len);
        };
    }

    @BeforeAll
    static void keys() {
        rsa = CRYPTO.generateRsaKeyPair(2048, random());
        p256 = CRYPTO.generateEcKeyPair(NamedCurve.SECP256R1, random());
        p384 = CRYPTO.generateEcKeyPair(NamedCurve.SECP384R1, random());
    }

    private static KeyPair keyFor(SignatureScheme scheme) {
        return scheme.kind() == SignatureScheme.Kind.ECDSA ? p256 : rsa;
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void signatureVerifiesAndFailsWhenMessageOrSignatureChanges(SignatureScheme scheme) {
        KeyPair pair = keyFor(scheme);
        byte[] signature = CRYPTO.sign(scheme, pair.privateKey(), MESSAGE, random());
        assertTrue(CRYPTO.verify(scheme, pair.publicKey(), MESSAGE, signature));

        byte[] otherMessage = MESSAGE.clone();
        otherMessage[0] ^= 1;
        assertFalse(CRYPTO.verify(scheme, pair.publicKey(), otherMessage, signature));

        byte[] tampered = signature.clone();
        tampered[tampered.length / 2] ^= 0x40;
        assertFalse(CRYPTO.verify(scheme, pair.publicKey(), MESSAGE, tampered));
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void signDigestEqualsSignOfTheMessage(SignatureScheme scheme) {
        KeyPair pair = keyFor(scheme);
        byte[] digest = CRYPTO.digest(scheme, MESSAGE);
        assertEquals(scheme.digestLength(), digest.length);
        byte[] signature = CRYPTO.signDigest(scheme, pair.privateKey(), digest, random());
        assertTrue(CRYPTO.verify(scheme, pair.publicKey(), MESSAGE, signature));
        assertTrue(CRYPTO.verifyDigest(scheme, pair.publicKey(), digest, signature));
    }

    @Test
    void md5Sha1DigestIsMd5ThenSha1OfTheMessage() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertEquals("900150983cd24fb0d6963f7d28e17f72" + "a9993e364706816aba3e25717850c26c9cd0d89d",
                HexFormat.of().formatHex(CRYPTO.digest(SignatureScheme.RSA_PKCS1_MD5_SHA1, abc)));
    }

    @Test
    void pkcs1SignaturesAreDeterministicAndHaveModulusLength() {
        byte[] a = CRYPTO.sign(SignatureScheme.RSA_PKCS1_SHA256, rsa.privateKey(), MESSAGE, random());
        byte[] b = CRYPTO.sign(SignatureScheme.RSA_PKCS1_SHA256, rsa.privateKey(), MESSAGE, random());
        assertArrayEquals(a, b);
        assertEquals(256, a.length);
    }

    @Test
    void pkcs1BlockStructureIsDigestInfoUnderFfPadding() {
        RsaPublicKey pub = (RsaPublicKey) rsa.publicKey();
        byte[] signature = CRYPTO.sign(SignatureScheme.RSA_PKCS1_SHA1, rsa.privateKey(), MESSAGE, random());
        byte[] em = new BigInteger(1, signature).modPow(pub.publicExponent(), pub.modulus()).toByteArray();
        String hex = HexFormat.of().formatHex(em); // leading 00 dropped by toByteArray
        assertTrue(hex.startsWith("01ffffffff"), hex);
        String sha1 = HexFormat.of().formatHex(CRYPTO.digest(SignatureScheme.RSA_PKCS1_SHA1, MESSAGE));
        assertTrue(hex.endsWith("003021300906052b0e03021a05000414" + sha1), hex);
    }

    @Test
    void ecdsaOnP384VerifiesAndRejectsTheWrongCurveKey() {
        byte[] signature = CRYPTO.sign(SignatureScheme.ECDSA_SHA384, p384.privateKey(), MESSAGE, random());
        assertTrue(CRYPTO.verify(SignatureScheme.ECDSA_SHA384, p384.publicKey(), MESSAGE, signature));
        assertFalse(CRYPTO.verify(SignatureScheme.ECDSA_SHA384, p256.publicKey(), MESSAGE, signature));
    }

    @Test
    void verifyAnswersFalseForAKeyOfTheWrongType() {
        byte[] signature = CRYPTO.sign(SignatureScheme.RSA_PKCS1_SHA256, rsa.privateKey(), MESSAGE, random());
        assertFalse(CRYPTO.verify(SignatureScheme.ECDSA_SHA256, rsa.publicKey(), MESSAGE, signature));
        assertFalse(CRYPTO.verify(SignatureScheme.RSA_PKCS1_SHA256, p256.publicKey(), MESSAGE, signature));
        assertThrows(IllegalArgumentException.class,
                () -> CRYPTO.sign(SignatureScheme.ECDSA_SHA256, rsa.privateKey(), MESSAGE, random()));
    }

    @Test
    void verifyAnswersFalseForGarbageSignaturesAndOffCurvePoints() {
        for (byte[] garbage : new byte[][] {new byte[0], new byte[1], new byte[256], new byte[70], {0x30, 0x00}}) {
            for (SignatureScheme scheme : SignatureScheme.values()) {
                assertFalse(CRYPTO.verify(scheme, keyFor(scheme).publicKey(), MESSAGE, garbage));
            }
        }
        byte[] point = ((EcPublicKey) p256.publicKey()).encodedPoint();
        point[point.length - 1] ^= 1;
        EcPublicKey offCurve = new EcPublicKey(NamedCurve.SECP256R1, point);
        assertFalse(CRYPTO.isValidPublicKey(offCurve));
        assertTrue(CRYPTO.isValidPublicKey(p256.publicKey()));
        byte[] signature = CRYPTO.sign(SignatureScheme.ECDSA_SHA256, p256.privateKey(), MESSAGE, random());
        assertFalse(CRYPTO.verify(SignatureScheme.ECDSA_SHA256, offCurve, MESSAGE, signature));
    }

    @Test
    void publicKeyOfAPrivateKeyIsItsPair() {
        assertEquals(p256.publicKey(), CRYPTO.publicKeyOf(p256.privateKey()));
        assertEquals(rsa.publicKey(), CRYPTO.publicKeyOf(rsa.privateKey()));
        assertEquals(65, ((EcPublicKey) p256.publicKey()).encodedPoint().length);
    }

    @Test
    void pssWithExplicitSaltLengthMatchesTheSchemeDefault() {
        byte[] signature = CRYPTO.sign(SignatureScheme.RSA_PSS_RSAE_SHA256, rsa.privateKey(), MESSAGE, random());
        RsaPublicKey pub = (RsaPublicKey) rsa.publicKey();
        assertTrue(CRYPTO.verifyRsaPss(HashAlgorithm.SHA256, pub, MESSAGE, signature, 32));
        assertFalse(CRYPTO.verifyRsaPss(HashAlgorithm.SHA256, pub, MESSAGE, signature, 20));
    }

    @Test
    void rsaEncryptionRoundTripsA48BytePremasterSecret() {
        byte[] premaster = random().nextBytes(48);
        byte[] ciphertext = CRYPTO.encryptPkcs1((RsaPublicKey) rsa.publicKey(), premaster, random());
        assertEquals(256, ciphertext.length);
        byte[] fallback = random().nextBytes(48);
        assertArrayEquals(premaster, CRYPTO.decryptPkcs1((RsaPrivateKey) rsa.privateKey(), ciphertext, fallback));
    }

    @Test
    void rsaDecryptionReturnsTheFallbackForBadPaddingWrongLengthOrTamperedCiphertext() {
        RsaPrivateKey priv = (RsaPrivateKey) rsa.privateKey();
        RsaPublicKey pub = (RsaPublicKey) rsa.publicKey();
        byte[] fallback = random().nextBytes(48);
        // a message of the wrong length under good padding
        byte[] shortMessage = CRYPTO.encryptPkcs1(pub, random().nextBytes(47), random());
        assertArrayEquals(fallback, CRYPTO.decryptPkcs1(priv, shortMessage, fallback));
        // a tampered ciphertext: the padding is (overwhelmingly likely) broken
        byte[] tampered = CRYPTO.encryptPkcs1(pub, random().nextBytes(48), random());
        tampered[10] ^= 1;
        assertArrayEquals(fallback, CRYPTO.decryptPkcs1(priv, tampered, fallback));
        // a raw block 00 01 ... (signature padding, not encryption padding) of the right shape
        byte[] em = new byte[256];
        em[1] = 1;
        java.util.Arrays.fill(em, 2, 207, (byte) 0xff);
        byte[] notEncryption = new BigInteger(1, em).modPow(pub.publicExponent(), pub.modulus()).toByteArray();
        byte[] c = new byte[256];
        System.arraycopy(notEncryption, Math.max(0, notEncryption.length - 256), c,
                Math.max(0, 256 - notEncryption.length), Math.min(256, notEncryption.length));
        assertArrayEquals(fallback, CRYPTO.decryptPkcs1(priv, c, fallback));
        // wrong ciphertext lengths and c >= n
        assertArrayEquals(fallback, CRYPTO.decryptPkcs1(priv, new byte[255], fallback));
        byte[] ff = new byte[256];
        java.util.Arrays.fill(ff, (byte) 0xff);
        assertArrayEquals(fallback, CRYPTO.decryptPkcs1(priv, ff, fallback));
    }

    @Test
    void rsaDecryptionAcceptsAHandBuiltType2Block() {
        RsaPublicKey pub = (RsaPublicKey) rsa.publicKey();
        byte[] secret = random().nextBytes(48);
        byte[] em = new byte[256];
        em[1] = 2;
        java.util.Arrays.fill(em, 2, 207, (byte) 0x5a);
        System.arraycopy(secret, 0, em, 208, 48);
        byte[] c = new BigInteger(1, em).modPow(pub.publicExponent(), pub.modulus()).toByteArray();
        byte[] ciphertext = new byte[256];
        System.arraycopy(c, Math.max(0, c.length - 256), ciphertext, Math.max(0, 256 - c.length), Math.min(256, c.length));
        assertArrayEquals(secret, CRYPTO.decryptPkcs1((RsaPrivateKey) rsa.privateKey(), ciphertext, new byte[48]));
        em[100] = 0; // a zero inside PS moves the separator: now the message is too long
        c = new BigInteger(1, em).modPow(pub.publicExponent(), pub.modulus()).toByteArray();
        System.arraycopy(c, Math.max(0, c.length - 256), ciphertext, Math.max(0, 256 - c.length), Math.min(256, c.length));
        assertArrayEquals(new byte[48], CRYPTO.decryptPkcs1((RsaPrivateKey) rsa.privateKey(), ciphertext, new byte[48]));
    }

    @Test
    void privateKeysDoNotPrintTheirSecrets() {
        RsaPrivateKey priv = (RsaPrivateKey) rsa.privateKey();
        assertFalse(priv.toString().contains(priv.privateExponent().toString()));
        EcPrivateKey ec = (EcPrivateKey) p256.privateKey();
        assertFalse(ec.toString().contains(ec.privateValue().toString()));
    }
}
