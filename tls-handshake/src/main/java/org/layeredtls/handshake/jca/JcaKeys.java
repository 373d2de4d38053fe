package org.layeredtls.handshake.jca;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.crypto.PublicKey;
import org.layeredtls.crypto.RsaPrivateKey;
import org.layeredtls.crypto.RsaPublicKey;
import org.layeredtls.handshake.cert.CertificateParseException;
import org.layeredtls.handshake.cert.KeyEncoding;

/**
 * RSA and EC keys between {@code java.security} and this stack. A private key crosses as its PKCS#8
 * PrivateKeyInfo (RFC 5208), a public key as its SubjectPublicKeyInfo (RFC 5280): the encodings that
 * {@code Key.getEncoded()} returns and {@link KeyEncoding} reads.
 */
public final class JcaKeys {

    private JcaKeys() {
    }

    /** A JDK private key (RSA or EC on a named curve this stack knows) as ours. */
    public static PrivateKey fromJca(java.security.PrivateKey key) throws CertificateParseException {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("a " + key.getAlgorithm() + " key in format " + key.getFormat()
                    + " cannot be exported as PKCS#8 (a hardware or non-extractable key?)");
        }
        byte[] pkcs8 = key.getEncoded();
        try {
            return KeyEncoding.decodePkcs8(pkcs8);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** Our private key as a JDK one ({@code RSAPrivateCrtKey} or {@code ECPrivateKey}). */
    public static java.security.PrivateKey toJca(PrivateKey key) {
        byte[] pkcs8 = KeyEncoding.encodePkcs8(key);
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pkcs8);
        try {
            return keyFactory(key instanceof RsaPrivateKey).generatePrivate(spec);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refused a PKCS#8 key this stack encoded", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** A JDK public key (RSA or EC) as ours. */
    public static PublicKey fromJca(java.security.PublicKey key) throws CertificateParseException {
        return KeyEncoding.decodePublicKey(key.getEncoded());
    }

    /** Our public key as a JDK one ({@code RSAPublicKey} or {@code ECPublicKey}). */
    public static java.security.PublicKey toJca(PublicKey key) {
        try {
            return keyFactory(key instanceof RsaPublicKey).generatePublic(new X509EncodedKeySpec(KeyEncoding.encodePublicKey(key)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refused a SubjectPublicKeyInfo this stack encoded", e);
        }
    }

    private static KeyFactory keyFactory(boolean rsa) throws GeneralSecurityException {
        return KeyFactory.getInstance(rsa ? "RSA" : "EC");
    }
}
