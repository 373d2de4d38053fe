package org.layeredtls.handshake.cert;

import org.layeredtls.alert.AlertDescription;

/**
 * Why a chain was refused, by OpenSSL's {@code X509_V_ERR_*} number and text (include/openssl/
 * x509_vfy.h, crypto/x509/x509_txt.c), so that the CLI prints the "Verify return code" that
 * {@code openssl s_client} prints for the same chain, and the alert our side sends for it: OpenSSL's
 * ({@code ssl_x509err2alert} in ssl/statem/statem_lib.c, certificate_unknown for the codes it does not
 * list, such as the name-constraint ones), except where this stack chose earlier (bad_certificate
 * for a bad signature, certificate_expired for not yet valid, unsupported_certificate for an
 * unhandled critical extension).
 */
public enum VerificationError {
    UNSPECIFIED(1, "unspecified certificate verification error", AlertDescription.INTERNAL_ERROR),
    CERT_SIGNATURE_FAILURE(7, "certificate signature failure", AlertDescription.BAD_CERTIFICATE),
    CERT_NOT_YET_VALID(9, "certificate is not yet valid", AlertDescription.CERTIFICATE_EXPIRED),
    CERT_HAS_EXPIRED(10, "certificate has expired", AlertDescription.CERTIFICATE_EXPIRED),
    DEPTH_ZERO_SELF_SIGNED_CERT(18, "self-signed certificate", AlertDescription.UNKNOWN_CA),
    SELF_SIGNED_CERT_IN_CHAIN(19, "self-signed certificate in certificate chain", AlertDescription.UNKNOWN_CA),
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY(20, "unable to get local issuer certificate", AlertDescription.UNKNOWN_CA),
    CERT_CHAIN_TOO_LONG(22, "certificate chain too long", AlertDescription.UNKNOWN_CA),
    INVALID_CA(24, "invalid CA certificate", AlertDescription.UNKNOWN_CA),
    PATH_LENGTH_EXCEEDED(25, "path length constraint exceeded", AlertDescription.UNKNOWN_CA),
    INVALID_PURPOSE(26, "unsupported certificate purpose", AlertDescription.UNSUPPORTED_CERTIFICATE),
    UNHANDLED_CRITICAL_EXTENSION(34, "unhandled critical extension", AlertDescription.UNSUPPORTED_CERTIFICATE),
    /** RFC 5280 §4.2.1.10: a name outside every permitted subtree of its type. */
    PERMITTED_VIOLATION(47, "permitted subtree violation", AlertDescription.CERTIFICATE_UNKNOWN),
    /** RFC 5280 §4.2.1.10: a name inside an excluded subtree. */
    EXCLUDED_VIOLATION(48, "excluded subtree violation", AlertDescription.CERTIFICATE_UNKNOWN),
    /** RFC 5280 §4.2.1.10: minimum must be 0 and maximum absent. */
    SUBTREE_MINMAX(49, "name constraints minimum and maximum not supported", AlertDescription.CERTIFICATE_UNKNOWN),
    UNSUPPORTED_CONSTRAINT_TYPE(51, "unsupported name constraint type", AlertDescription.CERTIFICATE_UNKNOWN),
    UNSUPPORTED_NAME_SYNTAX(53, "unsupported or invalid name syntax", AlertDescription.CERTIFICATE_UNKNOWN),
    HOSTNAME_MISMATCH(62, "hostname mismatch", AlertDescription.BAD_CERTIFICATE),
    /** The security level: the leaf's key is too small. */
    EE_KEY_TOO_SMALL(66, "EE certificate key too weak", AlertDescription.BAD_CERTIFICATE),
    /** The security level: an issuer's (or the trust anchor's) key is too small. */
    CA_KEY_TOO_SMALL(67, "CA certificate key too weak", AlertDescription.BAD_CERTIFICATE),
    /** The security level: a certificate (the leaf included, the trust anchor not) is signed with a weak hash. */
    CA_MD_TOO_WEAK(68, "CA signature digest algorithm too weak", AlertDescription.BAD_CERTIFICATE);

    private final int code;
    private final String text;
    private final AlertDescription alert;

    VerificationError(int code, String text, AlertDescription alert) {
        this.code = code;
        this.text = text;
        this.alert = alert;
    }

    /** OpenSSL's X509_V_ERR number. */
    public int code() {
        return code;
    }

    /** OpenSSL's X509_verify_cert_error_string text. */
    public String text() {
        return text;
    }

    /** The alert our side sends for it (OpenSSL's ssl_x509err2alert where the RFC leaves room). */
    public AlertDescription alert() {
        return alert;
    }
}
