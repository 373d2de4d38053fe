package org.layeredtls.record;

import static org.layeredtls.record.JdkReference.concat;

/**
 * Test helper: MAC-then-encrypt and encrypt-then-MAC CBC records built by hand with the JDK, so
 * tests can hand the reader paddings and MACs that the writer would never produce. Records are the
 * first of a fresh connection state (the implicit IV is the key block's).
 */
final class CraftedRecords {

    static final byte[] EXPLICIT_IV = ProtectionScheme.pattern(0x70, 16);

    private CraftedRecords() {
    }

    private static byte[] iv(ProtectionScheme scheme) {
        return scheme.version().hasExplicitIv()
                ? java.util.Arrays.copyOf(EXPLICIT_IV, scheme.blockSize()) : scheme.keys().fixedIv();
    }

    /** [IV] || E(fragment || mac || paddingWithLengthByte). */
    static byte[] macThenEncrypt(ProtectionScheme scheme, byte[] fragment, byte[] mac, byte[] padding) {
        byte[] iv = iv(scheme);
        byte[] ciphertext = JdkReference.cbc(true, scheme.spec().bulkCipher(), scheme.keys().encryptionKey(), iv,
                concat(fragment, mac, padding));
        return scheme.version().hasExplicitIv() ? concat(iv, ciphertext) : ciphertext;
    }

    /** [IV] || E(fragment || paddingWithLengthByte) || MAC (correct unless {@code corruptMac}). */
    static byte[] encryptThenMac(ProtectionScheme scheme, long seq, ContentType type, byte[] fragment,
                                 byte[] padding, boolean corruptMac) {
        byte[] iv = iv(scheme);
        byte[] ciphertext = JdkReference.cbc(true, scheme.spec().bulkCipher(), scheme.keys().encryptionKey(), iv,
                concat(fragment, padding));
        byte[] body = scheme.version().hasExplicitIv() ? concat(iv, ciphertext) : ciphertext;
        byte[] mac = JdkReference.mac(scheme, seq, type, body);
        if (corruptMac) {
            mac[0] ^= 1;
        }
        return concat(body, mac);
    }

    /** padding_length + 1 bytes: TLS style, each byte the length. */
    static byte[] tlsPadding(int paddingLength) {
        return JdkReference.tlsPadding(paddingLength);
    }

    /** The minimal padding length after {@code content} bytes. */
    static int minimalPadding(ProtectionScheme scheme, int content) {
        return scheme.blockSize() - 1 - content % scheme.blockSize();
    }
}
