package org.layeredtls.vectors;

import java.util.Arrays;
import java.util.List;

/**
 * One record-protection vector: one direction of one connection state (RFC 5246 §6.1) and the
 * records OpenSSL protected with it, in order. The records' sequence numbers are consecutive and,
 * where the scheme carries state from record to record (the RC4 key stream, the SSL 3.0/TLS 1.0
 * chained CBC IV), the state starts fresh at the first record.
 *
 * <p>The algorithm names are those of {@code org.layeredtls.record.BulkCipherAlgorithm} and
 * {@code MacAlgorithm} (this module depends on nothing, so they are strings here). Under SSL 3.0 a
 * {@code HMAC_*} name means the SSL 3.0 MAC with that hash (RFC 6101 §5.2.3.1).
 *
 * @param name           a unique name, such as {@code TLS1_2-AES_128_GCM-NULL-seq0000000000000000}
 * @param version        the record version's wire code, such as {@code 0x0303}
 * @param bulkCipher     the bulk cipher's name, such as {@code AES_128_CBC}
 * @param mac            the MAC's name, such as {@code HMAC_SHA1} ({@code NULL} for AEAD ciphers)
 * @param encryptThenMac whether the RFC 7366 encrypt-then-MAC layout is used
 * @param macKey         the MAC key (empty for AEAD ciphers)
 * @param encryptionKey  the bulk cipher key (empty for NULL)
 * @param fixedIv        the IV from the key block: SSL 3.0/TLS 1.0 CBC's first IV, the GCM salt,
 *                       the ChaCha20-Poly1305 IV; empty otherwise
 * @param records        the records, in sealing order
 */
public record RecordProtectionVector(String name, int version, String bulkCipher, String mac,
                                     boolean encryptThenMac, byte[] macKey, byte[] encryptionKey,
                                     byte[] fixedIv, List<VectorRecord> records) {

    public RecordProtectionVector {
        macKey = macKey.clone();
        encryptionKey = encryptionKey.clone();
        fixedIv = fixedIv.clone();
        records = List.copyOf(records);
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

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordProtectionVector that && name.equals(that.name) && version == that.version
                && bulkCipher.equals(that.bulkCipher) && mac.equals(that.mac)
                && encryptThenMac == that.encryptThenMac && Arrays.equals(macKey, that.macKey)
                && Arrays.equals(encryptionKey, that.encryptionKey) && Arrays.equals(fixedIv, that.fixedIv)
                && records.equals(that.records);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + records.hashCode();
    }

    /** The name: these are test vectors, and their keys are public anyway. */
    @Override
    public String toString() {
        return name;
    }
}
