package org.layeredtls.bench.peer;

import org.layeredtls.bench.idle.BenchmarkPki;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.suite.CipherSuite;

/**
 * The full-handshake kinds measured, TLS 1.2 with AES-128-GCM records, each with the certificate it needs:
 * RSA key transport and ECDHE-RSA with the RSA-2048 chain, ECDHE-ECDSA with the P-256 chain.
 */
public enum HandshakeKind {
    RSA(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, false),
    ECDHE_RSA(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, false),
    ECDHE_ECDSA(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, true);

    final CipherSuite suite;
    final boolean ecdsa;

    HandshakeKind(CipherSuite suite, boolean ecdsa) {
        this.suite = suite;
        this.ecdsa = ecdsa;
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
