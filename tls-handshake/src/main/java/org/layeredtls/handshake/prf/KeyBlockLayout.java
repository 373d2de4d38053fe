package org.layeredtls.handshake.prf;

import java.util.Arrays;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.CipherType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.TrafficKeys;

/**
 * How long each part of the key block is for one cipher spec and version, and how the block is
 * cut (RFC 5246 §6.3):
 * <pre>
 *   client_write_MAC_key[mac_key_length]  server_write_MAC_key[mac_key_length]
 *   client_write_key[enc_key_length]      server_write_key[enc_key_length]
 *   client_write_IV[fixed_iv_length]      server_write_IV[fixed_iv_length]
 * </pre>
 */
record KeyBlockLayout(int macKeyLength, int encryptionKeyLength, int fixedIvLength) {

    static KeyBlockLayout of(ProtocolVersion version, CipherSpec spec) {
        // RFC 5246 §6.2.3.3, RFC 5288 §4, RFC 7905 §2: AEAD ciphers exist from TLS 1.2 on
        if (spec.type() == CipherType.AEAD && !version.isAtLeast(ProtocolVersion.TLS1_2)) {
            throw new IllegalArgumentException(spec.bulkCipher() + " needs TLS 1.2, not " + version.displayName());
        }
        int ivLength = spec.bulkCipher().fixedIvLength();
        // RFC 4346 §6.3: from TLS 1.1 on, CBC records carry their own IV and none is derived
        if (spec.type() == CipherType.BLOCK && version.hasExplicitIv()) {
            ivLength = 0;
        }
        return new KeyBlockLayout(spec.mac().macLength(), spec.bulkCipher().keyLength(), ivLength);
    }

    /** The key block length: each part twice, once per direction. */
    int length() {
        return 2 * (macKeyLength + encryptionKeyLength + fixedIvLength);
    }

    /** Cuts the block in the RFC's order; the caller still owns (and wipes) {@code keyBlock}. */
    KeyBlock cut(byte[] keyBlock) {
        if (keyBlock.length != length()) {
            throw new IllegalArgumentException("a key block of " + length() + " bytes, not " + keyBlock.length);
        }
        int macStart = 0;
        int keyStart = 2 * macKeyLength;
        int ivStart = keyStart + 2 * encryptionKeyLength;
        TrafficKeys clientWrite = keys(keyBlock,
                macStart, keyStart, ivStart);
        TrafficKeys serverWrite = keys(keyBlock,
                macStart + macKeyLength, keyStart + encryptionKeyLength, ivStart + fixedIvLength);
        return new KeyBlock(clientWrite, serverWrite);
    }

    private TrafficKeys keys(byte[] keyBlock, int macOffset, int keyOffset, int ivOffset) {
        byte[] macKey = Arrays.copyOfRange(keyBlock, macOffset, macOffset + macKeyLength);
        byte[] key = Arrays.copyOfRange(keyBlock, keyOffset, keyOffset + encryptionKeyLength);
        byte[] iv = Arrays.copyOfRange(keyBlock, ivOffset, ivOffset + fixedIvLength);
        try {
            return new TrafficKeys(macKey, key, iv); // TrafficKeys keeps its own copies
        } finally {
            Arrays.fill(macKey, (byte) 0);
            Arrays.fill(key, (byte) 0);
            Arrays.fill(iv, (byte) 0);
        }
    }
}
