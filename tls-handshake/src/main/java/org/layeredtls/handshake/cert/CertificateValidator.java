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
 * </ul>
 * An empty chain is the caller's business (no_certificate / handshake_failure /
 * certificate_required depending on version and side); here it is {@code bad_certificate}.
 */
public final class CertificateValidator {

    /** The longest path (leaf to anchor, both included) that is built. */
    public static final int MAX_DEPTH = 10;

    // the extensions this validator understands (RFC 5280 §4.2: an unknown critical one is fatal)
    private static final Set<String> HANDLED_EXTENSIONS = Set.of(
            "2.5.29.19", "2.5.29.15", "2.5.29.37", "2.5.29.17", "2.5.29.14", "2.5.29.35");

    private final List<Certificate> anchors;
    private final Clock clock;

    /** A validator with these trust anchors, checking validity against {@code clock}. */
    public CertificateValidator(Collection<Certificate> trustAnchors, Clock clock) {
        this.anchors = List.copyOf(trustAnchors);
        this.clock = clock;
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
            throw fail(AlertDescription.BAD_CERTIFICATE, "the peer sent no certificate");
        }
        List<Certificate> path = buildPath(chain);
        for (Certificate certificate : path) {
            checkCriticalExtensions(certificate);
        }
        for (int i = 1; i < path.size(); i++) {
            checkIssuer(path, i);
        }
        checkPurpose(path, purpose);
        for (Certificate certificate : path) {
            checkValidity(certificate, time);
        }
        return List.copyOf(path);
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
                throw fail(AlertDescription.UNKNOWN_CA, "certificate chain longer than " + MAX_DEPTH);
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
                    throw fail(AlertDescription.BAD_CERTIFICATE, "the signature of " + current.subject()
                            + " does not verify with its issuer's key");
                }
                throw fail(AlertDescription.UNKNOWN_CA, current.isSelfIssued()
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
                throw fail(AlertDescription.UNSUPPORTED_CERTIFICATE, "unhandled critical extension " + oid
                        + " in " + certificate.subject());
            }
        }
    }

    // RFC 5280 §6.1.4 (k), (l), (m), (n): every issuer is a CA allowed to sign certificates at this depth
    private void checkIssuer(List<Certificate> path, int index) throws TlsAlertException {
        Certificate issuer = path.get(index);
        boolean trustedV1Root = issuer.version() < 3 && issuer.isSelfIssued() && anchors.contains(issuer);
        if (!issuer.isCa() && !trustedV1Root) {
            throw fail(AlertDescription.UNKNOWN_CA, issuer.subject() + " is not a CA (basicConstraints CA:TRUE missing)");
        }
        if (issuer.keyUsage().isPresent() && !issuer.keyUsage().get().contains(KeyUsage.KEY_CERT_SIGN)) {
            throw fail(AlertDescription.UNKNOWN_CA, issuer.subject() + " has no keyCertSign key usage");
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
            throw fail(AlertDescription.UNKNOWN_CA, issuer.subject() + " allows " + pathLen.get()
                    + " intermediate(s) below it, the path has " + intermediatesBelow);
        }
    }

    // RFC 5280 §4.2.1.3 and §4.2.1.12; RFC 5246 §7.4.2
    private static void checkPurpose(List<Certificate> path, Purpose purpose) throws TlsAlertException {
        Certificate leaf = path.get(0);
        if (!allows(leaf.extendedKeyUsage(), purpose)) {
            throw fail(AlertDescription.UNSUPPORTED_CERTIFICATE, leaf.subject() + " extendedKeyUsage "
                    + leaf.extendedKeyUsage().get() + " does not allow " + purpose);
        }
        if (leaf.keyUsage().isPresent() && leaf.keyUsage().get().stream().noneMatch(purpose.leafKeyUsages()::contains)) {
            throw fail(AlertDescription.UNSUPPORTED_CERTIFICATE, leaf.subject() + " keyUsage "
                    + leaf.keyUsage().get() + " allows none of " + purpose.leafKeyUsages());
        }
        for (int i = 1; i < path.size(); i++) {
            // as OpenSSL: a CA that restricts its extendedKeyUsage must include the purpose
            if (!allows(path.get(i).extendedKeyUsage(), purpose)) {
                throw fail(AlertDescription.UNSUPPORTED_CERTIFICATE, path.get(i).subject()
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
            throw fail(AlertDescription.CERTIFICATE_EXPIRED, certificate.subject() + " is not valid before "
                    + certificate.notBefore());
        }
        if (time.isAfter(certificate.notAfter())) {
            throw fail(AlertDescription.CERTIFICATE_EXPIRED, certificate.subject() + " expired at "
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
            throw fail(AlertDescription.UNSUPPORTED_CERTIFICATE, leaf.subject() + " keyUsage does not include " + usage);
        }
    }

    private static TlsAlertException fail(AlertDescription description, String reason) {
        return new TlsAlertException(description, TlsLayer.HANDSHAKE, reason);
    }
}
