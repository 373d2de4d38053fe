package org.layeredtls.record;

import java.util.ArrayList;
import java.util.List;

import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.RandomSource;

/**
 * Test fixture: one cipher spec under one version, on one crypto backend, with fixed keys, and its
 * writer and reader.
 */
record ProtectionScheme(ProtocolVersion version, CipherSpec spec, CryptoBackend backend) {

    /** On the default backend (BouncyCastle). */
    ProtectionScheme(ProtocolVersion version, CipherSpec spec) {
        this(version, spec, CryptoBackend.BOUNCY_CASTLE);
    }

    static final List<ProtocolVersion> VERSIONS = List.of(
            ProtocolVersion.SSL3_0, ProtocolVersion.TLS1_0, ProtocolVersion.TLS1_1, ProtocolVersion.TLS1_2);

    /** Every cipher spec this stack protects with, under every version that allows it, on every backend. */
    static List<ProtectionScheme> all() {
        List<ProtectionScheme> all = new ArrayList<>();
        for (CryptoBackend backend : CryptoBackend.values()) {
            all.addAll(allOn(backend));
        }
        return all;
    }

    /** Every cipher spec under every version that allows it, on one backend. */
    static List<ProtectionScheme> allOn(CryptoBackend backend) {
        List<CipherSpec> specs = new ArrayList<>();
        specs.add(CipherSpec.of(BulkCipherAlgorithm.NULL, MacAlgorithm.HMAC_MD5));
        specs.add(CipherSpec.of(BulkCipherAlgorithm.NULL, MacAlgorithm.HMAC_SHA1));
        specs.add(CipherSpec.of(BulkCipherAlgorithm.NULL, MacAlgorithm.HMAC_SHA256));
        specs.add(CipherSpec.of(BulkCipherAlgorithm.RC4_128, MacAlgorithm.HMAC_MD5));
        specs.add(CipherSpec.of(BulkCipherAlgorithm.RC4_128, MacAlgorithm.HMAC_SHA1));
        for (boolean etm : new boolean[] {false, true}) {
            specs.add(new CipherSpec(BulkCipherAlgorithm.TRIPLE_DES_EDE_CBC, MacAlgorithm.HMAC_SHA1, etm));
            specs.add(new CipherSpec(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1, etm));
            specs.add(new CipherSpec(BulkCipherAlgorithm.AES_256_CBC, MacAlgorithm.HMAC_SHA1, etm));
            specs.add(new CipherSpec(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_MD5, etm));
            specs.add(new CipherSpec(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA256, etm));
            specs.add(new CipherSpec(BulkCipherAlgorithm.AES_256_CBC, MacAlgorithm.HMAC_SHA384, etm));
        }
        specs.add(CipherSpec.of(BulkCipherAlgorithm.AES_128_GCM, MacAlgorithm.NULL));
        specs.add(CipherSpec.of(BulkCipherAlgorithm.AES_256_GCM, MacAlgorithm.NULL));
        specs.add(CipherSpec.of(BulkCipherAlgorithm.CHACHA20_POLY1305, MacAlgorithm.NULL));
        List<ProtectionScheme> all = new ArrayList<>();
        for (ProtocolVersion version : VERSIONS) {
            for (CipherSpec spec : specs) {
                ProtectionScheme scheme = new ProtectionScheme(version, spec, backend);
                if (scheme.allowed()) {
                    all.add(scheme);
                }
            }
        }
        return all;
    }

    /** The combinations {@code create} accepts. */
    boolean allowed() {
        if (spec.type() == CipherType.AEAD) {
            return version.equals(ProtocolVersion.TLS1_2);
        }
        if (version.isSsl3()) {
            return !spec.encryptThenMac()
                    && (spec.mac() == MacAlgorithm.HMAC_MD5 || spec.mac() == MacAlgorithm.HMAC_SHA1);
        }
        return true;
    }

    boolean isCbc() {
        return spec.type() == CipherType.BLOCK;
    }

    int blockSize() {
        return spec.bulkCipher().blockLength();
    }

    int macLength() {
        return spec.mac().macLength();
    }

    /** The keys: fixed bytes, different per part, so the vectors built from them are stable. */
    TrafficKeys keys() {
        BulkCipherAlgorithm bulk = spec.bulkCipher();
        int ivLength = switch (bulk.type()) {
            case BLOCK -> version.hasExplicitIv() ? 0 : bulk.blockLength();
            case AEAD -> bulk.fixedIvLength();
            case STREAM -> 0;
        };
        return new TrafficKeys(pattern(0x10, spec.mac().macLength()), pattern(0x40, bulk.keyLength()),
                pattern(0xA0, ivLength));
    }

    static byte[] pattern(int start, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (start + i);
        }
        return out;
    }

    RecordProtection writer(RandomSource random) {
        return RecordProtection.create(version, spec, keys(), true, backend.provider(), random);
    }

    RecordProtection writer() {
        return writer(DeterministicRandomSource.fromLabel("writer " + this));
    }

    RecordProtection reader() {
        return readerOn(backend);
    }

    /** A reader on any backend, for records another backend sealed. */
    RecordProtection readerOn(CryptoBackend readerBackend) {
        return RecordProtection.create(version, spec, keys(), false, readerBackend.provider(),
                DeterministicRandomSource.fromLabel("reader " + this));
    }

    @Override
    public String toString() {
        return version.displayName() + " " + spec.bulkCipher() + " " + spec.mac() + (spec.encryptThenMac() ? " EtM" : "")
                + " on " + backend.shortName();
    }
}
