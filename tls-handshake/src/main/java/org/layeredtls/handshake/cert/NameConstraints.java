package org.layeredtls.handshake.cert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;

/**
 * The nameConstraints extension of a CA certificate (RFC 5280 §4.2.1.10): the subtrees of names
 * that the certificates below it must lie in (permitted) and must stay out of (excluded). Checked
 * as OpenSSL 3.0 checks them (crypto/x509/v3_ncons.c), so that a chain gets the same verdict here
 * and from {@code openssl verify}:
 *
 * <ul>
 *   <li>the names of a certificate are its subject (a directoryName, when not empty), the
 *       emailAddress attributes of its subject (as rfc822Names), every subjectAltName entry, and,
 *       for a leaf with no dNSName in its subjectAltName, every subject CN that looks like a host
 *       name (letters, digits, '-', '_' and at least one inner '.');</li>
 *   <li>a name of a type for which permitted subtrees exist must match one of them; a name that
 *       matches an excluded subtree is refused;</li>
 *   <li>dNSName: {@code example.com} matches itself and any name ending in {@code .example.com};
 *       {@code .example.com} only the latter; case-insensitive. rfc822Name: a whole mailbox, a
 *       host ({@code example.com}: mailboxes there only) or a domain ({@code .example.com}:
 *       mailboxes in its subdomains). iPAddress: an address and mask, IPv4 and IPv6 never mixed.
 *       directoryName: the constraint's RDNs begin the name, compared case- and space-insensitively;</li>
 *   <li>subtrees with a minimum other than 0 or with a maximum (RFC 5280: MUST NOT) are refused, and
 *       so are constraints of other types that a certificate's names would have to meet (URI,
 *       otherName, ...): this stack does not implement them.</li>
 * </ul>
 */
final class NameConstraints {

    static final String OID = "2.5.29.30";
    // OpenSSL's NAME_CHECK_MAX: a bound on names × subtrees, so hostile chains cannot burn the CPU
    private static final long MAX_COMPARISONS = 1 << 20;

    private final List<GeneralSubtree> permitted;
    private final List<GeneralSubtree> excluded;

    private NameConstraints(List<GeneralSubtree> permitted, List<GeneralSubtree> excluded) {
        this.permitted = permitted;
        this.excluded = excluded;
    }

