package org.layeredtls.handshake.keyexchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.KeyPair;
import org.layeredtls.crypto.PublicKeyCrypto;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.crypto.SignatureScheme;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.message.CertificateVerify;
import org.layeredtls.handshake.message.DigitallySigned;
import org.layeredtls.handshake.message.ServerDhParams;
import org.layeredtls.handshake.message.ServerEcdhParams;
import org.layeredtls.handshake.message.ServerKeyExchangeParams;
import org.layeredtls.handshake.prf.KeySchedule;
import org.layeredtls.handshake.prf.TranscriptHash;
import org.layeredtls.record.ProtocolVersion;

/** ServerKeyExchange and CertificateVerify signatures for every version and key type, and their alerts. */
class HandshakeSignatureTest {

    private static final RandomSource RANDOM = DeterministicRandomSource.fromLabel("signatures");
    private static final byte[] CLIENT_RANDOM = RANDOM.nextBytes(32);
    private static final byte[] SERVER_RANDOM = RANDOM.nextBytes(32);
    private static final ServerKeyExchangeParams EC_PARAMS =
            EcdheKeyExchange.generate(NamedGroup.SECP256R1, RANDOM).serverParams();
    private static final List<SignatureScheme> ALL_TLS12 =
            Arrays.stream(SignatureScheme.values()).filter(s -> s.tlsCode() >= 0).toList();
    private static final byte[] MASTER = RANDOM.nextBytes(48);

    private static void assertAlert(AlertDescription expected, Executable action) {
        TlsAlertException e = assertThrows(TlsAlertException.class, action);
        assertEquals(expected, e.description(), e::getMessage);
    }

