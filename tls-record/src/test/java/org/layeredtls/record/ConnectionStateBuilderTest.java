package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.DeterministicRandomSource;

/** The student's way to key a connection state: every rule is checked and named. */
class ConnectionStateBuilderTest {

    private static String refusal(ConnectionStateBuilder builder) {
        return assertThrows(IllegalArgumentException.class, builder::forWriting).getMessage();
    }

    private static ConnectionStateBuilder aesCbc(ProtocolVersion version) {
        return ConnectionStateBuilder.of(version).cipher(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1)
                .macKey(new byte[20]).encryptionKey(new byte[16]);
    }

    @Test
    void refusesAFixedIvForCbcWhereTheVersionCarriesExplicitIvs() {
        for (ProtocolVersion version : new ProtocolVersion[] {ProtocolVersion.TLS1_1, ProtocolVersion.TLS1_2}) {
            String message = refusal(aesCbc(version).fixedIv(new byte[16]));
            assertTrue(message.contains("explicit IV") && message.contains("RFC 4346 §6.2.3.2")
                    && message.contains(version.displayName()), message);
        }
    }

    @Test
    void asksForTheFixedIvCbcTakesFromTheKeyBlockUnderSsl3AndTls10() {
        for (ProtocolVersion version : new ProtocolVersion[] {ProtocolVersion.SSL3_0, ProtocolVersion.TLS1_0}) {
            assertTrue(refusal(aesCbc(version)).contains("no fixed IV given: this cipher needs 16 bytes"));
            assertTrue(refusal(aesCbc(version).fixedIv(new byte[8])).contains("takes a 16-byte fixed IV, not 8"));
        }
    }

    @Test
    void refusesKeysOfTheWrongLength() {
        String key = refusal(aesCbc(ProtocolVersion.TLS1_2).encryptionKey(new byte[15]));
        assertTrue(key.contains("AES_128_CBC") && key.contains("16-byte key, not 15"), key);
        String mac = refusal(aesCbc(ProtocolVersion.TLS1_2).macKey(new byte[32]));
        assertTrue(mac.contains("HMAC_SHA1") && mac.contains("20-byte MAC key, not 32"), mac);
        String salt = refusal(ConnectionStateBuilder.of(ProtocolVersion.TLS1_2).cipher(BulkCipherAlgorithm.AES_128_GCM)
                .encryptionKey(new byte[16]).fixedIv(new byte[12]));
        assertTrue(salt.contains("4-byte fixed IV, not 12") && salt.contains("RFC 5288"), salt);
        String rc4 = refusal(ConnectionStateBuilder.of(ProtocolVersion.TLS1_0).cipher(BulkCipherAlgorithm.RC4_128, MacAlgorithm.HMAC_MD5)
                .macKey(new byte[16]).encryptionKey(new byte[16]).fixedIv(new byte[16]));
        assertTrue(rc4.contains("a stream cipher has no IV"), rc4);
    }

    @Test
    void refusesCiphersTheVersionDoesNotHave() {
        assertTrue(refusal(ConnectionStateBuilder.of(ProtocolVersion.TLS1_1).cipher(BulkCipherAlgorithm.AES_128_GCM)
                .encryptionKey(new byte[16]).fixedIv(new byte[4])).contains("needs TLS 1.2"));
        assertTrue(refusal(ConnectionStateBuilder.of(ProtocolVersion.SSL3_0)
                .cipher(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA256).keysFrom(DeterministicRandomSource.fromLabel("k")))
                .contains("MD5 and SHA-1 only"));
        assertTrue(refusal(ConnectionStateBuilder.of(ProtocolVersion.TLS1_2).cipher(BulkCipherAlgorithm.AES_128_GCM, MacAlgorithm.HMAC_SHA1))
                .contains("takes no separate MAC"));
        assertTrue(refusal(ConnectionStateBuilder.of(ProtocolVersion.TLS1_2).cipher(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.NULL))
                .contains("need a MAC"));
        assertTrue(refusal(aesCbc(ProtocolVersion.SSL3_0).fixedIv(new byte[16]).encryptThenMac()).contains("RFC 7366"));
        assertThrows(IllegalArgumentException.class, () -> ConnectionStateBuilder.of(ProtocolVersion.TLS1_3));
        assertThrows(IllegalArgumentException.class, () -> ConnectionStateBuilder.of(new ProtocolVersion(2, 0)));
    }

    @Test
    void keysFromDrawsExactlyTheKeysTheVersionAndCipherTake() {
        DeterministicRandomSource random = DeterministicRandomSource.fromLabel("keys");
        for (ProtocolVersion version : new ProtocolVersion[] {ProtocolVersion.SSL3_0, ProtocolVersion.TLS1_0,
                ProtocolVersion.TLS1_1, ProtocolVersion.TLS1_2}) {
            // would throw if any length were wrong (the TLS 1.1+ CBC case draws no fixed IV)
            ConnectionStateBuilder.of(version).cipher(BulkCipherAlgorithm.TRIPLE_DES_EDE_CBC, MacAlgorithm.HMAC_SHA1)
                    .keysFrom(random).forWriting();
        }
        ConnectionStateBuilder.of(ProtocolVersion.TLS1_2).cipher(BulkCipherAlgorithm.CHACHA20_POLY1305).keysFrom(random).forReading();
    }

    @Test
    void statesSealWhatTheMatchingStateOpens() throws Exception {
        ConnectionStateBuilder keys = ConnectionStateBuilder.of(ProtocolVersion.TLS1_0)
                .cipher(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1)
                .keysFrom(DeterministicRandomSource.fromLabel("round trip"));
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = new RecordLayer(InputStream.nullInputStream(), wire, () -> { });
        writer.setPendingWriteState(keys.forWriting());
        writer.activatePendingWriteState();
        writer.write(ContentType.APPLICATION_DATA, new byte[] {1, 2, 3});
        byte[] bytes = wire.toByteArray();
        assertEquals(5 + 32, bytes.length, "3 bytes + 20 MAC + 9 padding in two AES blocks, no explicit IV in TLS 1.0");
        RecordLayer reader = new RecordLayer(new java.io.ByteArrayInputStream(bytes), OutputStream.nullOutputStream(), () -> { });
        reader.setPendingReadState(keys.forReading());
        reader.activatePendingReadState();
        assertArrayEquals(new byte[] {1, 2, 3}, reader.readRecord().fragment());
    }

    @Test
    void theDefaultIsTheInitialStateWithNoProtection() {
        assertEquals(CipherSpec.NULL_WITH_NULL_NULL, ConnectionStateBuilder.of(ProtocolVersion.TLS1_2).forWriting().cipherSpec());
    }
}
