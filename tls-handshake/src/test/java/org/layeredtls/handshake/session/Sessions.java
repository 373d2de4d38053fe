package org.layeredtls.handshake.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.KeyAlgorithm;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ProtocolVersion;

/** Test fixtures: a small fixed set of real certificates (made once) and sample sessions. */
final class Sessions {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    /** A CA certificate and a server certificate it issued (leaf first), EC P-256, deterministic. */
    static final List<Certificate> CHAIN = makeChain();

    private Sessions() {
    }

    private static List<Certificate> makeChain() {
        var random = DeterministicRandomSource.fromLabel("session fixtures");
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        Instant until = Instant.parse("2034-01-01T00:00:00Z");
        CertificateAuthority ca = CertificateAuthority.create("Session Test CA", KeyAlgorithm.EC_P256, from, until, random);
        Certificate leaf = ca.issueServer("server.example", List.of("server.example"), List.of(),
                KeyAlgorithm.EC_P256, from, until).certificate();
        return List.of(leaf, ca.certificate().certificate());
    }

    /** A session with a given id, created at {@code created}, resumable for {@code lifetime}. */
    static SessionState session(byte[] id, Instant created, Duration lifetime) {
        byte[] masterSecret = new byte[48];
        for (int i = 0; i < masterSecret.length; i++) {
            masterSecret[i] = (byte) (0xA0 + i);
        }
        return new SessionState(id, ProtocolVersion.TLS1_2, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                CompressionMethod.NULL, masterSecret, true, CHAIN, "server.example", "http/1.1", created, lifetime);
    }

    static SessionState session(int id, Instant created, Duration lifetime) {
        return session(id(id), created, lifetime);
    }

    /** A 32-byte session id whose content is derived from {@code n}. */
    static byte[] id(int n) {
        byte[] id = new byte[32];
        for (int i = 0; i < id.length; i++) {
            id[i] = (byte) (n >>> (8 * (i % 4)));
        }
        id[31] = 0x5E;
        return id;
    }
}
