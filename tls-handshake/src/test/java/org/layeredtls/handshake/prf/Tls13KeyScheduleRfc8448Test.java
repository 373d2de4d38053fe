package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.prf.Rfc8448.*;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.crypto.EcPrivateKey;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.KeyAgreement;
import org.layeredtls.crypto.KeyAgreementException;
import org.layeredtls.crypto.NamedCurve;
import org.layeredtls.record.TrafficKeys;

/**
 * The TLS 1.3 key schedule, transcript and Finished computation replayed on the three example
 * handshakes of RFC 8448, byte for byte: every secret, key, IV and verify_data the RFC prints for
 * §3 (simple 1-RTT), §4 (resumed 0-RTT) and §5 (HelloRetryRequest). The transcript hashes are
 * computed from the RFC's messages, not copied, so the transcript is checked too.
 */
class Tls13KeyScheduleRfc8448Test {

    private static final HashAlgorithm SHA256 = HashAlgorithm.SHA256;
    private static final int AES_128_KEY_LENGTH = 16;

    private static Tls13Transcript transcript(byte[]... messages) {
        Tls13Transcript transcript = new Tls13Transcript(SHA256);
        for (byte[] message : messages) {
            transcript.add(message);
        }
        return transcript;
    }

    /** RFC 8446 §7.3: the AES-128-GCM write key and IV of a traffic secret. */
    private static void assertKeyAndIv(byte[] expectedKey, byte[] expectedIv, byte[] trafficSecret) {
        assertArrayEquals(expectedKey, Tls13KeySchedule.trafficKey(SHA256, trafficSecret, AES_128_KEY_LENGTH));
        assertArrayEquals(expectedIv, Tls13KeySchedule.trafficIv(SHA256, trafficSecret));
        // the two from one keyed HMAC, as the handshake installs them
        TrafficKeys keys = Tls13KeySchedule.trafficKeys(SHA256, trafficSecret, AES_128_KEY_LENGTH);
        assertArrayEquals(expectedKey, keys.encryptionKey());
        assertArrayEquals(expectedIv, keys.fixedIv());
        assertEquals(0, keys.macKey().length);
    }

    /** The verify_data inside a Finished message (after its 4-byte header). */
    /** RFC 8448 §3's whole schedule run on {@code schedule}, every secret of it checked against the RFC's. */
    static void assertSection3Secrets(Tls13KeySchedule schedule) {
        schedule.early(null);
        schedule.handshake(S3_ECDHE);
        assertArrayEquals(S3_C_HS_TRAFFIC, schedule.clientHandshakeTrafficSecret(S3_HASH_CH_SH));
        assertArrayEquals(S3_S_HS_TRAFFIC, schedule.serverHandshakeTrafficSecret(S3_HASH_CH_SH));
        schedule.master();
        assertArrayEquals(S3_C_AP_TRAFFIC, schedule.clientApplicationTrafficSecret(S3_HASH_CH_SERVER_FINISHED));
        assertArrayEquals(S3_S_AP_TRAFFIC, schedule.serverApplicationTrafficSecret(S3_HASH_CH_SERVER_FINISHED));
        assertArrayEquals(S3_EXP_MASTER, schedule.exporterMasterSecret(S3_HASH_CH_SERVER_FINISHED));
        assertArrayEquals(S3_RES_MASTER, schedule.resumptionMasterSecret(S3_HASH_CH_CLIENT_FINISHED));
    }

    private static byte[] verifyData(byte[] finishedMessage) {
        return Arrays.copyOfRange(finishedMessage, 4, finishedMessage.length);
    }

    @Nested
    class Section3SimpleOneRttHandshake {

        private final Tls13KeySchedule schedule = new Tls13KeySchedule(SHA256);
        private final Tls13Transcript transcript = transcript(S3_CLIENT_HELLO, S3_SERVER_HELLO);

