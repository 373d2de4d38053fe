package org.layeredtls.handshake.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.handshake.testing.MutableClock;

/**
 * Opens one of our tickets with nothing but the JDK's own AES/CBC/PKCS5Padding and HmacSHA256 (test code
 * only: the library never uses JCA), given the keys a deterministic source drew: the ticket is exactly RFC
 * 5077 §4's recommended structure, key_name[16] || iv[16] || encrypted_state&lt;0..2^16-1&gt; || mac[32].
 */
class TicketJcaCrossCheckTest {

    @Test
    void theJdksAesCbcAndHmacSha256OpenOurTicket() throws Exception {
        MutableClock clock = new MutableClock(Sessions.T0);
        SessionState session = Sessions.session(Sessions.id(42), Sessions.T0, Duration.ofHours(1));
        byte[] seed = "RFC 5077 cross-check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        TicketProtector protector = new TicketProtector(new DeterministicRandomSource(seed), clock,
                Duration.ofHours(1), Duration.ofHours(2), CryptoProvider.defaultProvider());
        byte[] ticket = protector.protect(session);

        // the same stream: key name, AES key, HMAC key (TicketKeys.generate), then the ticket's IV
        DeterministicRandomSource replay = new DeterministicRandomSource(seed);
        byte[] keyName = replay.nextBytes(16);
        byte[] aesKey = replay.nextBytes(16);
        byte[] hmacKey = replay.nextBytes(32);
        byte[] iv = replay.nextBytes(16);

        assertArrayEquals(keyName, Arrays.copyOfRange(ticket, 0, 16), "key_name[16]");
        assertArrayEquals(iv, Arrays.copyOfRange(ticket, 16, 32), "iv[16]");
        int encryptedLength = ((ticket[32] & 0xFF) << 8) | (ticket[33] & 0xFF);
        assertEquals(ticket.length, 16 + 16 + 2 + encryptedLength + 32, "encrypted_state<0..2^16-1> then mac[32]");

        // RFC 5077 §4: HMAC-SHA-256 over key_name, IV, the length of encrypted_state and its contents
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
        hmac.update(ticket, 0, 34 + encryptedLength);
        assertTrue(MessageDigest.isEqual(hmac.doFinal(), Arrays.copyOfRange(ticket, ticket.length - 32, ticket.length)));

        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(iv));
        byte[] state = aes.doFinal(ticket, 34, encryptedLength);
        assertArrayEquals(session.encode(), state);
        assertEquals(session, SessionState.decode(state));
    }

    @Test
    void aTicketSealedByTheJdkWithTheSameKeysOpensWithOurs() throws Exception {
        MutableClock clock = new MutableClock(Sessions.T0);
        byte[] seed = "JDK-made ticket".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        TicketProtector protector = new TicketProtector(new DeterministicRandomSource(seed), clock,
                Duration.ofHours(1), Duration.ofHours(2), CryptoProvider.defaultProvider());
        DeterministicRandomSource replay = new DeterministicRandomSource(seed);
        byte[] keyName = replay.nextBytes(16);
        byte[] aesKey = replay.nextBytes(16);
        byte[] hmacKey = replay.nextBytes(32);
        byte[] iv = new byte[16];
        Arrays.fill(iv, (byte) 0x11);

        SessionState session = Sessions.session(Sessions.id(7), Sessions.T0, Duration.ofHours(1));
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(iv));
        byte[] encrypted = aes.doFinal(session.encode());
        byte[] ticket = new byte[16 + 16 + 2 + encrypted.length + 32];
        System.arraycopy(keyName, 0, ticket, 0, 16);
        System.arraycopy(iv, 0, ticket, 16, 16);
        ticket[32] = (byte) (encrypted.length >>> 8);
        ticket[33] = (byte) encrypted.length;
        System.arraycopy(encrypted, 0, ticket, 34, encrypted.length);
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
        hmac.update(ticket, 0, 34 + encrypted.length);
        System.arraycopy(hmac.doFinal(), 0, ticket, 34 + encrypted.length, 32);

        assertEquals(session, protector.unprotect(ticket).orElseThrow());
    }
}
