package org.layeredtls.handshake.cert;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.layeredtls.alert.TlsAlertException;

/**
 * Checks that a server certificate names the host the client meant to reach (RFC 6125 §6,
 * RFC 2818 §3.1):
 * <ul>
 *   <li>an IP literal (IPv4 dotted quad, or IPv6, with or without brackets) matches only
 *       iPAddress entries of the subjectAltName, byte for byte;</li>
 *   <li>a DNS name matches the dNSName entries, case-insensitively, ignoring one trailing dot;
 *       a wildcard is allowed only as the whole left-most label ({@code *.example.com}), matches
 *       exactly one non-empty label, and needs at least two labels after it ({@code *.com} never
 *       matches); partial wildcards ({@code f*o.example.com}) never match;</li>
 *   <li>the subject's common name is compared (by the same rules) only when the certificate has
 *       no subjectAltName extension at all (RFC 6125 §6.4.4), as the papers this project follows do.</li>
 * </ul>
 * A mismatch raises {@code bad_certificate}, the alert OpenSSL (X509_V_ERR_HOSTNAME_MISMATCH)
 * and Go's crypto/tls send; RFC 5246 §7.2.2 names no better one (certificate_unknown is for
 * "some other (unspecified) issue").
 */
public final class HostnameVerifier {

    private HostnameVerifier() {
    }

    /** Raises {@code bad_certificate} unless the certificate names {@code host}. */
    public static void verify(Certificate certificate, String host) throws TlsAlertException {
        if (!matches(certificate, host)) {
            throw new CertificateRejectedException(VerificationError.HOSTNAME_MISMATCH,
                    "certificate " + certificate.subject() + " does not name host " + host);
        }
    }

    /** Whether the certificate names {@code host}. */
    public static boolean matches(Certificate certificate, String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        Optional<byte[]> ip = ipLiteral(host);
        Optional<SubjectAltName> san = certificate.subjectAltName();
        if (ip.isPresent()) {
            return san.isPresent() && san.get().ipAddresses().stream()
                    .anyMatch(address -> java.util.Arrays.equals(address.getAddress(), ip.get()));
        }
        String name = normalise(host);
        if (san.isPresent()) {
            return san.get().dnsNames().stream().anyMatch(pattern -> matchesName(pattern, name));
        }
        return certificate.commonName().map(cn -> matchesName(cn, name)).orElse(false);
    }

    /** RFC 6125 §6.4.1 and §6.4.3: one presented identifier against one reference DNS name. */
    static boolean matchesName(String pattern, String host) {
        String presented = normalise(pattern);
        String reference = normalise(host);
        if (presented.isEmpty() || reference.isEmpty()) {
            return false;
        }
        if (presented.indexOf('*') < 0) {
            return presented.equals(reference);
        }
        if (!presented.startsWith("*.") || presented.indexOf('*', 1) >= 0) {
            return false; // partial or non-left-most wildcard
        }
        String suffix = presented.substring(1); // ".example.com"
        if (suffix.substring(1).indexOf('.') < 0) {
            return false; // "*.com": a wildcard needs at least two labels after it
        }
        if (!reference.endsWith(suffix)) {
            return false;
        }
        String label = reference.substring(0, reference.length() - suffix.length());
        return !label.isEmpty() && label.indexOf('.') < 0;
    }

    private static String normalise(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** The address bytes if {@code host} is an IPv4 or IPv6 literal; no name lookup is ever made. */
    static Optional<byte[]> ipLiteral(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.contains(":")) {
            if (!h.matches("[0-9A-Fa-f:.]+")) {
                return Optional.empty();
            }
            try {
                return Optional.of(InetAddress.getByName(h).getAddress()); // a literal: parsed, not resolved
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }
        List<String> parts = List.of(h.split("\\.", -1));
        if (parts.size() != 4) {
            return Optional.empty();
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts.get(i);
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return Optional.empty();
            }
            address[i] = (byte) value;
        }
        return Optional.of(address);
    }
}
