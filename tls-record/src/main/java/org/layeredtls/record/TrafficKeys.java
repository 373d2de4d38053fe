package org.layeredtls.record;

import java.util.Arrays;

/**
 * The secrets of one direction, cut from the key block by the handshake (RFC 5246 §6.3):
 * the MAC key, the encryption key and the fixed IV (any may be empty).
 */
public record TrafficKeys(byte[] macKey, byte[] encryptionKey, byte[] fixedIv) {

    public static final TrafficKeys NONE = new TrafficKeys(new byte[0], new byte[0], new byte[0]);

    public TrafficKeys {
        macKey = macKey.clone();
        encryptionKey = encryptionKey.clone();
        fixedIv = fixedIv.clone();
    }

    @Override
    public byte[] macKey() {
        return macKey.clone();
    }

    @Override
    public byte[] encryptionKey() {
        return encryptionKey.clone();
    }

    @Override
    public byte[] fixedIv() {
        return fixedIv.clone();
    }

    /** Overwrites the secrets with zeros once they have been handed to the ciphers. */
    public void wipe() {
        Arrays.fill(macKey, (byte) 0);
        Arrays.fill(encryptionKey, (byte) 0);
        Arrays.fill(fixedIv, (byte) 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrafficKeys that && Arrays.equals(macKey, that.macKey)
                && Arrays.equals(encryptionKey, that.encryptionKey) && Arrays.equals(fixedIv, that.fixedIv);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(macKey) ^ Arrays.hashCode(encryptionKey) ^ Arrays.hashCode(fixedIv);
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "TrafficKeys[mac " + macKey.length + " bytes, key " + encryptionKey.length + " bytes, iv "
                + fixedIv.length + " bytes]";
    }
}
