package org.layeredtls.handshake.cert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.handshake.policy.SecurityLevel;

/**
 * Validates a peer's certificate chain (leaf first, as the TLS Certificate message carries it,
 * RFC 5246 §7.4.2) against a set of trust anchors, in the spirit of RFC 5280 §6.1 and of what
 * {@code openssl verify} accepts.
 *
 * <p>Path building: from the leaf, the issuer of each certificate is looked up first among the
 * trust anchors, then anywhere in the chain as sent (so extra or out-of-order certificates are
 * tolerated, and the anchor may or may not be in the chain). A candidate issuer has the
 * certificate's issuer name as its subject (and the same key identifier when both carry one); it
 * is taken when its key verifies the certificate's signature.
 *
 * <p>Failures and the alert each raises (RFC 5246 §7.2.2; OpenSSL's {@code ssl_x509err2alert}
 * table in ssl/statem/statem_lib.c where the RFC leaves room):
 * <ul>
 *   <li>no issuer among the chain and the anchors, a self-signed certificate that is not an
 *       anchor, a path longer than {@value #MAX_DEPTH}: {@code unknown_ca}</li>
 *   <li>an issuer whose key does not verify the signature: {@code bad_certificate} (the RFC:
 *       "contained signatures that did not verify correctly"; OpenSSL sends decrypt_error)</li>
 *   <li>outside its validity period, either side: {@code certificate_expired} (the RFC: "has
 *       expired or is not currently valid"; OpenSSL sends bad_certificate when not yet valid)</li>
 *   <li>an issuer that is not a CA (basicConstraints CA:FALSE or absent, keyUsage without
 *       keyCertSign) or whose pathLenConstraint is exceeded: {@code unknown_ca}, as OpenSSL
 *       (X509_V_ERR_INVALID_CA, X509_V_ERR_PATH_LENGTH_EXCEEDED): no trusted CA issued it</li>
 *   <li>a leaf whose extendedKeyUsage or keyUsage does not allow the purpose, an intermediate
 *       whose extendedKeyUsage excludes it, an unknown critical extension:
 *       {@code unsupported_certificate}, as OpenSSL (X509_V_ERR_INVALID_PURPOSE)</li>
 *   <li>the {@link SecurityLevel}: a leaf key too small (checked first, as OpenSSL does, code 66), an
 *       issuer's or the anchor's key too small (67), a certificate other than the anchor signed with a
 *       hash too weak, SHA-1 from level 1 (68): {@code bad_certificate}, as OpenSSL</li>
 *   <li>a name outside the permitted subtrees, or inside the excluded subtrees, of a CA's
 *       nameConstraints ({@link NameConstraints}; codes 47 and 48), checked last as OpenSSL does:
 *       {@code certificate_unknown}, as OpenSSL (its alert for the codes it does not list)</li>
 * </ul>
 * Every failure is a {@link CertificateRejectedException} naming OpenSSL's verify error.
 * An empty chain is the caller's business (no_certificate / handshake_failure /
 * certificate_required depending on version and side); here it is {@code bad_certificate}.
 */
public final class CertificateValidator {

    /** The longest path (leaf to anchor, both included) that is built. */
    public static final int MAX_DEPTH = 10;

    // the extensions this validator understands (RFC 5280 §4.2: an unknown critical one is fatal)
    private static final Set<String> HANDLED_EXTENSIONS = Set.of(
            "2.5.29.19", "2.5.29.15", "2.5.29.37", "2.5.29.17", "2.5.29.14", "2.5.29.35", NameConstraints.OID);

    private final List<Certificate> anchors;
    private final Clock clock;
    private final SecurityLevel securityLevel;

    /** A validator with these trust anchors, checking validity against {@code clock}, at this security level. */
    public CertificateValidator(Collection<Certificate> trustAnchors, Clock clock, SecurityLevel securityLevel) {
        this.anchors = List.copyOf(trustAnchors);
        this.clock = clock;
        this.securityLevel = securityLevel;
    }

    /** A validator with these trust anchors, checking validity against {@code clock}, at the default security level. */
    public CertificateValidator(Collection<Certificate> trustAnchors, Clock clock) {
        this(trustAnchors, clock, SecurityLevel.DEFAULT);
    }

