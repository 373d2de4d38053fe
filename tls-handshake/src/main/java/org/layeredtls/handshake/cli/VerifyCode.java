package org.layeredtls.handshake.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.CertificateValidator;
import org.layeredtls.handshake.cert.HostnameVerifier;
import org.layeredtls.handshake.cert.VerificationError;
import org.layeredtls.handshake.policy.SecurityLevel;

/**
 * The "Verify return code" of {@code openssl s_client}: OpenSSL's X509_V_ERR number and text.
 *
 * <p>With {@code -CAfile} our client's engine verifies the chain and the name during the handshake
 * (and ends it with the alert if they fail, as {@code s_client -verify_return_error}; the code is
 * then {@link #of} the engine's {@link VerificationError}), so a completed handshake is {@link #OK}.
 * Without {@code -CAfile} nothing is trusted; {@link #untrusted} then says what OpenSSL 3.0 says for
 * the same chain, finding the errors in the order of crypto/x509/x509_vfy.c (the leaf's key against
 * the security level, build the chain, the security level of the rest, check the host name, then
 * walk it from the top: signatures and validity periods); as in s_client, whose callback goes on
 * after each error, the last error found is the one printed.
 */
record VerifyCode(int code, String text) {

    static final VerifyCode OK = new VerifyCode(0, "ok");
    static final VerifyCode NOT_YET_VALID = new VerifyCode(9, "certificate is not yet valid");
    static final VerifyCode EXPIRED = new VerifyCode(10, "certificate has expired");
    static final VerifyCode SELF_SIGNED = new VerifyCode(18, "self-signed certificate");
    static final VerifyCode SELF_SIGNED_IN_CHAIN = new VerifyCode(19, "self-signed certificate in certificate chain");
    static final VerifyCode NO_LOCAL_ISSUER = new VerifyCode(20, "unable to get local issuer certificate");
    static final VerifyCode LEAF_NOT_VERIFIABLE = new VerifyCode(21, "unable to verify the first certificate");
    static final VerifyCode HOSTNAME_MISMATCH = of(VerificationError.HOSTNAME_MISMATCH);
    static final VerifyCode EE_KEY_TOO_SMALL = of(VerificationError.EE_KEY_TOO_SMALL);
    static final VerifyCode CA_KEY_TOO_SMALL = of(VerificationError.CA_KEY_TOO_SMALL);
    static final VerifyCode CA_MD_TOO_WEAK = of(VerificationError.CA_MD_TOO_WEAK);

    /** The code of an error our validator found. */
    static VerifyCode of(VerificationError error) {
        return new VerifyCode(error.code(), error.text());
    }

    /** {@link #untrusted(List, String, Instant, SecurityLevel)} at the default security level. */
    static VerifyCode untrusted(List<Certificate> chain, String expectedName, Instant now) {
        return untrusted(chain, expectedName, now, SecurityLevel.DEFAULT);
    }

    /**
     * What s_client reports for {@code chain} (leaf first, as the server sent it) when no trust anchor
     * is configured. Signatures are not checked: without an anchor the chain is untrusted anyway.
     *
     * @param expectedName the name the leaf should carry (as our engine checks with -CAfile), or null
     */
    static VerifyCode untrusted(List<Certificate> chain, String expectedName, Instant now, SecurityLevel level) {
        if (chain.isEmpty()) {
            return NO_LOCAL_ISSUER;
        }
        VerifyCode last = null;
        // X509_verify_cert(): the leaf's key first
        if (!level.permitsKey(chain.get(0).publicKey())) {
            last = EE_KEY_TOO_SMALL;
        }
        // build_chain(): follow issuer names through what the server sent
        List<Certificate> path = new ArrayList<>(List.of(chain.get(0)));
        while (true) {
            Certificate top = path.get(path.size() - 1);
            if (top.isSelfIssued()) {
                last = path.size() == 1 ? SELF_SIGNED : SELF_SIGNED_IN_CHAIN;
                break;
            }
            Certificate issuer = chain.stream()
                    .filter(c -> !path.contains(c) && Arrays.equals(c.subjectEncoded(), top.issuerEncoded()))
                    .findFirst().orElse(null);
            if (issuer == null || path.size() >= CertificateValidator.MAX_DEPTH) {
                last = NO_LOCAL_ISSUER;
                break;
            }
            path.add(issuer);
        }
        // check_auth_level(): the issuers' keys, and every signature but the top certificate's
        for (int i = 0; i < path.size(); i++) {
            Certificate c = path.get(i);
            if (i > 0 && !level.permitsKey(c.publicKey())) {
                last = CA_KEY_TOO_SMALL;
            }
            if (i < path.size() - 1 && CertificateValidator.signedTooWeakly(c, level)) {
                last = CA_MD_TOO_WEAK;
            }
        }
        // check_id(): the host name
        if (expectedName != null && !HostnameVerifier.matches(path.get(0), expectedName)) {
            last = HOSTNAME_MISMATCH;
        }
        // internal_verify(): from the top down; a lone leaf without its issuer cannot have its signature checked
        for (int i = path.size() - 1; i >= 0; i--) {
            Certificate c = path.get(i);
            if (i == 0 && path.size() == 1 && last != SELF_SIGNED && !c.isSelfIssued()) {
                last = LEAF_NOT_VERIFIABLE;
            }
            if (now.isBefore(c.notBefore())) {
                last = NOT_YET_VALID;
            } else if (now.isAfter(c.notAfter())) {
                last = EXPIRED;
            }
        }
        return last;
    }

    @Override
    public String toString() {
        return code + " (" + text + ")";
    }
}