        @Test
        void x25519SharedSecretOfTheTwoKeyPairsIsTheRfcs() throws KeyAgreementException {
            KeyAgreement crypto = KeyAgreement.defaultImplementation();
            assertArrayEquals(S3_CLIENT_X25519_PUBLIC, crypto.x25519PublicKey(S3_CLIENT_X25519_PRIVATE));
            assertArrayEquals(S3_ECDHE, crypto.x25519(S3_CLIENT_X25519_PRIVATE, S3_SERVER_X25519_PUBLIC));
            assertArrayEquals(S3_ECDHE, crypto.x25519(S3_SERVER_X25519_PRIVATE, S3_CLIENT_X25519_PUBLIC));
        }

        @Test
        void earlySecretWithoutPskAndTheDerivedSaltMatch() {
            Hkdf hkdf = new Hkdf(SHA256);
            assertArrayEquals(S3_EARLY_SECRET, hkdf.extract(null, new byte[32]));
            assertArrayEquals(S3_DERIVED_FOR_HANDSHAKE, hkdf.deriveSecret(S3_EARLY_SECRET, "derived", hkdf.emptyHash()));
            assertArrayEquals(S3_DERIVED_FOR_MASTER, hkdf.deriveSecret(S3_HANDSHAKE_SECRET, "derived", hkdf.emptyHash()));
        }

        @Test
        void handshakeTrafficSecretsKeysAndIvsMatch() {
            schedule.early(null);
            schedule.handshake(S3_ECDHE);
            assertArrayEquals(S3_HASH_CH_SH, transcript.hash());
            byte[] client = schedule.clientHandshakeTrafficSecret(transcript.hash());
            byte[] server = schedule.serverHandshakeTrafficSecret(transcript.hash());
            assertArrayEquals(S3_C_HS_TRAFFIC, client);
            assertArrayEquals(S3_S_HS_TRAFFIC, server);
            assertKeyAndIv(S3_SERVER_HS_KEY, S3_SERVER_HS_IV, server);
            assertKeyAndIv(S3_CLIENT_HS_KEY, S3_CLIENT_HS_IV, client);
        }

        @Test
        void finishedKeysAndVerifyDataOfBothSidesMatch() {
            assertArrayEquals(S3_SERVER_FINISHED_KEY, Tls13KeySchedule.finishedKey(SHA256, S3_S_HS_TRAFFIC));
            assertArrayEquals(S3_CLIENT_FINISHED_KEY, Tls13KeySchedule.finishedKey(SHA256, S3_C_HS_TRAFFIC));
            transcript.add(S3_ENCRYPTED_EXTENSIONS);
            transcript.add(S3_CERTIFICATE);
            transcript.add(S3_CERTIFICATE_VERIFY);
            assertArrayEquals(verifyData(S3_SERVER_FINISHED),
                    Tls13KeySchedule.finishedVerifyData(SHA256, S3_S_HS_TRAFFIC, transcript.hash()));
            transcript.add(S3_SERVER_FINISHED);
            assertArrayEquals(verifyData(S3_CLIENT_FINISHED),
                    Tls13KeySchedule.finishedVerifyData(SHA256, S3_C_HS_TRAFFIC, transcript.hash()));
        }

        @Test
        void finishedMatchesAcceptsTheRfcsVerifyDataAndNothingElse() {
            Tls13Transcript serverFlight = transcript.copy();
            serverFlight.add(S3_ENCRYPTED_EXTENSIONS);
            serverFlight.add(S3_CERTIFICATE);
            serverFlight.add(S3_CERTIFICATE_VERIFY);
            byte[] received = verifyData(S3_SERVER_FINISHED);
            assertTrue(Tls13KeySchedule.finishedMatches(SHA256, S3_S_HS_TRAFFIC, serverFlight.hash(), received));
            received[31] ^= 1;
            assertFalse(Tls13KeySchedule.finishedMatches(SHA256, S3_S_HS_TRAFFIC, serverFlight.hash(), received));
            // the client's key does not produce the server's verify_data
            assertFalse(Tls13KeySchedule.finishedMatches(SHA256, S3_C_HS_TRAFFIC, serverFlight.hash(),
                    verifyData(S3_SERVER_FINISHED)));
        }

