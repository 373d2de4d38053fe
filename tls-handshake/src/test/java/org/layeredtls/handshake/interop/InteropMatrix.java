package org.layeredtls.handshake.interop;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.policy.SecurityLevel;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.handshake.suite.KeyExchangeAlgorithm;
import org.layeredtls.record.ProtocolVersion;

/**
 * The interop matrix: every (version, suite) pair that both this stack and the OpenSSL 3.0 here speak. Pairs
 * the RFCs forbid (AEAD and SHA-256 suites below TLS 1.2) are never generated: a suite appears from its
 * {@link CipherSuite#minimumVersion()} on. OpenSSL here has no RC4 and no 3DES: those go to the JSSE peer.
 */
final class InteropMatrix {

    /** Versions OpenSSL 3.0 here speaks that we speak too (no SSL 3.0 in this OpenSSL). */
    static final List<ProtocolVersion> VERSIONS = List.of(ProtocolVersion.TLS1_0, ProtocolVersion.TLS1_1,
            ProtocolVersion.TLS1_2);

    private static final Set<CipherSuite> OPENSSL_LACKS = EnumSet.of(CipherSuite.TLS_RSA_WITH_RC4_128_MD5,
            CipherSuite.TLS_RSA_WITH_RC4_128_SHA, CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA);

    /** One cell: a version and a suite; its name says which cell failed. */
    record Cell(ProtocolVersion version, CipherSuite suite) {
        String name() {
            return version.displayName() + " " + suite.ianaName();
        }

        /** ECDHE_ECDSA suites need the ECDSA server certificate. */
        boolean ecdsa() {
            return suite.keyExchange() == KeyExchangeAlgorithm.ECDHE_ECDSA;
        }

        /** OpenSSL 3.0 needs @SECLEVEL=0 for TLS 1.0/1.1 (SHA-1, MD5+SHA-1 signatures) and for NULL suites. */
        boolean needsSecLevel0() {
            return version.compareTo(ProtocolVersion.TLS1_2) < 0 || suite == CipherSuite.TLS_RSA_WITH_NULL_SHA;
        }
    }

    private InteropMatrix() {
    }

    /** The suites of the matrix at {@code version}, in CipherSuite order. */
    static List<CipherSuite> suites(ProtocolVersion version) {
        List<CipherSuite> suites = new ArrayList<>();
        for (CipherSuite suite : CipherSuite.values()) {
            if (!suite.isSignalling() && !OPENSSL_LACKS.contains(suite) && version.isAtLeast(suite.minimumVersion())) {
                suites.add(suite);
            }
        }
        return suites;
    }

    /** All cells, grouped by version. */
    static Map<ProtocolVersion, List<Cell>> cellsByVersion() {
        Map<ProtocolVersion, List<Cell>> cells = new LinkedHashMap<>();
        for (ProtocolVersion version : VERSIONS) {
            cells.put(version, suites(version).stream().map(suite -> new Cell(version, suite)).toList());
        }
        return cells;
    }

    /** The OpenSSL cipher list of all the matrix's suites at {@code version}. */
    static String openSslCipherList(ProtocolVersion version) {
        return String.join(":", suites(version).stream().map(CipherSuite::openSslName).toList());
    }

    /**
     * Our client for one cell: that version only, that suite only, the test CA, server name localhost;
     * security level 0 where OpenSSL needs it too, else the default.
     */
    static TlsConfig.Builder clientConfig(TestPki pki, Cell cell) throws IOException {
        return TlsConfig.builder().versions(cell.version(), cell.version()).cipherSuites(cell.suite())
                .securityLevel(cell.needsSecLevel0() ? 0 : SecurityLevel.DEFAULT.level())
                .trustAnchors(pki.trustAnchors()).serverName("localhost");
    }

    /**
     * Our server for one version: every suite of the matrix, the RSA and the ECDSA certificates; at
     * security level 0, since it serves every cell of the version (NULL-SHA in TLS 1.2 included).
     */
    static TlsConfig.Builder serverConfig(TestPki pki, ProtocolVersion version) throws IOException {
        return TlsConfig.builder().versions(version, version).cipherSuites(suites(version)).securityLevel(0)
                .certificate(pki.serverRsa().chain(), pki.serverRsa().privateKey())
                .certificate(pki.serverEcdsa().chain(), pki.serverEcdsa().privateKey())
                .trustAnchors(pki.trustAnchors());
    }
}
