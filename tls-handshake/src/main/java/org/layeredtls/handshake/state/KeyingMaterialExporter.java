package org.layeredtls.handshake.state;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.handshake.prf.KeySchedule;
import org.layeredtls.handshake.prf.Tls13KeySchedule;

/**
 * Keying material exporters: key material for a protocol above TLS (DTLS-SRTP, EAP-TLS, token binding...)
 * bound to one connection, so that both ends get the same bytes and nobody else can. What a connection keeps
 * of its last handshake to compute them:
 *
 * <ul>
 *   <li>TLS 1.3 (RFC 8446 §7.5): the exporter_master_secret; {@code TLS-Exporter(label, context, length)} is
 *       {@code HKDF-Expand-Label(Derive-Secret(exporter_master_secret, label, ""), "exporter", Hash(context), length)},
 *       and no context is the same as an empty one;</li>
 *   <li>TLS 1.0 to 1.2 (RFC 5705 §4): the master secret and both hello randoms, expanded with the PRF;
 *       no context differs from an empty one. Without the extended master secret (RFC 7627 §5.4 warns)
 *       the value is only as unique as the master secret, which a man in the middle can synchronise;</li>
 *   <li>SSL 3.0 has no PRF, so no exporter.</li>
 * </ul>
 */
final class KeyingMaterialExporter {

    /** RFC 5705 §4: labels the TLS PRF uses itself may not be exporter labels (OpenSSL refuses them too). */
    private static final Set<String> RESERVED_LABELS = Set.of("client finished", "server finished", "master secret",
            "key expansion", "extended master secret");

    private final HashAlgorithm tls13Hash; // TLS 1.3: the suite's hash; null below
    private final CryptoProvider crypto; // TLS 1.3: the connection's backend; null below
    private final byte[] exporterMasterSecret;
    private final KeySchedule keySchedule; // TLS 1.0 to 1.2; null in TLS 1.3
    private final byte[] masterSecret;
    private final byte[] clientRandom;
    private final byte[] serverRandom;

    private KeyingMaterialExporter(HashAlgorithm tls13Hash, CryptoProvider crypto, byte[] exporterMasterSecret, KeySchedule keySchedule,
                                   byte[] masterSecret, byte[] clientRandom, byte[] serverRandom) {
        this.tls13Hash = tls13Hash;
        this.crypto = crypto;
        this.exporterMasterSecret = exporterMasterSecret;
        this.keySchedule = keySchedule;
        this.masterSecret = masterSecret;
        this.clientRandom = clientRandom;
        this.serverRandom = serverRandom;
    }

    /** TLS 1.3: from the exporter_master_secret of the suite's hash. */
    static KeyingMaterialExporter tls13(CryptoProvider crypto, HashAlgorithm hash, byte[] exporterMasterSecret) {
        return new KeyingMaterialExporter(Objects.requireNonNull(hash), Objects.requireNonNull(crypto), exporterMasterSecret.clone(),
                null, null, null, null);
    }

    /** SSL 3.0 to TLS 1.2: from the master secret and the randoms of the handshake that made the keys in use. */
    static KeyingMaterialExporter tls12(KeySchedule keySchedule, byte[] masterSecret, byte[] clientRandom, byte[] serverRandom) {
        return new KeyingMaterialExporter(null, null, null, Objects.requireNonNull(keySchedule), masterSecret.clone(),
                clientRandom.clone(), serverRandom.clone());
    }

    /**
     * {@code length} bytes exported under {@code label} and {@code context} ({@code null}: none).
     *
     * @throws IllegalArgumentException      for a reserved (RFC 5705) or non-ASCII label, or a length out of range
     * @throws UnsupportedOperationException under SSL 3.0
     */
    byte[] export(String label, byte[] context, int length) {
        Objects.requireNonNull(label, "label");
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(label)) {
            throw new IllegalArgumentException("an exporter label is ASCII: " + label);
        }
        if (length < 0) {
            throw new IllegalArgumentException("an exporter length cannot be negative: " + length);
        }
        if (tls13Hash != null) {
            if (length > 255 * tls13Hash.digestLength()) { // RFC 5869 §2.3: HKDF-Expand gives 255 * HashLen at most
                throw new IllegalArgumentException("TLS 1.3 exports at most " + 255 * tls13Hash.digestLength() + " bytes");
            }
            return Tls13KeySchedule.exporter(crypto, tls13Hash, exporterMasterSecret, label, context, length);
        }
        if (RESERVED_LABELS.contains(label)) {
            throw new IllegalArgumentException("RFC 5705 §4: '" + label + "' is a label of the TLS PRF itself");
        }
        return keySchedule.exportKeyingMaterial(masterSecret, clientRandom, serverRandom, label, context, length);
    }
}
