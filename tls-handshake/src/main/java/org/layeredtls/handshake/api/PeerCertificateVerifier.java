package org.layeredtls.handshake.api;

import java.util.List;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.suite.KeyExchangeAlgorithm;

/**
 * Decides whether a peer's certificate chain is trusted, in place of this stack's own path validation to
 * {@link TlsConfig#trustAnchors()} and host-name check ({@link TlsConfig.Builder#peerCertificateVerifier}).
 * It is called during the handshake, as soon as the peer's Certificate message is read; to refuse, throw a
 * {@link TlsAlertException} with the alert to send (RFC 5246 §7.2.2: {@code bad_certificate},
 * {@code certificate_unknown}, {@code unknown_ca}, ...). A JSSE {@code X509TrustManager} is plugged in here.
 */
public interface PeerCertificateVerifier {

    /**
     * RFC 5246 §7.4.2: the client checks the server's chain (leaf first) for the suite's key exchange;
     * {@code expectedName} is the host name the client connected to or was configured with, or null.
     */
    void verifyServer(List<Certificate> chain, KeyExchangeAlgorithm keyExchange, String expectedName) throws TlsAlertException;

    /** RFC 5246 §7.4.6: the server checks the client's chain (leaf first, never empty). */
    void verifyClient(List<Certificate> chain) throws TlsAlertException;
}
