package org.layeredtls.handshake.trace;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.layeredtls.crypto.EcPublicKey;
import org.layeredtls.crypto.RsaPublicKey;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.Pem;

/**
 * A peer's certificate chain in the words and layout of {@code openssl s_client}: the
 * "Certificate chain" entries ({@code s:}, {@code i:}, {@code a:}, {@code v:} lines), the PEM of each
 * certificate with {@code -showcerts}, and the "Server certificate" block (PEM, {@code subject=},
 * {@code issuer=}). Shared by the session summary of {@code client} and by {@code -trace}.
 */
public final class CertificateLines {

    // ASN1_TIME_print: "Dec  2 04:47:26 2026 GMT"
    private static final DateTimeFormatter OPENSSL_TIME =
            DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CertificateLines() {
    }

    /**
     * s_client's chain and server certificate blocks, each line without its newline: with
     * {@code showCerts}, each certificate's PEM follows its entry and the server certificate's is not
     * repeated (as s_client: "redundant if we showed the whole chain").
     */
    public static List<String> chainAndServerCertificate(List<Certificate> chain, boolean showCerts, String peerName) {
        List<String> lines = new ArrayList<>();
        if (chain.isEmpty()) {
            lines.add("no peer certificate available");
            return lines;
        }
        lines.add("Certificate chain");
        for (int i = 0; i < chain.size(); i++) {
            Certificate c = chain.get(i);
            lines.add(" " + i + " s:" + name(c.subjectEncoded()));
            lines.add("   i:" + name(c.issuerEncoded()));
            lines.add("   a:PKEY: " + publicKey(c) + "; sigalg: " + signatureAlgorithm(c.signatureAlgorithm()));
            lines.add("   v:" + validity(c));
            if (showCerts) {
                pem(lines, c);
            }
        }
        lines.add("---");
        lines.addAll(peerCertificate(chain.get(0), peerName, !showCerts));
        return lines;
    }

    /**
     * "Server certificate" (s_client) or "Client certificate" (s_server), the certificate's PEM unless
     * {@code withPem} is false, then its {@code subject=} and {@code issuer=} lines.
     */
    public static List<String> peerCertificate(Certificate certificate, String peerName, boolean withPem) {
        List<String> lines = new ArrayList<>();
        lines.add(peerName + " certificate");
        if (withPem) {
            pem(lines, certificate);
        }
        lines.add("subject=" + name(certificate.subjectEncoded()));
        lines.add("issuer=" + name(certificate.issuerEncoded()));
        return lines;
    }

    /**
     * A distinguished name as OpenSSL's one-line form prints it ({@code XN_FLAG_ONELINE}): the RDNs
     * in their encoded order, {@code "C = DE, O = Example, CN = localhost"}, a value holding a comma
     * or plus sign in quotes; the DER as hex if it does not parse.
     */
    public static String name(byte[] encodedName) {
        X500Name name;
        try {
            name = X500Name.getInstance(encodedName);
        } catch (RuntimeException e) {
            return Names.hex(encodedName);
        }
        StringBuilder text = new StringBuilder();
        for (RDN rdn : name.getRDNs()) {
            if (text.length() > 0) {
                text.append(", ");
            }
            AttributeTypeAndValue[] values = rdn.getTypesAndValues();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append(" + ");
                }
                String value = values[i].getValue() instanceof ASN1String string ? string.getString()
                        : IETFUtils.valueToString(values[i].getValue());
                text.append(attributeName(values[i].getType())).append(" = ")
                        .append(value.contains(",") || value.contains("+") ? "\"" + value + "\"" : value);
            }
        }
        return text.toString();
    }

    private static String attributeName(ASN1ObjectIdentifier type) {
        if (type.equals(BCStyle.EmailAddress)) {
            return "emailAddress";
        }
        String symbol = BCStyle.INSTANCE.oidToDisplayName(type);
        return symbol != null ? symbol : type.getId();
    }

    /** "NotBefore: Dec  2 04:47:26 2026 GMT; NotAfter: Dec  4 04:47:26 2026 GMT". */
    public static String validity(Certificate c) {
        return "NotBefore: " + time(c.notBefore()) + "; NotAfter: " + time(c.notAfter());
    }

    static String time(Instant instant) {
        return OPENSSL_TIME.format(instant);
    }

    /** "rsaEncryption, 2048 (bit)" or "id-ecPublicKey, 256 (bit)", as OpenSSL names the key. */
    public static String publicKey(Certificate c) {
        if (c.publicKey() instanceof RsaPublicKey rsa) {
            return "rsaEncryption, " + rsa.modulus().bitLength() + " (bit)";
        }
        if (c.publicKey() instanceof EcPublicKey ec) {
            int bits = switch (ec.curve()) {
                case SECP256R1 -> 256;
                case SECP384R1 -> 384;
                case SECP521R1 -> 521;
            };
            return "id-ecPublicKey, " + bits + " (bit)";
        }
        return String.valueOf(c.publicKey());
    }

    /** OpenSSL's short name for a certificate's signature algorithm OID (RFC 4055, RFC 5758), else the OID. */
    public static String signatureAlgorithm(String oid) {
        return switch (oid) {
            case "1.2.840.113549.1.1.4" -> "RSA-MD5";
            case "1.2.840.113549.1.1.5" -> "RSA-SHA1";
            case "1.2.840.113549.1.1.10" -> "RSASSA-PSS";
            case "1.2.840.113549.1.1.11" -> "RSA-SHA256";
            case "1.2.840.113549.1.1.12" -> "RSA-SHA384";
            case "1.2.840.113549.1.1.13" -> "RSA-SHA512";
            case "1.2.840.10045.4.1" -> "ecdsa-with-SHA1";
            case "1.2.840.10045.4.3.2" -> "ecdsa-with-SHA256";
            case "1.2.840.10045.4.3.3" -> "ecdsa-with-SHA384";
            case "1.2.840.10045.4.3.4" -> "ecdsa-with-SHA512";
            default -> oid;
        };
    }

    /** The certificate as a PEM block, one line per element. */
    static void pem(List<String> lines, Certificate c) {
        lines.addAll(List.of(Pem.encodeCertificate(c).split("\n")));
    }
}
