package org.layeredtls.jsse;

import java.security.cert.CertificateException;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.X509TrustManager;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.crypto.RsaPublicKey;
import org.layeredtls.handshake.api.PeerCertificateVerifier;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.HostnameVerifier;
import org.layeredtls.handshake.jca.JcaCertificates;
import org.layeredtls.handshake.suite.KeyExchangeAlgorithm;

/**
 * The peer's chain goes to the user's {@link X509TrustManager}, as every JSSE user expects: a client calls
 * {@code checkServerTrusted(chain, authType)} with the key exchange as authType ({@code ECDHE_RSA},
 * {@code ECDHE_ECDSA}, {@code DHE_RSA}, {@code RSA}; {@code UNKNOWN} in TLS 1.3, as SunJSSE), a server
 * {@code checkClientTrusted(chain, authType)} with the key algorithm ({@code RSA}, {@code EC}). Then, on a client whose endpoint identification algorithm is
 * {@code HTTPS} (or {@code LDAPS}), the server certificate must name the host connected to (RFC 2818 §3.1,
 * RFC 6125: subjectAltName, the CN only when there is none). A refusal is the fatal alert
 * {@code certificate_unknown}, as SunJSSE sends.
 */
final class TrustManagerVerifier implements PeerCertificateVerifier {

    private final X509TrustManager trustManager;
    private final String endpointIdentification;
    private final String peerHost;

    /** {@code endpointIdentification} as {@code SSLParameters} holds it (null: none); {@code peerHost} the host connected to. */
    TrustManagerVerifier(X509TrustManager trustManager, String endpointIdentification, String peerHost) {
        this.trustManager = trustManager;
        this.endpointIdentification = endpointIdentification;
        this.peerHost = peerHost;
    }

    @Override
    public void verifyServer(List<Certificate> chain, KeyExchangeAlgorithm keyExchange, String expectedName)
            throws TlsAlertException {
        try {
            trustManager.checkServerTrusted(JcaCertificates.toJca(chain), authType(keyExchange));
        } catch (CertificateException | IllegalArgumentException e) {
            throw refused("the trust manager refused the server's certificate: " + e.getMessage(), e);
        }
        if (identifiesEndpoint()) {
            if (peerHost == null) {
                throw refused("endpoint identification " + endpointIdentification + " without a host name to check", null);
            }
            // RFC 2818 §3.1: the identity in the certificate must match the host the client connected to.
            HostnameVerifier.verify(chain.get(0), peerHost);
        }
    }

    @Override
    public void verifyClient(List<Certificate> chain) throws TlsAlertException {
        String authType = chain.get(0).publicKey() instanceof RsaPublicKey ? "RSA" : "EC";
        try {
            trustManager.checkClientTrusted(JcaCertificates.toJca(chain), authType);
        } catch (CertificateException | IllegalArgumentException e) {
            throw refused("the trust manager refused the client's certificate: " + e.getMessage(), e);
        }
    }

    /**
     * The authType a client's trust manager is asked with: the TLS 1.2 key exchange ({@code ECDHE_RSA}, ...), or
     * {@code UNKNOWN} for TLS 1.3, whose suites name none (RFC 8446 §B.4): SunJSSE's word, which its own trust
     * manager's end-entity check knows (it refuses any other, such as {@code ANY}).
     */
    static String authType(KeyExchangeAlgorithm keyExchange) {
        return keyExchange == KeyExchangeAlgorithm.ANY ? "UNKNOWN" : keyExchange.name();
    }

    /** Whether the endpoint identification algorithm asks for a host name check. */
    private boolean identifiesEndpoint() {
        if (endpointIdentification == null || endpointIdentification.isEmpty()) {
            return false;
        }
        return true;
    }

    /** The algorithms this provider knows: HTTPS, LDAPS and LDAP, all a host-name check; null or empty for none. */
    static String checkEndpointIdentification(String algorithm) {
        if (algorithm != null && !algorithm.isEmpty()
                && !List.of("HTTPS", "LDAPS", "LDAP").contains(algorithm.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("unsupported endpoint identification algorithm " + algorithm
                    + " (LayeredTLS knows HTTPS, LDAPS, LDAP)");
        }
        return algorithm;
    }

    // RFC 5246 §7.2.2: certificate_unknown, "some other (unspecified) issue arose in processing the certificate"
    private static TlsAlertException refused(String reason, Throwable cause) {
        return new TlsAlertException(AlertDescription.CERTIFICATE_UNKNOWN, TlsLayer.HANDSHAKE, reason, cause);
    }
}
