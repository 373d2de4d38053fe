package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.layeredtls.handshake.prf.Rfc8448.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.Mac;
import org.layeredtls.handshake.testing.DelegatingCryptoProvider;

/** The stage rules of the schedule and what RFC 8448 (SHA-256 only) does not cover. */
class Tls13KeyScheduleTest {

    /**
     * A full handshake's schedule keys HMAC six times: each of the three extractions, and each stage
     * secret once for all its Derive-Secret calls (1 + 3 + 4 of them), not once per call (11 keyings).
     */
    @Test
    void eachStageSecretIsKeyedIntoHmacOnceForAllItsDerivations() {
        List<Integer> keyLengths = new ArrayList<>();
        Tls13KeySchedule schedule = new Tls13KeySchedule(HashAlgorithm.SHA256, new DelegatingCryptoProvider() {
            @Override
            public Mac hmac(HashAlgorithm algorithm, byte[] key) {
                keyLengths.add(key.length);
                return super.hmac(algorithm, key);
            }
        });
        Tls13KeyScheduleRfc8448Test.assertSection3Secrets(schedule);
        assertEquals(6, keyLengths.size(), "HMAC keyings: " + keyLengths);
    }

    @Test
    void stagesRunInTheRfcsOrderAndOnlyOnce() {
        Tls13KeySchedule schedule = new Tls13KeySchedule(HashAlgorithm.SHA256);
        assertThrows(IllegalStateException.class, () -> schedule.handshake(S3_ECDHE));
        assertThrows(IllegalStateException.class, schedule::master);
        assertThrows(IllegalStateException.class, () -> schedule.binderKey(true));
        schedule.early(null);
        assertThrows(IllegalStateException.class, () -> schedule.early(null));
        assertThrows(IllegalStateException.class, () -> schedule.clientHandshakeTrafficSecret(S3_HASH_CH_SH));
        assertThrows(IllegalStateException.class, schedule::master);
        schedule.handshake(S3_ECDHE);
        assertThrows(IllegalStateException.class, () -> schedule.handshake(S3_ECDHE));
        assertThrows(IllegalStateException.class, () -> schedule.clientApplicationTrafficSecret(S3_HASH_CH_SERVER_FINISHED));
        schedule.master();
        assertArrayEquals(S3_C_AP_TRAFFIC, schedule.clientApplicationTrafficSecret(S3_HASH_CH_SERVER_FINISHED));
    }

    @Test
    void pskOnlyHandshakeFeedsTheZeroValueInPlaceOfDiffieHellman() {
        Tls13KeySchedule pskKe = new Tls13KeySchedule(HashAlgorithm.SHA256);
        pskKe.early(S3_TICKET_PSK);
        pskKe.handshake(null);
        Tls13KeySchedule zeros = new Tls13KeySchedule(HashAlgorithm.SHA256);
        zeros.early(S3_TICKET_PSK);
        zeros.handshake(new byte[32]);
        assertArrayEquals(zeros.clientHandshakeTrafficSecret(S3_HASH_CH_SH), pskKe.clientHandshakeTrafficSecret(S3_HASH_CH_SH));
    }

    @Test
    void sha384SuitesGet48ByteSecretsDifferentFromSha256() {
        Tls13KeySchedule schedule = new Tls13KeySchedule(HashAlgorithm.SHA384);
        schedule.early(null);
        schedule.handshake(S3_ECDHE);
        byte[] th = new byte[48];
        byte[] secret = schedule.serverHandshakeTrafficSecret(th);
        assertEquals(48, secret.length);
        assertEquals(32, Tls13KeySchedule.trafficKey(HashAlgorithm.SHA384, secret, 32).length);
        assertEquals(12, Tls13KeySchedule.trafficIv(HashAlgorithm.SHA384, secret).length);
        assertEquals(48, Tls13KeySchedule.finishedVerifyData(HashAlgorithm.SHA384, secret, th).length);
        assertEquals(48, Tls13KeySchedule.nextTrafficSecret(HashAlgorithm.SHA384, secret).length);
        // the early secret without PSK differs: HKDF-Extract(48 zeros, 48 zeros) under SHA-384
        assertFalse(Arrays.equals(S3_EARLY_SECRET, Arrays.copyOf(new Hkdf(HashAlgorithm.SHA384).extract(null, new byte[48]), 32)));
    }

