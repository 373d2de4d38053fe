package org.layeredtls.handshake.keyexchange;

import org.layeredtls.handshake.testing.OpenSsl;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.crypto.PublicKey;
import org.layeredtls.crypto.SignatureScheme;
import org.layeredtls.handshake.cert.Pem;
import org.layeredtls.handshake.message.CertificateVerify;
import org.layeredtls.handshake.message.DigitallySigned;
import org.layeredtls.handshake.message.ServerKeyExchangeParams;
import org.layeredtls.handshake.prf.KeySchedule;
import org.layeredtls.handshake.prf.TranscriptHash;
import org.layeredtls.record.ProtocolVersion;

/**
 * ServerKeyExchange and CertificateVerify signatures checked by the openssl CLI over the exact
 * signed bytes ({@code client_random || server_random || params}; the handshake messages), and
 * openssl's signatures checked by ours.
 */
class SignatureOpenSslInteropTest {

    @TempDir
    static Path dir;

    private static final byte[] CLIENT_RANDOM = OpenSsl.RANDOM.nextBytes(32);
    private static final byte[] SERVER_RANDOM = OpenSsl.RANDOM.nextBytes(32);
    private static ServerKeyExchangeParams params;
    private static PrivateKey rsa;
    private static PrivateKey p256;

    @BeforeAll
    static void keysAndData() throws Exception {
        OpenSsl.ok(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.key");
        OpenSsl.ok(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "p256.key");
        for (String key : List.of("rsa", "p256")) {
            OpenSsl.ok(dir, "pkey", "-in", key + ".key", "-pubout", "-out", key + ".pub");
        }
        rsa = Pem.readPrivateKey(dir.resolve("rsa.key"));
        p256 = Pem.readPrivateKey(dir.resolve("p256.key"));
        params = DheKeyExchange.generate(DhGroup.FFDHE2048, OpenSsl.RANDOM).serverParams();
        Files.write(dir.resolve("data"), ServerKeyExchangeSignature.signedData(CLIENT_RANDOM, SERVER_RANDOM, params));
    }

    private static PublicKey publicKey(String name) throws Exception {
        return Pem.readPublicKey(Files.readAllBytes(dir.resolve(name + ".pub")));
    }

    private static void verifyWithOpenSslDgst(String hash, String key, byte[] signature, String dataFile) throws Exception {
        Files.write(dir.resolve("sig"), signature);
        String out = OpenSsl.ok(dir, "dgst", "-" + hash, "-verify", key + ".pub", "-signature", "sig", dataFile);
        assertTrue(out.contains("Verified OK"), out);
        // and openssl notices a tampered signature, so the check above can fail
        byte[] bad = signature.clone();
        bad[bad.length - 1] ^= 1;
        Files.write(dir.resolve("sig"), bad);
        assertNotEquals(0, OpenSsl.run(dir, "dgst", "-" + hash, "-verify", key + ".pub", "-signature", "sig", dataFile)
                .exitCode());
    }

    @Test
    void tls12RsaAndEcdsaServerKeyExchangeSignaturesVerifyWithOpenSslDgst() throws Exception {
        DigitallySigned rsaSigned = ServerKeyExchangeSignature.sign(ProtocolVersion.TLS1_2, SignatureScheme.RSA_PKCS1_SHA256,
                rsa, CLIENT_RANDOM, SERVER_RANDOM, params, OpenSsl.RANDOM);
        assertEquals(OptionalInt.of(0x0401), rsaSigned.algorithm());
        verifyWithOpenSslDgst("sha256", "rsa", rsaSigned.signature(), "data");
        DigitallySigned ecSigned = ServerKeyExchangeSignature.sign(ProtocolVersion.TLS1_2, SignatureScheme.ECDSA_SHA256,
                p256, CLIENT_RANDOM, SERVER_RANDOM, params, OpenSsl.RANDOM);
        verifyWithOpenSslDgst("sha256", "p256", ecSigned.signature(), "data");
    }

    @Test
    void tls10RsaMd5Sha1ServerKeyExchangeSignatureVerifiesWithOpenSslPkeyutl() throws Exception {
        DigitallySigned signed = ServerKeyExchangeSignature.sign(ProtocolVersion.TLS1_0, null, rsa, CLIENT_RANDOM,
                SERVER_RANDOM, params, OpenSsl.RANDOM);
        byte[] data = Files.readAllBytes(dir.resolve("data"));
        byte[] digest36 = new byte[36];
        System.arraycopy(MessageDigest.getInstance("MD5").digest(data), 0, digest36, 0, 16);
        System.arraycopy(MessageDigest.getInstance("SHA-1").digest(data), 0, digest36, 16, 20);
        Files.write(dir.resolve("digest36"), digest36);
        Files.write(dir.resolve("sig10"), signed.signature());
        String out = OpenSsl.ok(dir, "pkeyutl", "-verify", "-pubin", "-inkey", "rsa.pub", "-in", "digest36",
                "-sigfile", "sig10", "-pkeyopt", "digest:md5-sha1");
        assertTrue(out.contains("Signature Verified Successfully"), out);
    }

    @Test
    void tls10EcdsaServerKeyExchangeSignatureIsSha1AndVerifiesWithOpenSslDgst() throws Exception {
        DigitallySigned signed = ServerKeyExchangeSignature.sign(ProtocolVersion.TLS1_0, null, p256, CLIENT_RANDOM,
                SERVER_RANDOM, params, OpenSsl.RANDOM);
        verifyWithOpenSslDgst("sha1", "p256", signed.signature(), "data");
    }

    @Test
    void openSslSignaturesVerifyAsServerKeyExchangeSignatures() throws Exception {
        OpenSsl.ok(dir, "dgst", "-sha384", "-sign", "rsa.key", "-out", "ossl-rsa.sig", "data");
        OpenSsl.ok(dir, "dgst", "-sha256", "-sign", "p256.key", "-out", "ossl-ec.sig", "data");
        OpenSsl.ok(dir, "dgst", "-sha256", "-sign", "rsa.key", "-sigopt", "rsa_padding_mode:pss", "-sigopt",
                "rsa_pss_saltlen:digest", "-out", "ossl-pss.sig", "data");
        List<SignatureScheme> offered = List.of(SignatureScheme.RSA_PKCS1_SHA384, SignatureScheme.ECDSA_SHA256,
                SignatureScheme.RSA_PSS_RSAE_SHA256);
        for (String[] c : new String[][] {{"ossl-rsa.sig", "rsa", "0501"}, {"ossl-ec.sig", "p256", "0403"},
                {"ossl-pss.sig", "rsa", "0804"}}) {
            DigitallySigned signature = new DigitallySigned(OptionalInt.of(Integer.parseInt(c[2], 16)),
                    Files.readAllBytes(dir.resolve(c[0])));
            PublicKey key = publicKey(c[1]);
            assertDoesNotThrow(() -> ServerKeyExchangeSignature.verify(ProtocolVersion.TLS1_2, offered, key,
                    CLIENT_RANDOM, SERVER_RANDOM, params, signature), c[0]);
        }
    }

    @Test
    void tls12CertificateVerifyIsTheSchemesSignatureOverTheHandshakeMessages() throws Exception {
        byte[] messages = OpenSsl.RANDOM.nextBytes(1500);
        TranscriptHash transcript = new TranscriptHash();
        transcript.update(messages);
        Files.write(dir.resolve("messages"), messages);
        CertificateVerify signed = CertificateVerifySignature.sign(KeySchedule.of(ProtocolVersion.TLS1_2,
                HashAlgorithm.SHA256), SignatureScheme.RSA_PKCS1_SHA384, rsa, null, transcript, OpenSsl.RANDOM);
        verifyWithOpenSslDgst("sha384", "rsa", signed.signature().signature(), "messages");
        CertificateVerify ecSigned = CertificateVerifySignature.sign(KeySchedule.of(ProtocolVersion.TLS1_2,
                HashAlgorithm.SHA256), SignatureScheme.ECDSA_SHA256, p256, null, transcript, OpenSsl.RANDOM);
        verifyWithOpenSslDgst("sha256", "p256", ecSigned.signature().signature(), "messages");
    }

}
