package org.layeredtls.handshake.session;

import java.util.Arrays;

import org.layeredtls.crypto.RandomSource;

/**
 * One generation of session ticket keys (RFC 5077 §4's recommended construction): a 16-byte
 * {@code key_name} that tells the server which keys made a ticket, a 128-bit AES key that encrypts
 * the state, and a 256-bit HMAC-SHA-256 key that authenticates the ticket. All three are random.
 */
final class TicketKeys {

    static final int KEY_NAME_LENGTH = 16;
    static final int AES_KEY_LENGTH = 16;
    static final int HMAC_KEY_LENGTH = 32;

    private final byte[] keyName;
    private final byte[] aesKey;
    private final byte[] hmacKey;

    TicketKeys(byte[] keyName, byte[] aesKey, byte[] hmacKey) {
        if (keyName.length != KEY_NAME_LENGTH || aesKey.length != AES_KEY_LENGTH || hmacKey.length != HMAC_KEY_LENGTH) {
            throw new IllegalArgumentException("ticket keys are 16 + 16 + 32 bytes");
        }
        this.keyName = keyName.clone();
        this.aesKey = aesKey.clone();
        this.hmacKey = hmacKey.clone();
    }

    /** Fresh keys: name, then AES key, then HMAC key, drawn in that order from {@code random}. */
    static TicketKeys generate(RandomSource random) {
        byte[] name = random.nextBytes(KEY_NAME_LENGTH);
        byte[] aes = random.nextBytes(AES_KEY_LENGTH);
        byte[] hmac = random.nextBytes(HMAC_KEY_LENGTH);
        try {
            return new TicketKeys(name, aes, hmac);
        } finally {
            Arrays.fill(aes, (byte) 0);
            Arrays.fill(hmac, (byte) 0);
        }
    }

    /** Whether a ticket's first 16 bytes name these keys (names are not secret: a plain compare). */
    boolean hasName(byte[] ticket) {
        return ticket.length >= KEY_NAME_LENGTH
                && Arrays.equals(keyName, 0, KEY_NAME_LENGTH, ticket, 0, KEY_NAME_LENGTH);
    }

    byte[] keyName() {
        return keyName;
    }

    byte[] aesKey() {
        return aesKey;
    }

    byte[] hmacKey() {
        return hmacKey;
    }

    /** Zeroes the AES and HMAC keys: tickets made with them can no longer be opened. */
    void wipe() {
        Arrays.fill(aesKey, (byte) 0);
        Arrays.fill(hmacKey, (byte) 0);
    }

    @Override
    public String toString() {
        return "TicketKeys[name=" + java.util.HexFormat.of().formatHex(keyName) + "]";
    }
}
