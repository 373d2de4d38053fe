package org.layeredtls.handshake.jca;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.CertificateParseException;

/** X.509 certificates between {@code java.security.cert.X509Certificate} and this stack's {@link Certificate}: the same DER. */
public final class JcaCertificates {

    private JcaCertificates() {
    }

    /** A JDK certificate as ours, parsed from its DER. */
    public static Certificate fromJca(X509Certificate certificate) throws CertificateParseException {
        try {
            return Certificate.parse(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new CertificateParseException("the JDK could not encode its certificate", e);
        }
    }

    /** A JDK chain (leaf first) as ours. */
    public static List<Certificate> fromJca(X509Certificate[] chain) throws CertificateParseException {
        List<Certificate> ours = new ArrayList<>(chain.length);
        for (X509Certificate certificate : chain) {
            ours.add(fromJca(certificate));
        }
        return ours;
    }

    /** Our certificate as a JDK one, read by the JDK's X.509 {@code CertificateFactory} from the same DER. */
    public static X509Certificate toJca(Certificate certificate) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate.encoded()));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the JDK cannot read the certificate " + certificate.subject(), e);
        }
    }

    /** Our chain (leaf first) as JDK certificates. */
    public static X509Certificate[] toJca(List<Certificate> chain) {
        return chain.stream().map(JcaCertificates::toJca).toArray(X509Certificate[]::new);
    }
}
