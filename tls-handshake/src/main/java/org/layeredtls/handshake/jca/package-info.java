/**
 * Bridges to {@code java.security}: the JDK's keys, {@code X509Certificate}s and {@code KeyStore}s (PKCS#12,
 * JKS) in and out of this stack's own types ({@link org.layeredtls.crypto.PrivateKey},
 * {@link org.layeredtls.handshake.cert.Certificate}, {@link org.layeredtls.handshake.api.CertifiedKey}).
 *
 * <p>The bridge goes through the standard encodings both sides already speak: a private key as PKCS#8
 * (RFC 5208), a public key as a SubjectPublicKeyInfo (RFC 5280 §4.1.2.7), a certificate as its DER. The JDK's
 * {@code KeyFactory} and {@code CertificateFactory} read and write those; nothing here does crypto.
 */
package org.layeredtls.handshake.jca;
