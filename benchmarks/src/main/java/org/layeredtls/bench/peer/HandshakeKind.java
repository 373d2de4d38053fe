package org.layeredtls.bench.peer;

import org.layeredtls.bench.idle.BenchmarkPki;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * The full-handshake kinds measured, each with its version (pinned on every stack, whatever a stack's
 * default) and the certificate it needs: TLS 1.2 with AES-128-GCM records, RSA key transport and ECDHE-RSA
 * with the RSA-2048 chain, ECDHE-ECDSA with the P-256 chain; and TLS 1.3 with TLS_AES_128_GCM_SHA256 and an
 * x25519 key share (the one group every stack is given), the server signing with RSA-PSS
 * (rsa_pss_rsae_sha256) on the RSA-2048 chain or with ECDSA (ecdsa_secp256r1_sha256) on the P-256 chain.
 */
public enum HandshakeKind {
    RSA(ProtocolVersion.TLS1_2, CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, false),
    ECDHE_RSA(ProtocolVersion.TLS1_2, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, false),
    ECDHE_ECDSA(ProtocolVersion.TLS1_2, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, true),
    TLS13_RSA(ProtocolVersion.TLS1_3, CipherSuite.TLS_AES_128_GCM_SHA256, false),
    TLS13_ECDSA(ProtocolVersion.TLS1_3, CipherSuite.TLS_AES_128_GCM_SHA256, true);

    final ProtocolVersion version;
    final CipherSuite suite;
    final boolean ecdsa;

    HandshakeKind(ProtocolVersion version, CipherSuite suite, boolean ecdsa) {
        this.version = version;
        this.suite = suite;
        this.ecdsa = ecdsa;
    }

    boolean tls13() {
        return version == ProtocolVersion.TLS1_3;
    }

    /** SunJSSE's name of the version ({@code TLSv1.2}, {@code TLSv1.3}). */
    String jsseVersion() {
        return version.displayName();
    }

    /** Fails the benchmark when a stack negotiated another version than this kind's. */
    void expectVersion(String negotiated) {
        if (!jsseVersion().equals(negotiated)) {
            throw new IllegalStateException(this + " negotiated " + negotiated + ", not " + jsseVersion());
        }
    }

    /** The IANA name, which is also SunJSSE's name of the suite. */
    String suiteName() {
        return suite.name();
    }

    IssuedCertificate serverCertificate(BenchmarkPki pki) {
        return ecdsa ? pki.ecServer : pki.server;
    }

    CertificateAuthority issuer(BenchmarkPki pki) {
        return ecdsa ? pki.ecCa : pki.ca;
    }
}
