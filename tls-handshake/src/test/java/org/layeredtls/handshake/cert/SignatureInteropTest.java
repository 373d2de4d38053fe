package org.layeredtls.handshake.cert;

import org.layeredtls.handshake.testing.OpenSsl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.crypto.PublicKey;
import org.layeredtls.crypto.PublicKeyCrypto;
import org.layeredtls.crypto.RsaPrivateKey;
import org.layeredtls.crypto.RsaPublicKey;
import org.layeredtls.crypto.SignatureScheme;

/**
 * Every signature scheme of the crypto seam against the openssl CLI, both directions: our
 * signatures verified by {@code openssl dgst -verify} / {@code pkeyutl -verify}, and openssl's
 * signatures verified by our code. RSA PKCS#1 v1.5 encryption likewise with {@code pkeyutl}.
 */
class SignatureInteropTest {

    private static final PublicKeyCrypto CRYPTO = PublicKeyCrypto.defaultImplementation();
    private static final byte[] MESSAGE = "ServerKeyExchange params signed over both randoms".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path dir;

    @BeforeAll
    static void keys() throws Exception {
        OpenSsl.ok(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.key");
        OpenSsl.ok(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "p256.key");
        OpenSsl.ok(dir, "ecparam", "-name", "secp384r1", "-genkey", "-out", "p384.key");
        for (String key : List.of("rsa", "p256", "p384")) {
            OpenSsl.ok(dir, "pkey", "-in", key + ".key", "-pubout", "-out", key + ".pub");
        }
        Files.write(dir.resolve("message"), MESSAGE);
    }

    private static String keyName(SignatureScheme scheme) {
        if (scheme.kind() != SignatureScheme.Kind.ECDSA) {
            return "rsa";
        }
        return scheme.hash().digestLength() >= 48 ? "p384" : "p256";
    }

    private static PrivateKey privateKey(SignatureScheme scheme) throws Exception {
        return Pem.readPrivateKey(dir.resolve(keyName(scheme) + ".key"));
    }

    private static PublicKey publicKey(SignatureScheme scheme) throws Exception {
        return Pem.readPublicKey(Files.readAllBytes(dir.resolve(keyName(scheme) + ".pub")));
    }

    /** The openssl arguments that sign or verify the message with this scheme. */
    private static List<String> dgst(SignatureScheme scheme, String mode, String key, String signature) {
        List<String> args = new ArrayList<>();
        if (scheme == SignatureScheme.RSA_PKCS1_MD5_SHA1) {
            // TLS 1.0/1.1: the 36-byte MD5||SHA-1 digest under PKCS#1 type 1 padding, no DigestInfo
            args.addAll(List.of("pkeyutl", mode, "-inkey", key, "-in", "digest36", "-pkeyopt", "digest:md5-sha1"));
            if (mode.equals("-verify")) {
                args.addAll(List.of("-pubin", "-sigfile", signature));
            } else {
                args.addAll(List.of("-out", signature));
            }
            return args;
        }
        args.addAll(List.of("dgst", "-" + scheme.hash().name().toLowerCase(java.util.Locale.ROOT), mode, key));
        if (scheme.kind() == SignatureScheme.Kind.RSA_PSS) {
            args.addAll(List.of("-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest"));
        }
        if (mode.equals("-verify")) {
            args.addAll(List.of("-signature", signature));
        } else {
            args.addAll(List.of("-out", signature));
        }
        args.add("message");
        return args;
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void opensslVerifiesOurSignatures(SignatureScheme scheme) throws Exception {
        Files.write(dir.resolve("digest36"), CRYPTO.digest(SignatureScheme.RSA_PKCS1_MD5_SHA1, MESSAGE));
        String sig = "ours-" + scheme + ".sig";
        Files.write(dir.resolve(sig), CRYPTO.sign(scheme, privateKey(scheme), MESSAGE, OpenSsl.RANDOM));
        String output = OpenSsl.ok(dir, dgst(scheme, "-verify", keyName(scheme) + ".pub", sig).toArray(String[]::new));
        assertTrue(output.contains("Verified") || output.contains("Verification Success"), output);

        byte[] bad = Files.readAllBytes(dir.resolve(sig));
        bad[bad.length / 2] ^= 0x10;
        Files.write(dir.resolve(sig), bad);
        assertNotEquals(0, OpenSsl.run(dir, dgst(scheme, "-verify", keyName(scheme) + ".pub", sig)
                .toArray(String[]::new)).exitCode());
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void weVerifyOpensslSignatures(SignatureScheme scheme) throws Exception {
        Files.write(dir.resolve("digest36"), CRYPTO.digest(SignatureScheme.RSA_PKCS1_MD5_SHA1, MESSAGE));
        String sig = "openssl-" + scheme + ".sig";
        OpenSsl.ok(dir, dgst(scheme, "-sign", keyName(scheme) + ".key", sig).toArray(String[]::new));
        byte[] signature = Files.readAllBytes(dir.resolve(sig));
        assertTrue(CRYPTO.verify(scheme, publicKey(scheme), MESSAGE, signature));
        byte[] other = MESSAGE.clone();
        other[3] ^= 1;
        assertFalse(CRYPTO.verify(scheme, publicKey(scheme), other, signature));
        if (scheme.kind() == SignatureScheme.Kind.RSA_PKCS1) {
            // PKCS#1 v1.5 is deterministic: our signature is byte-for-byte openssl's
            assertArrayEquals(signature, CRYPTO.sign(scheme, privateKey(scheme), MESSAGE, OpenSsl.RANDOM));
        }
    }

    @Test
    void opensslDecryptsOurRsaEncryptionAndWeDecryptOpenssls() throws Exception {
        RsaPrivateKey key = (RsaPrivateKey) Pem.readPrivateKey(dir.resolve("rsa.key"));
        RsaPublicKey pub = (RsaPublicKey) Pem.readPublicKey(Files.readAllBytes(dir.resolve("rsa.pub")));
        byte[] premaster = OpenSsl.RANDOM.nextBytes(48);
        premaster[0] = 3;
        premaster[1] = 3;
        Files.write(dir.resolve("ours.enc"), CRYPTO.encryptPkcs1(pub, premaster, OpenSsl.RANDOM));
        OpenSsl.ok(dir, "pkeyutl", "-decrypt", "-inkey", "rsa.key", "-in", "ours.enc", "-out", "ours.dec");
        assertArrayEquals(premaster, Files.readAllBytes(dir.resolve("ours.dec")));

        Files.write(dir.resolve("secret"), premaster);
        OpenSsl.ok(dir, "pkeyutl", "-encrypt", "-pubin", "-inkey", "rsa.pub", "-in", "secret", "-out", "openssl.enc");
        byte[] ciphertext = Files.readAllBytes(dir.resolve("openssl.enc"));
        assertEquals(256, ciphertext.length);
        assertArrayEquals(premaster, CRYPTO.decryptPkcs1(key, ciphertext, new byte[48]));
    }
}
