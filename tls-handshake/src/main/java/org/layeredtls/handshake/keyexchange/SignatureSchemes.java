package org.layeredtls.handshake.keyexchange;

import java.util.List;
import java.util.Optional;
import org.layeredtls.crypto.EcPrivateKey;
import org.layeredtls.crypto.EcPublicKey;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.crypto.PublicKey;
import org.layeredtls.crypto.RsaPrivateKey;
import org.layeredtls.crypto.SignatureScheme;

/**
 * Which signature a handshake uses. In TLS 1.2 the signer picks a {@code SignatureAndHashAlgorithm}
 * the peer offered (RFC 5246 §7.4.1.4.1, §7.4.3, §7.4.8); before TLS 1.2 the key decides alone:
 * RSA signs MD5 || SHA-1, ECDSA signs SHA-1 (RFC 4346 §7.4.3, RFC 4492 §5.4).
 *
 * <p>The wire codes ({@link org.layeredtls.handshake.extension.SignatureScheme}) and the crypto
 * seam's schemes ({@link SignatureScheme}) meet here, by their 16-bit code.
 */
public final class SignatureSchemes {

    private SignatureSchemes() {
    }

    /** The crypto scheme for a TLS 1.2 code, if the seam can sign and verify it. */
    public static Optional<SignatureScheme> fromCode(int code) {
        for (SignatureScheme scheme : SignatureScheme.values()) {
            if (scheme.tlsCode() == code && code >= 0) {
                return Optional.of(scheme);
            }
        }
        return Optional.empty();
    }

    /** The wire name of a crypto scheme; empty for RSA_PKCS1_MD5_SHA1, which has no TLS 1.2 code. */
    public static Optional<org.layeredtls.handshake.extension.SignatureScheme> toWire(SignatureScheme scheme) {
        return scheme.tlsCode() < 0 ? Optional.empty()
                : org.layeredtls.handshake.extension.SignatureScheme.fromCode(scheme.tlsCode());
    }

    /** The codes to send in signature_algorithms or a CertificateRequest, in order. */
    public static List<Integer> codes(List<SignatureScheme> enabled) {
        return enabled.stream().filter(s -> s.tlsCode() >= 0).map(SignatureScheme::tlsCode).toList();
    }

    /** Whether a private key can make this scheme's signatures. */
    public static boolean fits(SignatureScheme scheme, PrivateKey key) {
        return scheme.kind() == SignatureScheme.Kind.ECDSA ? key instanceof EcPrivateKey : key instanceof RsaPrivateKey;
    }

    /** The scheme before TLS 1.2: RSA over MD5 || SHA-1 (RFC 4346 §7.4.3), ECDSA over SHA-1 (RFC 4492 §5.4). */
    public static SignatureScheme legacyScheme(PublicKey key) {
        return key instanceof EcPublicKey ? SignatureScheme.ECDSA_SHA1 : SignatureScheme.RSA_PKCS1_MD5_SHA1;
    }

    /** {@link #legacyScheme(PublicKey)} for our own private key. */
    public static SignatureScheme legacyScheme(PrivateKey key) {
        return key instanceof EcPrivateKey ? SignatureScheme.ECDSA_SHA1 : SignatureScheme.RSA_PKCS1_MD5_SHA1;
    }

    /**
     * The scheme RFC 5246 §7.4.1.4.1 implies when the peer sent no signature_algorithms: "as if
     * it had sent {sha1,rsa}" for an RSA key, {sha1,ecdsa} for an ECDSA key. Whether it may be
     * used is the security level's call (only level 0 allows SHA-1, as OpenSSL 3.0).
     */
    public static SignatureScheme impliedScheme(PrivateKey key) {
        return key instanceof EcPrivateKey ? SignatureScheme.ECDSA_SHA1 : SignatureScheme.RSA_PKCS1_SHA1;
    }

    /**
     * The TLS 1.2 scheme to sign with: the first of {@code enabled} (our preference order) that
     * the peer offered and that fits our key. When the peer sent no signature_algorithms
     * ({@code peerOfferedCodes == null}), only the {@link #impliedScheme} could do, and only if
     * {@code enabled} has it. Empty when nothing fits: the caller fails the handshake
     * ({@code handshake_failure}).
     *
     * @param peerOfferedCodes the codes of the peer's signature_algorithms extension (or
     *                         CertificateRequest list), or {@code null} if it sent none
     */
    public static Optional<SignatureScheme> choose(List<Integer> peerOfferedCodes, PrivateKey ourKey,
                                                   List<SignatureScheme> enabled) {
        for (SignatureScheme scheme : enabled) {
            if (scheme.tlsCode() >= 0 && fits(scheme, ourKey) && offered(peerOfferedCodes, scheme)) {
                return Optional.of(scheme);
            }
        }
        return Optional.empty();
    }

    /** {@link #choose(List, PrivateKey, List)} for a key known by its public half (the certificate's). */
    public static Optional<SignatureScheme> choose(List<Integer> peerOfferedCodes, PublicKey ourKey,
                                                   List<SignatureScheme> enabled) {
        for (SignatureScheme scheme : enabled) {
            if (scheme.tlsCode() >= 0 && scheme.fits(ourKey) && offered(peerOfferedCodes, scheme)) {
                return Optional.of(scheme);
            }
        }
        return Optional.empty();
    }

    private static boolean offered(List<Integer> peerOfferedCodes, SignatureScheme scheme) {
        if (peerOfferedCodes == null) {
            // RFC 5246 §7.4.1.4.1: absent extension = {sha1,rsa} for RSA keys, {sha1,ecdsa} for ECDSA keys
            return scheme == SignatureScheme.RSA_PKCS1_SHA1 || scheme == SignatureScheme.ECDSA_SHA1;
        }
        return peerOfferedCodes.contains(scheme.tlsCode());
    }
}