    /** (version, key, TLS 1.2 scheme or null) for every version and key type. */
    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (ProtocolVersion version : List.of(ProtocolVersion.SSL3_0, ProtocolVersion.TLS1_0, ProtocolVersion.TLS1_1)) {
            cases.add(Arguments.of(version, "rsa", null));
            cases.add(Arguments.of(version, "p256", null));
        }
        for (SignatureScheme scheme : ALL_TLS12) {
            cases.add(Arguments.of(ProtocolVersion.TLS1_2, scheme.kind() == SignatureScheme.Kind.ECDSA ? "p384" : "rsa", scheme));
        }
        return cases.build();
    }

    private static KeyPair key(String name) {
        return switch (name) {
            case "rsa" -> TestKeys.RSA;
            case "p256" -> TestKeys.P256;
            default -> TestKeys.P384;
        };
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void serverKeyExchangeSignatureVerifiesAndTamperingIsDecryptError(ProtocolVersion version, String keyName,
                                                                        SignatureScheme scheme) {
        KeyPair key = key(keyName);
        DigitallySigned signed = ServerKeyExchangeSignature.sign(version, scheme, key.privateKey(), CLIENT_RANDOM,
                SERVER_RANDOM, EC_PARAMS, RANDOM);
        assertEquals(version.equals(ProtocolVersion.TLS1_2), signed.algorithm().isPresent());
        assertDoesNotThrow(() -> ServerKeyExchangeSignature.verify(version, ALL_TLS12, key.publicKey(), CLIENT_RANDOM,
                SERVER_RANDOM, EC_PARAMS, signed));

        byte[] otherRandom = CLIENT_RANDOM.clone();
        otherRandom[0] ^= 1;
        assertAlert(AlertDescription.DECRYPT_ERROR, () -> ServerKeyExchangeSignature.verify(version, ALL_TLS12,
                key.publicKey(), otherRandom, SERVER_RANDOM, EC_PARAMS, signed));
        assertAlert(AlertDescription.DECRYPT_ERROR, () -> ServerKeyExchangeSignature.verify(version, ALL_TLS12,
                key.publicKey(), SERVER_RANDOM, CLIENT_RANDOM, EC_PARAMS, signed));
        ServerEcdhParams otherParams = new ServerEcdhParams(NamedGroup.SECP384R1, ((ServerEcdhParams) EC_PARAMS).point());
        assertAlert(AlertDescription.DECRYPT_ERROR, () -> ServerKeyExchangeSignature.verify(version, ALL_TLS12,
                key.publicKey(), CLIENT_RANDOM, SERVER_RANDOM, otherParams, signed));
        byte[] flipped = signed.signature();
        flipped[flipped.length / 2] ^= 0x10;
        DigitallySigned tampered = new DigitallySigned(signed.algorithm(), flipped);
        assertAlert(AlertDescription.DECRYPT_ERROR, () -> ServerKeyExchangeSignature.verify(version, ALL_TLS12,
                key.publicKey(), CLIENT_RANDOM, SERVER_RANDOM, EC_PARAMS, tampered));
        DigitallySigned empty = new DigitallySigned(signed.algorithm(), new byte[0]);
        assertAlert(AlertDescription.DECRYPT_ERROR, () -> ServerKeyExchangeSignature.verify(version, ALL_TLS12,
                key.publicKey(), CLIENT_RANDOM, SERVER_RANDOM, EC_PARAMS, empty));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void certificateVerifySignatureVerifiesAndTamperingIsDecryptError(ProtocolVersion version, String keyName,
                                                                        SignatureScheme scheme) {
        KeyPair key = key(keyName);
        KeySchedule schedule = KeySchedule.of(version, HashAlgorithm.SHA256);
        TranscriptHash transcript = transcript("ClientHello ServerHello Certificate ... ClientKeyExchange");
        CertificateVerify message = CertificateVerifySignature.sign(schedule, scheme, key.privateKey(), MASTER,
                transcript, RANDOM);
        assertDoesNotThrow(() -> CertificateVerifySignature.verify(schedule, ALL_TLS12, key.publicKey(), MASTER,
                transcript, message));

        TranscriptHash other = transcript("ClientHello ServerHello Certificate ... ClientKeyExchangf");
        assertAlert(AlertDescription.DECRYPT_ERROR, () -> CertificateVerifySignature.verify(schedule, ALL_TLS12,
                key.publicKey(), MASTER, other, message));
        if (version.isSsl3()) {
            byte[] otherMaster = MASTER.clone();
            otherMaster[47] ^= 1;
            assertAlert(AlertDescription.DECRYPT_ERROR, () -> CertificateVerifySignature.verify(schedule, ALL_TLS12,
                    key.publicKey(), otherMaster, transcript, message));
        }
        KeyPair wrongKey = key.publicKey() instanceof org.layeredtls.crypto.RsaPublicKey ? TestKeys.OTHER_RSA
                : TestKeys.P256 == key ? TestKeys.P384 : TestKeys.P256;
        if (scheme == null || scheme.fits(wrongKey.publicKey())) {
            assertAlert(AlertDescription.DECRYPT_ERROR, () -> CertificateVerifySignature.verify(schedule, ALL_TLS12,
                    wrongKey.publicKey(), MASTER, transcript, message));
        }
    }

    private static TranscriptHash transcript(String messages) {
        TranscriptHash transcript = new TranscriptHash();
        transcript.update(messages.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return transcript;
    }

    @Test
    void tls10RsaSignatureIsPkcs1OverMd5AndSha1OfTheSignedData() throws Exception {
        DigitallySigned signed = ServerKeyExchangeSignature.sign(ProtocolVersion.TLS1_0, null,
                TestKeys.RSA.privateKey(), CLIENT_RANDOM, SERVER_RANDOM, EC_PARAMS, RANDOM);
        byte[] data = ServerKeyExchangeSignature.signedData(CLIENT_RANDOM, SERVER_RANDOM, EC_PARAMS);
        byte[] md5 = MessageDigest.getInstance("MD5").digest(data);
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(data);
        byte[] digest36 = new byte[36];
        System.arraycopy(md5, 0, digest36, 0, 16);
        System.arraycopy(sha1, 0, digest36, 16, 20);
        // PKCS#1 v1.5 signatures are deterministic: the exact bytes are known
        assertArrayEquals(PublicKeyCrypto.defaultImplementation().signDigest(SignatureScheme.RSA_PKCS1_MD5_SHA1,
                TestKeys.RSA.privateKey(), digest36, RANDOM), signed.signature());
        assertEquals(OptionalInt.empty(), signed.algorithm());
    }

    @Test
    void legacyEcdsaSignatureIsOverSha1() {
        DigitallySigned signed = ServerKeyExchangeSignature.sign(ProtocolVersion.TLS1_1, null,
                TestKeys.P256.privateKey(), CLIENT_RANDOM, SERVER_RANDOM, EC_PARAMS, RANDOM);
        byte[] data = ServerKeyExchangeSignature.signedData(CLIENT_RANDOM, SERVER_RANDOM, EC_PARAMS);
        assertTrue(PublicKeyCrypto.defaultImplementation().verify(SignatureScheme.ECDSA_SHA1, TestKeys.P256.publicKey(),
                data, signed.signature()));
    }

    @Test
    void signedDataIsBothRandomsThenTheParams() {
        ServerDhParams params = new ServerDhParams(new byte[] {23}, new byte[] {5}, new byte[] {8});
        byte[] data = ServerKeyExchangeSignature.signedData(CLIENT_RANDOM, SERVER_RANDOM, params);
        assertEquals(64 + 9, data.length);
        assertArrayEquals(CLIENT_RANDOM, Arrays.copyOfRange(data, 0, 32));
        assertArrayEquals(SERVER_RANDOM, Arrays.copyOfRange(data, 32, 64));
        assertArrayEquals(new byte[] {0, 1, 23, 0, 1, 5, 0, 1, 8}, Arrays.copyOfRange(data, 64, 73));
    }

    @Test
    void tls12AlgorithmNotOfferedOrNotFittingTheKeyIsIllegalParameter() {
        DigitallySigned signed = ServerKeyExchangeSignature.sign(ProtocolVersion.TLS1_2, SignatureScheme.RSA_PKCS1_SHA256,
                TestKeys.RSA.privateKey(), CLIENT_RANDOM, SERVER_RANDOM, EC_PARAMS, RANDOM);
        List<SignatureScheme> notOffered = List.of(SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.ECDSA_SHA256);
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> ServerKeyExchangeSignature.verify(ProtocolVersion.TLS1_2,
                notOffered, TestKeys.RSA.publicKey(), CLIENT_RANDOM, SERVER_RANDOM, EC_PARAMS, signed));
        DigitallySigned ecdsaNamed = new DigitallySigned(OptionalInt.of(0x0403), signed.signature());
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> ServerKeyExchangeSignature.verify(ProtocolVersion.TLS1_2,
                ALL_TLS12, TestKeys.RSA.publicKey(), CLIENT_RANDOM, SERVER_RANDOM, EC_PARAMS, ecdsaNamed));
        for (int unknown : new int[] {0x0101, 0x0807, 0xFFFF, 0x0000}) {
            DigitallySigned named = new DigitallySigned(OptionalInt.of(unknown), signed.signature());
            assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> ServerKeyExchangeSignature.verify(
                    ProtocolVersion.TLS1_2, ALL_TLS12, TestKeys.RSA.publicKey(), CLIENT_RANDOM, SERVER_RANDOM,
                    EC_PARAMS, named));
        }
        DigitallySigned unnamed = DigitallySigned.withoutAlgorithm(signed.signature());
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> ServerKeyExchangeSignature.verify(ProtocolVersion.TLS1_2,
                ALL_TLS12, TestKeys.RSA.publicKey(), CLIENT_RANDOM, SERVER_RANDOM, EC_PARAMS, unnamed));
        // and a TLS 1.0 signature must not carry an algorithm field
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> ServerKeyExchangeSignature.verify(ProtocolVersion.TLS1_0,
                ALL_TLS12, TestKeys.RSA.publicKey(), CLIENT_RANDOM, SERVER_RANDOM, EC_PARAMS, signed));
    }

    @Test
    void signingATls12HandshakeWithoutAFittingSchemeIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> ServerKeyExchangeSignature.sign(ProtocolVersion.TLS1_2,
                SignatureScheme.ECDSA_SHA256, TestKeys.RSA.privateKey(), CLIENT_RANDOM, SERVER_RANDOM, EC_PARAMS, RANDOM));
        assertThrows(IllegalArgumentException.class, () -> ServerKeyExchangeSignature.sign(ProtocolVersion.TLS1_2,
                SignatureScheme.RSA_PKCS1_MD5_SHA1, TestKeys.RSA.privateKey(), CLIENT_RANDOM, SERVER_RANDOM, EC_PARAMS,
                RANDOM));
        assertThrows(IllegalArgumentException.class, () -> ServerKeyExchangeSignature.sign(ProtocolVersion.TLS1_2,
                null, TestKeys.RSA.privateKey(), CLIENT_RANDOM, SERVER_RANDOM, EC_PARAMS, RANDOM));
    }

    @Test
    void choosePicksOurFirstEnabledSchemeThePeerOfferedThatFitsTheKey() {
        List<SignatureScheme> enabled = List.of(SignatureScheme.ECDSA_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256,
                SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA1, SignatureScheme.ECDSA_SHA1);
        List<Integer> peer = List.of(0x0401, 0x0804, 0x0403, 0x0201);
        assertEquals(SignatureScheme.RSA_PSS_RSAE_SHA256,
                SignatureSchemes.choose(peer, TestKeys.RSA.privateKey(), enabled).orElseThrow());
        assertEquals(SignatureScheme.ECDSA_SHA256,
                SignatureSchemes.choose(peer, TestKeys.P256.privateKey(), enabled).orElseThrow());
        assertEquals(SignatureScheme.RSA_PKCS1_SHA256,
                SignatureSchemes.choose(List.of(0x0401), TestKeys.RSA.publicKey(), enabled).orElseThrow());
        assertTrue(SignatureSchemes.choose(List.of(0x0401), TestKeys.P256.privateKey(), enabled).isEmpty());
        assertTrue(SignatureSchemes.choose(List.of(0x0807, 0x0101), TestKeys.RSA.privateKey(), enabled).isEmpty());
    }

    @Test
    void absentSignatureAlgorithmsMeansSha1WithTheKeysAlgorithm() {
        List<SignatureScheme> enabled = List.of(SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.ECDSA_SHA256,
                SignatureScheme.RSA_PKCS1_SHA1, SignatureScheme.ECDSA_SHA1);
        // RFC 5246 §7.4.1.4.1: {sha1,rsa} for RSA keys, {sha1,ecdsa} for ECDSA keys
        assertEquals(SignatureScheme.RSA_PKCS1_SHA1,
                SignatureSchemes.choose(null, TestKeys.RSA.privateKey(), enabled).orElseThrow());
        assertEquals(SignatureScheme.ECDSA_SHA1,
                SignatureSchemes.choose(null, TestKeys.P256.publicKey(), enabled).orElseThrow());
        assertTrue(SignatureSchemes.choose(null, TestKeys.RSA.privateKey(),
                List.of(SignatureScheme.RSA_PKCS1_SHA256)).isEmpty());
    }

    @Test
    void wireCodesAndCryptoSchemesMapByTheirSixteenBitCode() {
        for (SignatureScheme scheme : ALL_TLS12) {
            org.layeredtls.handshake.extension.SignatureScheme wire = SignatureSchemes.toWire(scheme).orElseThrow();
            assertEquals(scheme.tlsCode(), wire.code());
            assertEquals(scheme, SignatureSchemes.fromCode(wire.code()).orElseThrow());
        }
        assertTrue(SignatureSchemes.toWire(SignatureScheme.RSA_PKCS1_MD5_SHA1).isEmpty());
        assertTrue(SignatureSchemes.fromCode(-1).isEmpty());
        assertTrue(SignatureSchemes.fromCode(0x0807).isEmpty(), "ed25519 is not in the crypto seam");
        assertEquals(List.of(0x0401, 0x0403), SignatureSchemes.codes(List.of(SignatureScheme.RSA_PKCS1_SHA256,
                SignatureScheme.RSA_PKCS1_MD5_SHA1, SignatureScheme.ECDSA_SHA256)));
        assertFalse(SignatureSchemes.fits(SignatureScheme.ECDSA_SHA256, TestKeys.RSA.privateKey()));
    }
}