        /** Each stage's HMAC is keyed once and serves every Derive-Secret of the stage: on the JDK's Mac too. */
        @Test
        void everySecretOfTheScheduleMatchesOnTheJdkBackendToo() {
            Tls13KeySchedule jdk = new Tls13KeySchedule(SHA256, CryptoBackend.JDK.provider());
            assertSection3Secrets(jdk);
            assertArrayEquals(S3_C_AP_TRAFFIC, jdk.clientApplicationTrafficSecret(S3_HASH_CH_SERVER_FINISHED), "asked twice, the same");
        }

        @Test
        void masterSecretApplicationTrafficSecretsKeysIvsAndExporterMasterSecretMatch() {
            schedule.early(null);
            schedule.handshake(S3_ECDHE);
            schedule.master();
            transcript.add(S3_ENCRYPTED_EXTENSIONS);
            transcript.add(S3_CERTIFICATE);
            transcript.add(S3_CERTIFICATE_VERIFY);
            transcript.add(S3_SERVER_FINISHED);
            byte[] th = transcript.hash();
            assertArrayEquals(S3_HASH_CH_SERVER_FINISHED, th);
            byte[] client = schedule.clientApplicationTrafficSecret(th);
            byte[] server = schedule.serverApplicationTrafficSecret(th);
            assertArrayEquals(S3_C_AP_TRAFFIC, client);
            assertArrayEquals(S3_S_AP_TRAFFIC, server);
            assertArrayEquals(S3_EXP_MASTER, schedule.exporterMasterSecret(th));
            assertKeyAndIv(S3_SERVER_AP_KEY, S3_SERVER_AP_IV, server);
            assertKeyAndIv(S3_CLIENT_AP_KEY, S3_CLIENT_AP_IV, client);
        }

        @Test
        void resumptionMasterSecretAndTheTicketsPskMatch() {
            schedule.early(null);
            schedule.handshake(S3_ECDHE);
            schedule.master();
            Tls13Transcript full = transcript(S3_CLIENT_HELLO, S3_SERVER_HELLO, S3_ENCRYPTED_EXTENSIONS,
                    S3_CERTIFICATE, S3_CERTIFICATE_VERIFY, S3_SERVER_FINISHED, S3_CLIENT_FINISHED);
            assertArrayEquals(S3_HASH_CH_CLIENT_FINISHED, full.hash());
            byte[] resumptionMasterSecret = schedule.resumptionMasterSecret(full.hash());
            assertArrayEquals(S3_RES_MASTER, resumptionMasterSecret);
            assertArrayEquals(S3_TICKET_PSK, Tls13KeySchedule.resumptionPsk(SHA256, resumptionMasterSecret, S3_TICKET_NONCE));
        }
    }

    @Nested
    class Section4ResumedZeroRttHandshake {

        /** The ClientHello up to its binders list (RFC 8448 §4's "ClientHello prefix", 477 octets). */
        private final byte[] truncatedClientHello = Arrays.copyOf(S4_CLIENT_HELLO, 477);

        private final Tls13KeySchedule schedule = new Tls13KeySchedule(SHA256);

        @Test
        void earlySecretFromTheTicketsPskMatches() {
            assertArrayEquals(S4_EARLY_SECRET, new Hkdf(SHA256).extract(null, S3_TICKET_PSK));
        }

        @Test
        void binderKeyAndBinderOverTheTruncatedClientHelloMatch() {
            schedule.early(S3_TICKET_PSK);
            byte[] binderKey = schedule.binderKey(true);
            assertArrayEquals(S4_BINDER_KEY, binderKey);
            assertArrayEquals(S4_BINDER_FINISHED_KEY, Tls13KeySchedule.finishedKey(SHA256, binderKey));
            // the binder is computed before the ClientHello is complete: hashWith, not add
            Tls13Transcript transcript = new Tls13Transcript(SHA256);
            byte[] binderHash = transcript.hashWith(truncatedClientHello);
            assertArrayEquals(S4_BINDER_HASH, binderHash);
            assertArrayEquals(S4_BINDER, Tls13KeySchedule.finishedVerifyData(SHA256, binderKey, binderHash));
            // and the binder is the last 32 bytes of the ClientHello the client sent
            assertArrayEquals(S4_BINDER, Arrays.copyOfRange(S4_CLIENT_HELLO, S4_CLIENT_HELLO.length - 32, S4_CLIENT_HELLO.length));
        }

