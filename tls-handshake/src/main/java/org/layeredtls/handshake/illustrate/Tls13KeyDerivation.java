package org.layeredtls.handshake.illustrate;

import java.util.ArrayList;
import java.util.List;

import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.handshake.prf.Tls13Derivation;
import org.layeredtls.handshake.prf.Tls13KeySchedule;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.BulkCipherAlgorithm;

/**
 * One TLS 1.3 handshake's key schedule as the page draws it (RFC 8446 §7.1): every value the stack's
 * {@link Tls13KeySchedule} derived, in order, with its RFC name and formula, and the traffic secrets
 * that became record protection, each with the AEAD it keyed. The 1.3 counterpart of {@link KeyDerivation}.
 */
final class Tls13KeyDerivation {

    /**
     * A traffic secret that protected one direction's records: its RFC name and the AEAD of that state;
     * {@code handedKey} and {@code handedIv}: the key and iv a record layer was given without a handshake
     * (record-demo), null when they come from the key schedule.
     */
    record TrafficSecret(String name, BulkCipherAlgorithm aead, byte[] handedKey, byte[] handedIv) {

        /** A secret the key schedule derived. */
        TrafficSecret(String name, BulkCipherAlgorithm aead) {
            this(name, aead, null, null);
        }

        boolean handedIn() {
            return handedIv != null;
        }
    }

    private final List<Tls13Derivation> derivations = new ArrayList<>();
    private final List<TrafficSecret> trafficSecrets = new ArrayList<>();
    /** How many records this side had seen when the schedule started: where the handshake is on the ladder. */
    final int recordsSeen;
    private CipherSuite suite;

    Tls13KeyDerivation(int recordsSeen) {
        this.recordsSeen = recordsSeen;
    }

    void add(Tls13Derivation derivation) {
        derivations.add(derivation);
    }

    void suite(CipherSuite negotiated) {
        if (suite == null) {
            suite = negotiated;
        }
    }

    void protectedWith(TrafficSecret secret) {
        if (!trafficSecrets.contains(secret)) {
            trafficSecrets.add(secret);
        }
    }

    /** The suite, once the ServerHello was seen; else null. */
    CipherSuite suite() {
        return suite;
    }

    List<Tls13Derivation> derivations() {
        return List.copyOf(derivations);
    }

    List<TrafficSecret> trafficSecrets() {
        return List.copyOf(trafficSecrets);
    }

    /**
     * The value of the secret {@code name}: as the schedule reported it, or for
     * {@code [sender]_application_traffic_secret_N} with N ≥ 1 (after KeyUpdate), computed here from
     * secret 0 by RFC 8446 §7.2: application_traffic_secret_N+1 = HKDF-Expand-Label(_N, "traffic upd", "", Hash.length).
     */
    byte[] secret(String name) {
        for (Tls13Derivation d : derivations) {
            if (d.name().equals(name)) {
                return d.value();
            }
        }
        int generation = name.lastIndexOf('_');
        if (suite == null || generation < 0 || !name.contains("application_traffic_secret_")) {
            return null;
        }
        int n = Integer.parseInt(name.substring(generation + 1));
        byte[] secret = n == 0 ? null : secret(name.substring(0, generation + 1) + (n - 1));
        return secret == null ? null : Tls13KeySchedule.nextTrafficSecret(hash(), secret);
    }

    HashAlgorithm hash() {
        return suite.prfHash();
    }

    /** RFC 8446 §7.3: the write iv of {@code secret}'s records, or null while it cannot be known. */
    byte[] iv(TrafficSecret secret) {
        if (secret.handedIn()) {
            return secret.handedIv().clone();
        }
        byte[] value = suite == null ? null : secret(secret.name());
        return value == null ? null : Tls13KeySchedule.trafficIv(hash(), value);
    }

    /** RFC 8446 §7.3: the write key of {@code secret}'s records, or null while it cannot be known. */
    byte[] key(TrafficSecret secret) {
        if (secret.handedIn()) {
            return secret.handedKey().clone();
        }
        byte[] value = suite == null ? null : secret(secret.name());
        return value == null ? null : Tls13KeySchedule.trafficKey(hash(), value, secret.aead().keyLength());
    }
}