    /** The constraints a CA certificate carries, if any. */
    static Optional<NameConstraints> of(Certificate ca) throws CertificateRejectedException {
        Optional<byte[]> value = ca.extensionValue(OID);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            org.bouncycastle.asn1.x509.NameConstraints parsed = org.bouncycastle.asn1.x509.NameConstraints.getInstance(
                    Asn1.strict(value.get()));
            return Optional.of(new NameConstraints(subtrees(parsed.getPermittedSubtrees()),
                    subtrees(parsed.getExcludedSubtrees())));
        } catch (java.io.IOException | RuntimeException e) {
            throw new CertificateRejectedException(VerificationError.UNSUPPORTED_NAME_SYNTAX,
                    "malformed nameConstraints in " + ca.subject());
        }
    }

    private static List<GeneralSubtree> subtrees(GeneralSubtree[] subtrees) {
        return subtrees == null ? List.of() : List.of(subtrees);
    }

    /**
     * Whether {@code certificate}'s names satisfy these constraints.
     *
     * @param leaf whether it is the end-entity certificate (whose CN may count as a host name)
     * @return the violation, or empty
     */
    Optional<VerificationError> check(Certificate certificate, boolean leaf) {
        List<GeneralName> names = new ArrayList<>();
        X500Name subject = X500Name.getInstance(certificate.subjectEncoded());
        if (subject.getRDNs().length > 0) {
            names.add(new GeneralName(subject));
            for (RDN rdn : subject.getRDNs(PKCSObjectIdentifiers.pkcs_9_at_emailAddress)) {
                ASN1Encodable email = rdn.getFirst().getValue();
                if (!(email instanceof ASN1IA5String)) {
                    return Optional.of(VerificationError.UNSUPPORTED_NAME_SYNTAX);
                }
                names.add(new GeneralName(GeneralName.rfc822Name, (ASN1IA5String) email));
            }
        }
        List<GeneralName> altNames = certificate.subjectAltNames();
        names.addAll(altNames);
        // OpenSSL: the CN of a leaf without a dNSName counts as one when it looks like a host name
        if (leaf && altNames.stream().noneMatch(n -> n.getTagNo() == GeneralName.dNSName)) {
            for (RDN rdn : subject.getRDNs(BCStyle.CN)) {
                for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                    if (value.getType().equals(BCStyle.CN) && value.getValue() instanceof ASN1String cn
                            && looksLikeHostName(cn.getString())) {
                        names.add(new GeneralName(GeneralName.dNSName, cn.getString()));
                    }
                }
            }
        }
        if ((long) names.size() * (permitted.size() + excluded.size()) > MAX_COMPARISONS) {
            return Optional.of(VerificationError.UNSPECIFIED);
        }
        for (GeneralName name : names) {
            Optional<VerificationError> error = check(name);
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }

    // RFC 5280 §4.2.1.10: within some permitted subtree of its type (if there are any), within no excluded one
    private Optional<VerificationError> check(GeneralName name) {
        boolean constrained = false;
        boolean matched = false;
        for (GeneralSubtree subtree : permitted) {
            if (subtree.getBase().getTagNo() != name.getTagNo()) {
                continue;
            }
            if (!minimumZeroNoMaximum(subtree)) {
                return Optional.of(VerificationError.SUBTREE_MINMAX);
            }
            constrained = true;
            if (!matched) {
                Match match = match(name, subtree.getBase());
                if (match == Match.UNSUPPORTED_TYPE || match == Match.BAD_SYNTAX) {
                    return Optional.of(match.error());
                }
                matched = match == Match.YES;
            }
        }
        if (constrained && !matched) {
            return Optional.of(VerificationError.PERMITTED_VIOLATION);
        }
        for (GeneralSubtree subtree : excluded) {
            if (subtree.getBase().getTagNo() != name.getTagNo()) {
                continue;
            }
            if (!minimumZeroNoMaximum(subtree)) {
                return Optional.of(VerificationError.SUBTREE_MINMAX);
            }
            Match match = match(name, subtree.getBase());
            if (match == Match.YES) {
                return Optional.of(VerificationError.EXCLUDED_VIOLATION);
            }
            if (match != Match.NO) {
                return Optional.of(match.error());
            }
        }
        return Optional.empty();
    }

    // RFC 5280 §4.2.1.10: "the minimum MUST be zero, and maximum MUST be absent"
    private static boolean minimumZeroNoMaximum(GeneralSubtree subtree) {
        return subtree.getMaximum() == null && (subtree.getMinimum() == null || subtree.getMinimum().signum() == 0);
    }

    private enum Match {
        YES, NO, UNSUPPORTED_TYPE, BAD_SYNTAX;

        VerificationError error() {
            return this == UNSUPPORTED_TYPE ? VerificationError.UNSUPPORTED_CONSTRAINT_TYPE
                    : VerificationError.UNSUPPORTED_NAME_SYNTAX;
        }
    }

    private static Match match(GeneralName name, GeneralName base) {
        return switch (name.getTagNo()) {
            case GeneralName.dNSName -> dnsName(ia5(name), ia5(base));
            case GeneralName.rfc822Name -> rfc822Name(ia5(name), ia5(base));
            case GeneralName.iPAddress -> ipAddress(octets(name), octets(base));
            case GeneralName.directoryName -> directoryName(X500Name.getInstance(name.getName()),
                    X500Name.getInstance(base.getName()));
            default -> Match.UNSUPPORTED_TYPE;
        };
    }

    // dNSName: the base, or the base with labels added on the left
    private static Match dnsName(String name, String base) {
        if (base.isEmpty()) {
            return Match.YES;
        }
        if (name.length() < base.length()) {
            return Match.NO;
        }
        String tail = name.substring(name.length() - base.length());
        if (name.length() > base.length() && base.charAt(0) != '.'
                && name.charAt(name.length() - base.length() - 1) != '.') {
            return Match.NO;
        }
        return tail.equalsIgnoreCase(base) ? Match.YES : Match.NO;
    }

    // rfc822Name: a mailbox (local part case-sensitive), a host, or ".domain" for any host below it
    private static Match rfc822Name(String mailbox, String base) {
        int at = mailbox.lastIndexOf('@');
        if (at < 0) {
            return Match.BAD_SYNTAX;
        }
        int baseAt = base.lastIndexOf('@');
        if (baseAt < 0 && base.startsWith(".")) {
            return mailbox.length() > base.length()
                    && mailbox.substring(mailbox.length() - base.length()).equalsIgnoreCase(base) ? Match.YES : Match.NO;
        }
        String baseHost = base;
        if (baseAt >= 0) {
            if (baseAt > 0 && !base.substring(0, baseAt).equals(mailbox.substring(0, at))) {
                return Match.NO;
            }
            baseHost = base.substring(baseAt + 1);
        }
        return mailbox.substring(at + 1).equalsIgnoreCase(baseHost) ? Match.YES : Match.NO;
    }

    // iPAddress: the constraint is an address followed by a mask of the same length
    private static Match ipAddress(byte[] address, byte[] base) {
        if ((address.length != 4 && address.length != 16) || (base.length != 8 && base.length != 32)) {
            return Match.BAD_SYNTAX;
        }
        if (address.length * 2 != base.length) {
            return Match.NO; // IPv4 against IPv6
        }
        for (int i = 0; i < address.length; i++) {
            byte mask = base[address.length + i];
            if ((address[i] & mask) != (base[i] & mask)) {
                return Match.NO;
            }
        }
        return Match.YES;
    }

    // directoryName: the base's RDNs are the first RDNs of the name (RFC 5280 §7.1 comparison)
    private static Match directoryName(X500Name name, X500Name base) {
        RDN[] rdns = name.getRDNs();
        RDN[] prefix = base.getRDNs();
        if (prefix.length > rdns.length) {
            return Match.NO;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!IETFUtils.rDNAreEqual(prefix[i], rdns[i])) {
                return Match.NO;
            }
        }
        return Match.YES;
    }

    /** OpenSSL's cn2dnsid: letters, digits and '_', with inner '-' and '.', and at least two labels. */
    static boolean looksLikeHostName(String cn) {
        boolean twoLabels = false;
        for (int i = 0; i < cn.length(); i++) {
            char c = cn.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
                continue;
            }
            boolean inner = i > 0 && i < cn.length() - 1;
            if (inner && c == '-') {
                continue;
            }
            if (inner && c == '.' && cn.charAt(i + 1) != '.' && cn.charAt(i - 1) != '-' && cn.charAt(i + 1) != '-') {
                twoLabels = true;
                continue;
            }
            return false;
        }
        return twoLabels;
    }

    private static String ia5(GeneralName name) {
        return ASN1IA5String.getInstance(name.getName()).getString();
    }

    private static byte[] octets(GeneralName name) {
        return ASN1OctetString.getInstance(name.getName()).getOctets();
    }

    @Override
    public String toString() {
        return "NameConstraints[permitted=" + permitted.size() + ", excluded=" + excluded.size() + "]";
    }
}
