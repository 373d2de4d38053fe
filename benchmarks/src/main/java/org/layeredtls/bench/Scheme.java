package org.layeredtls.bench;

import org.layeredtls.record.BulkCipherAlgorithm;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.MacAlgorithm;
import org.layeredtls.record.ProtocolVersion;

/** The record protections measured: the ones TLS connections use most. */
public enum Scheme {
    AES_128_GCM(ProtocolVersion.TLS1_2, CipherSpec.of(BulkCipherAlgorithm.AES_128_GCM, MacAlgorithm.NULL)),
    AES_128_CBC_SHA1_TLS10(ProtocolVersion.TLS1_0, CipherSpec.of(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1)),
    AES_128_CBC_SHA1_TLS12(ProtocolVersion.TLS1_2, CipherSpec.of(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1)),
    AES_128_CBC_SHA256_TLS12(ProtocolVersion.TLS1_2, CipherSpec.of(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA256)),
    CHACHA20_POLY1305(ProtocolVersion.TLS1_2, CipherSpec.of(BulkCipherAlgorithm.CHACHA20_POLY1305, MacAlgorithm.NULL));

    final ProtocolVersion version;
    final CipherSpec spec;

    Scheme(ProtocolVersion version, CipherSpec spec) {
        this.version = version;
        this.spec = spec;
    }

    /** SSL 3.0 and TLS 1.0 chain the CBC IV from record to record. */
    boolean chainsIv() {
        return spec.bulkCipher().blockLength() > 0 && !version.hasExplicitIv();
    }
}