    @Test
    void keyUpdateDerivesTheNextSecretWithTrafficUpd() {
        Hkdf hkdf = new Hkdf(HashAlgorithm.SHA256);
        byte[] next = Tls13KeySchedule.nextTrafficSecret(HashAlgorithm.SHA256, S3_C_AP_TRAFFIC);
        assertArrayEquals(hkdf.expandLabel(S3_C_AP_TRAFFIC, "traffic upd", new byte[0], 32), next);
        assertFalse(Arrays.equals(S3_C_AP_TRAFFIC, next));
        assertFalse(Arrays.equals(next, Tls13KeySchedule.nextTrafficSecret(HashAlgorithm.SHA256, next)));
    }

    @Test
    void theListenerHearsEverySecretWithItsRfcName() {
        Tls13KeySchedule schedule = new Tls13KeySchedule(HashAlgorithm.SHA256);
        List<Tls13Derivation> heard = new ArrayList<>();
        schedule.setListener(heard::add);
        schedule.early(null);
        schedule.handshake(S3_ECDHE);
        schedule.clientHandshakeTrafficSecret(S3_HASH_CH_SH);
        schedule.master();
        assertEquals(List.of("Early Secret", "derived (for the handshake secret)", "Handshake Secret",
                "client_handshake_traffic_secret", "derived (for the master secret)", "Master Secret"),
                heard.stream().map(Tls13Derivation::name).toList());
        assertArrayEquals(S3_EARLY_SECRET, heard.get(0).value());
        assertArrayEquals(S3_DERIVED_FOR_HANDSHAKE, heard.get(1).value());
        assertArrayEquals(S3_HANDSHAKE_SECRET, heard.get(2).value());
        assertArrayEquals(S3_C_HS_TRAFFIC, heard.get(3).value());
        assertArrayEquals(S3_DERIVED_FOR_MASTER, heard.get(4).value());
        assertArrayEquals(S3_MASTER_SECRET, heard.get(5).value());
        assertEquals("Derive-Secret(., \"c hs traffic\", Transcript-Hash "
                + java.util.HexFormat.of().formatHex(S3_HASH_CH_SH) + ")", heard.get(3).formula());
    }

    @Test
    void trafficAndExporterSecretsCarryTheirKeyLogLabels() {
        Tls13KeySchedule schedule = new Tls13KeySchedule(HashAlgorithm.SHA256);
        List<Tls13Derivation> heard = new ArrayList<>();
        schedule.setListener(heard::add);
        schedule.early(S3_TICKET_PSK);
        schedule.binderKey(true);
        schedule.clientEarlyTrafficSecret(S4_HASH_CH);
        schedule.earlyExporterMasterSecret(S4_HASH_CH);
        schedule.handshake(S3_ECDHE);
        schedule.clientHandshakeTrafficSecret(S3_HASH_CH_SH);
        schedule.serverHandshakeTrafficSecret(S3_HASH_CH_SH);
        schedule.master();
        schedule.clientApplicationTrafficSecret(S3_HASH_CH_SERVER_FINISHED);
        schedule.serverApplicationTrafficSecret(S3_HASH_CH_SERVER_FINISHED);
        schedule.exporterMasterSecret(S3_HASH_CH_SERVER_FINISHED);
        schedule.resumptionMasterSecret(S3_HASH_CH_CLIENT_FINISHED);
        assertEquals(List.of("CLIENT_EARLY_TRAFFIC_SECRET", "EARLY_EXPORTER_SECRET", "CLIENT_HANDSHAKE_TRAFFIC_SECRET",
                "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET"),
                heard.stream().flatMap(d -> d.keyLogLabel().stream()).toList());
        assertEquals(14, heard.size(), "3 stage secrets, 2 derived salts, the binder_key and 8 secrets of the RFC 8446 §7.1 figure");
    }

    @Test
    void destroyLeavesNothingToDeriveFrom() {
        Tls13KeySchedule schedule = new Tls13KeySchedule(HashAlgorithm.SHA256);
        schedule.early(null);
        schedule.handshake(S3_ECDHE);
        schedule.master();
        schedule.destroy();
        assertThrows(IllegalStateException.class, () -> schedule.binderKey(true));
        assertThrows(IllegalStateException.class, () -> schedule.serverHandshakeTrafficSecret(S3_HASH_CH_SH));
        assertThrows(IllegalStateException.class, () -> schedule.resumptionMasterSecret(S3_HASH_CH_CLIENT_FINISHED));
    }
}
