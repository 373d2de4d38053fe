package org.layeredtls.jsse;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.message.Certificate;
import org.layeredtls.handshake.message.HandshakeMessage;

/**
 * Watches one connection for the Certificate message this side sends (RFC 5246 §7.4.2, §7.4.6): the chain
 * {@code SSLSession.getLocalCertificates()} reports, whichever of the configured keys the handshake chose.
 */
final class SentCertificates implements TlsObserver {

    private volatile X509Certificate[] sent;

    @Override
    public void handshakeMessageSent(HandshakeMessage message, byte[] bytes) {
        if (message instanceof Certificate certificate) {
            sent = certificate.certificateList().isEmpty() ? null : parse(certificate);
        }
    }

    /** The chain sent in the last handshake, or null (none asked for, or an empty Certificate message). */
    X509Certificate[] chain() {
        X509Certificate[] chain = sent;
        return chain == null ? null : chain.clone();
    }

    private static X509Certificate[] parse(Certificate message) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            X509Certificate[] chain = new X509Certificate[message.certificateList().size()];
            for (int i = 0; i < chain.length; i++) {
                chain[i] = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(message.certificateList().get(i)));
            }
            return chain;
        } catch (CertificateException e) {
            // our own chain, which the JDK read before (from the key manager): not expected to fail
            throw new IllegalStateException("the JDK cannot read the certificate chain this side sent", e);
        }
    }
}
