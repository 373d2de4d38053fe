package org.layeredtls.crypto;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * BouncyCastle's decoded form of the EC public keys verified lately, the least recently used dropped past
 * {@value #CAPACITY}. A key's point is decoded and checked on the curve once, and keeps the tables
 * BouncyCastle's verifier attaches to it (its wNAF precomputation, promoted to a fixed-point comb after a few
 * uses), so a key verified again (a trust anchor, a server met before) costs neither the decoding nor the
 * precomputation again: decoding each time cost about 5% of an ECDHE-ECDSA handshake. Keys are public; the
 * cache is keyed by the whole encoding. Thread-safe.
 */
final class DecodedEcPublicKeys {

    /** How many keys are kept: a trust store's EC anchors and the servers of the moment. */
    static final int CAPACITY = 64;

    private final Map<EcPublicKey, ECPublicKeyParameters> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<EcPublicKey, ECPublicKeyParameters> eldest) {
            return size() > CAPACITY;
        }
    };

    /**
     * {@code key} on {@code domain}, decoded once.
     *
     * @throws IllegalArgumentException if the point is not on the curve (nothing is kept then)
     */
    ECPublicKeyParameters decode(EcPublicKey key, ECNamedDomainParameters domain) {
        synchronized (recent) {
            ECPublicKeyParameters known = recent.get(key);
            if (known != null) {
                return known;
            }
        }
        ECPublicKeyParameters decoded = new ECPublicKeyParameters(domain.getCurve().decodePoint(key.encodedPoint()), domain);
        synchronized (recent) {
            recent.put(key, decoded);
        }
        return decoded;
    }

    /** How many keys are kept now. */
    int size() {
        synchronized (recent) {
            return recent.size();
        }
    }
}
