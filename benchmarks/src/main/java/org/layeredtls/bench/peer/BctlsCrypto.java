package org.layeredtls.bench.peer;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.util.Date;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedDecryptor;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedDecryptor;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.bouncycastle.tls.crypto.impl.jcajce.JceDefaultTlsCredentialedDecryptor;
import org.layeredtls.bench.idle.BenchmarkPki;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.cert.KeyEncoding;

/**
 * bctls's two crypto implementations: {@code BC} (BouncyCastle's lightweight API, {@link BcTlsCrypto}) and
 * {@code JCA} ({@link JcaTlsCrypto} over the JDK's own providers). Each also checks the server's certificate
 * the way an application on that crypto would (bctls's low-level API leaves it to the application): the
 * validity dates, the issuer name, and the CA's signature, with BouncyCastle's signers or with
 * {@link X509Certificate#verify}.
 */
enum BctlsCrypto {
    BC, JCA;

    TlsCrypto newCrypto() {
        return this == BC ? new BcTlsCrypto(new SecureRandom()) : new JcaTlsCryptoProvider().create(new SecureRandom());
    }

    /** The server's signing credentials (ECDHE-RSA, ECDHE-ECDSA). */
    TlsCredentialedSigner signer(TlsContext context, TlsCrypto crypto, IssuedCertificate key, Certificate chain,
                                 SignatureAndHashAlgorithm algorithm) throws IOException, GeneralSecurityException {
        TlsCryptoParameters parameters = new TlsCryptoParameters(context);
        if (this == BC) {
            return new BcDefaultTlsCredentialedSigner(parameters, (BcTlsCrypto) crypto, bcPrivateKey(key), chain, algorithm);
        }
        return new JcaDefaultTlsCredentialedSigner(parameters, (JcaTlsCrypto) crypto, BenchmarkPki.jdkPrivateKey(key),
                chain, algorithm);
    }

    /** The server's RSA key-transport credentials. */
    TlsCredentialedDecryptor decryptor(TlsCrypto crypto, IssuedCertificate key, Certificate chain)
            throws IOException, GeneralSecurityException {
        if (this == BC) {
            return new BcDefaultTlsCredentialedDecryptor((BcTlsCrypto) crypto, chain, bcPrivateKey(key));
        }
        return new JceDefaultTlsCredentialedDecryptor((JcaTlsCrypto) crypto, chain, BenchmarkPki.jdkPrivateKey(key));
    }

    private static AsymmetricKeyParameter bcPrivateKey(IssuedCertificate key) throws IOException {
        return PrivateKeyFactory.createKey(KeyEncoding.encodePkcs8(key.keyPair().privateKey()));
    }

    /** The check of the server's end-entity certificate against the one trusted CA, on this crypto. */
    ServerCertificateCheck check(IssuedCertificate ca) throws IOException, GeneralSecurityException {
        if (this == JCA) {
            X509Certificate caX509 = BenchmarkPki.x509(ca);
            java.security.PublicKey caKey = caX509.getPublicKey();
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return der -> {
                try {
                    X509Certificate leaf = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
                    leaf.checkValidity();
                    if (!leaf.getIssuerX500Principal().equals(caX509.getSubjectX500Principal())) {
                        throw new TlsFatalAlert(AlertDescription.unknown_ca);
                    }
                    leaf.verify(caKey);
                } catch (GeneralSecurityException e) {
                    throw new TlsFatalAlert(AlertDescription.bad_certificate, e);
                }
            };
        }
        org.bouncycastle.asn1.x509.Certificate caCertificate =
                org.bouncycastle.asn1.x509.Certificate.getInstance(ca.certificate().encoded());
        AsymmetricKeyParameter caKey = PublicKeyFactory.createKey(caCertificate.getSubjectPublicKeyInfo());
        return der -> {
            org.bouncycastle.asn1.x509.Certificate leaf = org.bouncycastle.asn1.x509.Certificate.getInstance(der);
            Date now = new Date();
            if (now.before(leaf.getStartDate().getDate()) || now.after(leaf.getEndDate().getDate())) {
                throw new TlsFatalAlert(AlertDescription.certificate_expired);
            }
            if (!leaf.getIssuer().equals(caCertificate.getSubject())) {
                throw new TlsFatalAlert(AlertDescription.unknown_ca);
            }
            Signer signer = caKey instanceof RSAKeyParameters ? new RSADigestSigner(new SHA256Digest())
                    : new DSADigestSigner(new ECDSASigner(), new SHA256Digest());
            signer.init(false, caKey);
            byte[] tbs = leaf.getTBSCertificate().getEncoded(ASN1Encoding.DER);
            signer.update(tbs, 0, tbs.length);
            if (!signer.verifySignature(leaf.getSignature().getOctets())) {
                throw new TlsFatalAlert(AlertDescription.decrypt_error);
            }
        };
    }

    /** Checks the DER of the server's end-entity certificate; throws when it is not acceptable. */
    interface ServerCertificateCheck {
        void verify(byte[] der) throws IOException;
    }
}