    /** A validator with these trust anchors and the system clock. */
    public CertificateValidator(Collection<Certificate> trustAnchors) {
        this(trustAnchors, Clock.systemUTC());
    }

    /** The trust anchors. */
    public List<Certificate> trustAnchors() {
        return anchors;
    }

    /** Validates at the clock's current time; returns the path from the leaf to its anchor. */
    public List<Certificate> validate(List<Certificate> chain, Purpose purpose) throws TlsAlertException {
        return validate(chain, purpose, clock.instant());
    }

    /** Validates at {@code time}; returns the path from the leaf (first) to its trust anchor (last). */
    public List<Certificate> validate(List<Certificate> chain, Purpose purpose, Instant time) throws TlsAlertException {
        if (chain.isEmpty()) {
            throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE, TlsLayer.HANDSHAKE, "the peer sent no certificate");
        }
        // OpenSSL checks the leaf's key before it even builds the path
        if (!securityLevel.permitsKey(chain.get(0).publicKey())) {
            throw fail(VerificationError.EE_KEY_TOO_SMALL, chain.get(0).subject() + " has a " + chain.get(0).publicKey()
                    + " key, below " + securityLevel);
        }
        List<Certificate> path = buildPath(chain);
        for (Certificate certificate : path) {
            checkCriticalExtensions(certificate);
        }
        for (int i = 1; i < path.size(); i++) {
            checkIssuer(path, i);
        }
        checkPurpose(path, purpose);
        checkSecurityLevel(path);
        for (Certificate certificate : path) {
            checkValidity(certificate, time);
        }
        checkNameConstraints(path);
        return List.copyOf(path);
    }

    // OpenSSL's check_auth_level: every issuer's key (the anchor's too), every signature but the anchor's own
    private void checkSecurityLevel(List<Certificate> path) throws TlsAlertException {
        for (int i = 0; i < path.size(); i++) {
            Certificate certificate = path.get(i);
            if (i > 0 && !securityLevel.permitsKey(certificate.publicKey())) {
                throw fail(VerificationError.CA_KEY_TOO_SMALL, certificate.subject() + " has a "
                        + certificate.publicKey() + " key, below " + securityLevel);
            }
            boolean anchor = i == path.size() - 1 && anchors.contains(certificate);
            if (!anchor && signedTooWeakly(certificate, securityLevel)) {
                throw fail(VerificationError.CA_MD_TOO_WEAK, certificate.subject() + " is signed with "
                        + CertificateSignatures.signatureHash(certificate).orElseThrow() + ", below " + securityLevel);
            }
        }
    }

    /**
     * What the security level says of our own chain (leaf first), as OpenSSL checks a certificate
     * when it is configured ("ee key too small", "ca md too weak"): every key, and the signature of
     * every certificate that is not self-signed.
     */
    public static Optional<VerificationError> ownChainError(List<Certificate> chain, SecurityLevel level) {
        for (int i = 0; i < chain.size(); i++) {
            Certificate certificate = chain.get(i);
            if (!level.permitsKey(certificate.publicKey())) {
                return Optional.of(i == 0 ? VerificationError.EE_KEY_TOO_SMALL : VerificationError.CA_KEY_TOO_SMALL);
            }
            if (!certificate.isSelfIssued() && signedTooWeakly(certificate, level)) {
                return Optional.of(VerificationError.CA_MD_TOO_WEAK);
            }
        }
        return Optional.empty();
    }

    /** Whether the hash {@code certificate} is signed with is below the level (X509_V_ERR_CA_MD_TOO_WEAK). */
    public static boolean signedTooWeakly(Certificate certificate, SecurityLevel level) {
        Optional<HashAlgorithm> hash = CertificateSignatures.signatureHash(certificate);
        return hash.isPresent() && !level.permitsCertificateSignature(hash.get());
    }

    // RFC 5280 §6.1.3 (b), (c) and §6.1.4 (g): each certificate against the constraints of every CA above it
    private static void checkNameConstraints(List<Certificate> path) throws TlsAlertException {
        for (int i = path.size() - 1; i >= 0; i--) {
            Certificate certificate = path.get(i);
            if (i > 0 && certificate.isSelfIssued()) {
                continue; // RFC 5280 §6.1.3 (b): self-issued intermediates are not checked
            }
            for (int j = path.size() - 1; j > i; j--) {
                Optional<NameConstraints> constraints = NameConstraints.of(path.get(j));
                Optional<VerificationError> error = constraints.isEmpty() ? Optional.empty()
                        : constraints.get().check(certificate, i == 0);
                if (error.isPresent()) {
                    throw fail(error.get(), certificate.subject() + " violates the name constraints of "
                            + path.get(j).subject());
                }
            }
        }
    }

    private List<Certificate> buildPath(List<Certificate> chain) throws TlsAlertException {
        List<Certificate> path = new ArrayList<>();
        Certificate current = chain.get(0);
        path.add(current);
        while (true) {
            if (anchors.contains(current)) {
                return path; // the leaf or an intermediate is itself trusted
            }
            if (path.size() >= MAX_DEPTH) {
                throw fail(VerificationError.CERT_CHAIN_TOO_LONG, "certificate chain longer than " + MAX_DEPTH);
            }
            boolean signatureFailed = false;
            Certificate issuer = null;
            for (Certificate candidate : concat(anchors, chain)) {
                if (path.contains(candidate) || !issued(candidate, current)) {
                    continue;
                }
                if (CertificateSignatures.verify(current, candidate.publicKey())) {
                    issuer = candidate;
                    break;
                }
                signatureFailed = true;
            }
            if (issuer == null) {
                if (signatureFailed) {
                    throw fail(VerificationError.CERT_SIGNATURE_FAILURE, "the signature of " + current.subject()
                            + " does not verify with its issuer's key");
                }
                VerificationError error = !current.isSelfIssued() ? VerificationError.UNABLE_TO_GET_ISSUER_CERT_LOCALLY
                        : path.size() == 1 ? VerificationError.DEPTH_ZERO_SELF_SIGNED_CERT
                        : VerificationError.SELF_SIGNED_CERT_IN_CHAIN;
                throw fail(error, current.isSelfIssued()
                        ? "self-signed certificate " + current.subject() + " is not a trust anchor"
                        : "no trusted issuer " + current.issuer() + " for " + current.subject());
            }
            path.add(issuer);
            if (anchors.contains(issuer)) {
                return path;
            }
            current = issuer;
        }
    }

    private static List<Certificate> concat(List<Certificate> first, List<Certificate> second) {
        List<Certificate> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    // RFC 5280 §6.1.3 (a)(4) and §4.2.1.1: issuer name = candidate's subject; key identifiers agree
    private static boolean issued(Certificate candidate, Certificate child) {
        if (!sameName(candidate.subjectEncoded(), child.issuerEncoded())) {
            return false;
        }
        Optional<byte[]> ski = candidate.subjectKeyIdentifier();
        Optional<byte[]> aki = child.authorityKeyIdentifier();
        return ski.isEmpty() || aki.isEmpty() || Arrays.equals(ski.get(), aki.get());
    }

    // RFC 5280 §7.1: binary equality, else the normalised comparison
    private static boolean sameName(byte[] a, byte[] b) {
        if (Arrays.equals(a, b)) {
            return true;
        }
        try {
            return X500Name.getInstance(a).equals(X500Name.getInstance(b));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void checkCriticalExtensions(Certificate certificate) throws TlsAlertException {
        for (String oid : certificate.criticalExtensions()) {
            if (!HANDLED_EXTENSIONS.contains(oid)) {
                throw fail(VerificationError.UNHANDLED_CRITICAL_EXTENSION, "unhandled critical extension " + oid
                        + " in " + certificate.subject());
            }
        }
    }

    // RFC 5280 §6.1.4 (k), (l), (m), (n): every issuer is a CA allowed to sign certificates at this depth
    private void checkIssuer(List<Certificate> path, int index) throws TlsAlertException {
        Certificate issuer = path.get(index);
        boolean trustedV1Root = issuer.version() < 3 && issuer.isSelfIssued() && anchors.contains(issuer);
        if (!issuer.isCa() && !trustedV1Root) {
            throw fail(VerificationError.INVALID_CA, issuer.subject() + " is not a CA (basicConstraints CA:TRUE missing)");
        }
        if (issuer.keyUsage().isPresent() && !issuer.keyUsage().get().contains(KeyUsage.KEY_CERT_SIGN)) {
            throw fail(VerificationError.INVALID_CA, issuer.subject() + " has no keyCertSign key usage");
        }
        int intermediatesBelow = 0;
        for (int j = 1; j < index; j++) {
            if (!path.get(j).isSelfIssued()) {
                intermediatesBelow++;
            }
        }
        var pathLen = issuer.basicConstraints().flatMap(bc -> bc.pathLengthConstraint().isPresent()
                ? Optional.of(bc.pathLengthConstraint().getAsInt()) : Optional.empty());
        if (pathLen.isPresent() && intermediatesBelow > pathLen.get()) {
            throw fail(VerificationError.PATH_LENGTH_EXCEEDED, issuer.subject() + " allows " + pathLen.get()
                    + " intermediate(s) below it, the path has " + intermediatesBelow);
        }
    }

    // RFC 5280 §4.2.1.3 and §4.2.1.12; RFC 5246 §7.4.2
    private static void checkPurpose(List<Certificate> path, Purpose purpose) throws TlsAlertException {
        Certificate leaf = path.get(0);
        if (!allows(leaf.extendedKeyUsage(), purpose)) {
            throw fail(VerificationError.INVALID_PURPOSE, leaf.subject() + " extendedKeyUsage "
                    + leaf.extendedKeyUsage().get() + " does not allow " + purpose);
        }
        if (leaf.keyUsage().isPresent() && leaf.keyUsage().get().stream().noneMatch(purpose.leafKeyUsages()::contains)) {
            throw fail(VerificationError.INVALID_PURPOSE, leaf.subject() + " keyUsage "
                    + leaf.keyUsage().get() + " allows none of " + purpose.leafKeyUsages());
        }
        for (int i = 1; i < path.size(); i++) {
            // as OpenSSL: a CA that restricts its extendedKeyUsage must include the purpose
            if (!allows(path.get(i).extendedKeyUsage(), purpose)) {
                throw fail(VerificationError.INVALID_PURPOSE, path.get(i).subject()
                        + " extendedKeyUsage does not allow " + purpose);
            }
        }
    }

    private static boolean allows(Optional<List<String>> extendedKeyUsage, Purpose purpose) {
        return extendedKeyUsage.isEmpty() || extendedKeyUsage.get().contains(purpose.extendedKeyUsage())
                || extendedKeyUsage.get().contains(ExtendedKeyUsage.ANY);
    }

    // RFC 5280 §6.1.3 (a)(2); RFC 5246 §7.2.2 certificate_expired
    private static void checkValidity(Certificate certificate, Instant time) throws TlsAlertException {
        if (time.isBefore(certificate.notBefore())) {
            throw fail(VerificationError.CERT_NOT_YET_VALID, certificate.subject() + " is not valid before "
                    + certificate.notBefore());
        }
        if (time.isAfter(certificate.notAfter())) {
            throw fail(VerificationError.CERT_HAS_EXPIRED, certificate.subject() + " expired at "
                    + certificate.notAfter());
        }
    }

    /**
     * Checks that a leaf may be used for one specific key usage once the key exchange is known
     * (RFC 5246 §7.4.2: keyEncipherment for RSA key exchange, digitalSignature for (EC)DHE and
     * CertificateVerify). A leaf without the keyUsage extension allows everything.
     */
    public static void requireKeyUsage(Certificate leaf, KeyUsage usage) throws TlsAlertException {
        if (leaf.keyUsage().isPresent() && !leaf.keyUsage().get().contains(usage)) {
            throw fail(VerificationError.INVALID_PURPOSE, leaf.subject() + " keyUsage does not include " + usage);
        }
    }

    private static CertificateRejectedException fail(VerificationError error, String reason) {
        return new CertificateRejectedException(error, reason);
    }
}