        @Test
        void externalBinderKeyUsesItsOwnLabel() {
            schedule.early(S3_TICKET_PSK);
            assertFalse(Arrays.equals(S4_BINDER_KEY, schedule.binderKey(false)),
                    "\"ext binder\" and \"res binder\" keep the two kinds of PSK apart (RFC 8446 §7.1)");
            Hkdf hkdf = new Hkdf(SHA256);
            assertArrayEquals(hkdf.deriveSecret(S4_EARLY_SECRET, "ext binder", hkdf.emptyHash()), schedule.binderKey(false));
        }

        @Test
        void earlyTrafficSecretExporterKeyAndIvMatch() {
            schedule.early(S3_TICKET_PSK);
            Tls13Transcript transcript = transcript(S4_CLIENT_HELLO);
            assertArrayEquals(S4_HASH_CH, transcript.hash());
            byte[] earlyTraffic = schedule.clientEarlyTrafficSecret(transcript.hash());
            assertArrayEquals(S4_C_E_TRAFFIC, earlyTraffic);
            assertArrayEquals(S4_E_EXP_MASTER, schedule.earlyExporterMasterSecret(transcript.hash()));
            assertKeyAndIv(S4_EARLY_KEY, S4_EARLY_IV, earlyTraffic);
        }

        @Test
        void handshakeAndApplicationSecretsAfterPskDheMatch() throws KeyAgreementException {
            byte[] ecdhe = KeyAgreement.defaultImplementation().x25519(S4_CLIENT_X25519_PRIVATE, S4_SERVER_X25519_PUBLIC);
            schedule.early(S3_TICKET_PSK);
            schedule.handshake(ecdhe);
            Tls13Transcript transcript = transcript(S4_CLIENT_HELLO, S4_SERVER_HELLO);
            assertArrayEquals(S4_C_HS_TRAFFIC, schedule.clientHandshakeTrafficSecret(transcript.hash()));
            byte[] serverHandshakeTraffic = schedule.serverHandshakeTrafficSecret(transcript.hash());
            assertArrayEquals(S4_S_HS_TRAFFIC, serverHandshakeTraffic);
            transcript.add(S4_ENCRYPTED_EXTENSIONS);
            assertArrayEquals(verifyData(S4_SERVER_FINISHED),
                    Tls13KeySchedule.finishedVerifyData(SHA256, serverHandshakeTraffic, transcript.hash()));
            transcript.add(S4_SERVER_FINISHED);
            schedule.master();
            assertArrayEquals(S4_C_AP_TRAFFIC, schedule.clientApplicationTrafficSecret(transcript.hash()));
            assertArrayEquals(S4_S_AP_TRAFFIC, schedule.serverApplicationTrafficSecret(transcript.hash()));
        }
    }

    @Nested
    class Section5HelloRetryRequest {

        private final Tls13KeySchedule schedule = new Tls13KeySchedule(SHA256);

        /** Both sides' view: ClientHello1, HelloRetryRequest, then message_hash in place of ClientHello1. */
        private Tls13Transcript afterRetry() {
            Tls13Transcript transcript = new Tls13Transcript();
            transcript.add(S5_CLIENT_HELLO_1);
            transcript.add(S5_HELLO_RETRY_REQUEST);
            transcript.selectHash(SHA256); // the HelloRetryRequest names the suite
            transcript.replaceClientHelloWithMessageHash();
            transcript.add(S5_CLIENT_HELLO_2);
            transcript.add(S5_SERVER_HELLO);
            return transcript;
        }

