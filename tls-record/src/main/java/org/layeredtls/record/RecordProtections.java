package org.layeredtls.record;

import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.RandomSource;

/** Chooses the protection scheme for a cipher description. */
final class RecordProtections {

    private RecordProtections() {
    }

    static RecordProtection none() {
        return NullProtection.INSTANCE;
    }

    static RecordProtection create(ProtocolVersion version, CipherSpec spec, TrafficKeys keys,
                                   boolean forWriting, CryptoProvider crypto, RandomSource random) {
        if (spec.equals(CipherSpec.NULL_WITH_NULL_NULL)) {
            return NullProtection.INSTANCE;
        }
        throw new UnsupportedOperationException("not yet: " + spec);
    }
}