        @Test
        void p256SharedSecretOfTheTwoKeyPairsIsTheRfcs() throws KeyAgreementException {
            KeyAgreement crypto = KeyAgreement.defaultImplementation();
            EcPrivateKey client = new EcPrivateKey(NamedCurve.SECP256R1, new BigInteger(1, S5_CLIENT_P256_PRIVATE));
            EcPrivateKey server = new EcPrivateKey(NamedCurve.SECP256R1, new BigInteger(1, S5_SERVER_P256_PRIVATE));
            assertArrayEquals(S5_ECDHE, crypto.ecdh(client, S5_SERVER_P256_PUBLIC));
            assertArrayEquals(S5_ECDHE, crypto.ecdh(server, S5_CLIENT_P256_PUBLIC));
        }

        @Test
        void transcriptWithMessageHashInPlaceOfClientHello1Matches() {
            assertArrayEquals(S5_HASH_CH_SH, afterRetry().hash());
            // the synthetic message is 254 || 00 00 20 || SHA-256(ClientHello1): the same hash
            Tls13Transcript rebuilt = transcript(Tls13Transcript.messageHash(SHA256, S5_CLIENT_HELLO_1),
                    S5_HELLO_RETRY_REQUEST, S5_CLIENT_HELLO_2, S5_SERVER_HELLO);
            assertArrayEquals(S5_HASH_CH_SH, rebuilt.hash());
            // without the replacement the hash is another one
            assertFalse(Arrays.equals(S5_HASH_CH_SH, transcript(S5_CLIENT_HELLO_1, S5_HELLO_RETRY_REQUEST,
                    S5_CLIENT_HELLO_2, S5_SERVER_HELLO).hash()));
        }

        @Test
        void handshakeSecretsAfterTheRetryMatch() {
            schedule.early(null);
            schedule.handshake(S5_ECDHE);
            Tls13Transcript transcript = afterRetry();
            assertArrayEquals(S5_C_HS_TRAFFIC, schedule.clientHandshakeTrafficSecret(transcript.hash()));
            byte[] server = schedule.serverHandshakeTrafficSecret(transcript.hash());
            assertArrayEquals(S5_S_HS_TRAFFIC, server);
            assertKeyAndIv(S5_SERVER_HS_KEY, S5_SERVER_HS_IV, server);
            assertArrayEquals(S5_HANDSHAKE_SECRET, new Hkdf(SHA256).extract(S3_DERIVED_FOR_HANDSHAKE, S5_ECDHE));
        }

        @Test
        void serverFinishedAndApplicationSecretsAfterTheRetryMatch() {
            schedule.early(null);
            schedule.handshake(S5_ECDHE);
            Tls13Transcript transcript = afterRetry();
            byte[] serverHandshakeTraffic = schedule.serverHandshakeTrafficSecret(transcript.hash());
            transcript.add(S5_ENCRYPTED_EXTENSIONS);
            transcript.add(S3_CERTIFICATE); // §5's server sends the same certificate as §3's
            transcript.add(S5_CERTIFICATE_VERIFY);
            assertArrayEquals(verifyData(S5_SERVER_FINISHED),
                    Tls13KeySchedule.finishedVerifyData(SHA256, serverHandshakeTraffic, transcript.hash()));
            transcript.add(S5_SERVER_FINISHED);
            assertArrayEquals(S5_HASH_CH_SERVER_FINISHED, transcript.hash());
            schedule.master();
            assertArrayEquals(S5_C_AP_TRAFFIC, schedule.clientApplicationTrafficSecret(transcript.hash()));
            assertArrayEquals(S5_S_AP_TRAFFIC, schedule.serverApplicationTrafficSecret(transcript.hash()));
            assertArrayEquals(S5_EXP_MASTER, schedule.exporterMasterSecret(transcript.hash()));
        }

        @Test
        void masterSecretAfterTheRetryMatches() {
            Hkdf hkdf = new Hkdf(SHA256);
            byte[] salt = hkdf.deriveSecret(S5_HANDSHAKE_SECRET, "derived", hkdf.emptyHash());
            assertArrayEquals(S5_MASTER_SECRET, hkdf.extract(salt, new byte[32]));
        }
    }
}
