package org.layeredtls.handshake.keyexchange;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.crypto.PublicKey;
import org.layeredtls.crypto.PublicKeyCrypto;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.crypto.SignatureScheme;
import org.layeredtls.handshake.message.DigitallySigned;

/**
 * What ServerKeyExchange and CertificateVerify signatures share: signing a digest as a
 * {@code digitally-signed} element, checking a TLS 1.2 algorithm against what we offered and the
 * peer's key, and turning a failed check into {@code decrypt_error}.
 */
final class HandshakeSigner {

    private static final PublicKeyCrypto CRYPTO = PublicKeyCrypto.defaultImplementation();

    private HandshakeSigner() {
    }

    /** TLS 1.2: the scheme's signature over {@code digest} (the scheme's hash of the signed data), named on the wire. */
    static DigitallySigned signTls12(SignatureScheme scheme, PrivateKey key, byte[] digest, RandomSource random) {
        requireTls12Scheme(scheme, key);
        return new DigitallySigned(OptionalInt.of(scheme.tlsCode()), CRYPTO.signDigest(scheme, key, digest, random));
    }

    /** A TLS 1.2 signer must be given a scheme with a TLS 1.2 code that fits its key (a programming error otherwise). */
    static SignatureScheme requireTls12Scheme(SignatureScheme scheme, PrivateKey key) {
        if (scheme == null || scheme.tlsCode() < 0 || !SignatureSchemes.fits(scheme, key)) {
            throw new IllegalArgumentException("cannot sign a TLS 1.2 handshake with " + scheme + " and " + key);
        }
        return scheme;
    }

    /** Before TLS 1.2: RSA signs the 36 bytes MD5 || SHA-1, ECDSA the 20 bytes of SHA-1; no algorithm field. */
    static DigitallySigned signLegacy(PrivateKey key, byte[] md5AndSha1, RandomSource random) {
        SignatureScheme scheme = SignatureSchemes.legacyScheme(key);
        return DigitallySigned.withoutAlgorithm(CRYPTO.signDigest(scheme, key, legacyDigest(scheme, md5AndSha1), random));
    }

    /**
     * The TLS 1.2 scheme a received signature names, checked: it must be one we offered
     * (RFC 5246 §7.4.3: "the signature MUST use a hash/signature pair from the list") and fit the
     * peer's certificate key; anything else is {@code illegal_parameter}.
     */
    static SignatureScheme tls12Scheme(DigitallySigned signature, List<SignatureScheme> offered, PublicKey peerKey)
            throws TlsAlertException {
        if (signature.algorithm().isEmpty()) {
            throw KeyExchangeErrors.illegalParameter("a TLS 1.2 signature names its SignatureAndHashAlgorithm");
        }
        int code = signature.algorithm().getAsInt();
        String name = org.layeredtls.handshake.extension.SignatureScheme.nameOf(code);
        SignatureScheme scheme = SignatureSchemes.fromCode(code)
                .filter(offered::contains)
                .orElseThrow(() -> KeyExchangeErrors.illegalParameter("signature algorithm " + name + " was not offered"));
        if (!scheme.fits(peerKey)) {
            throw KeyExchangeErrors.illegalParameter("signature algorithm " + name + " does not fit the certificate key");
        }
        return scheme;
    }

    /** Verifies a TLS 1.2 signature over the scheme's digest; a failure is {@code decrypt_error}. */
    static void verifyTls12(SignatureScheme scheme, PublicKey peerKey, byte[] digest, DigitallySigned signature, String what)
            throws TlsAlertException {
        requireValid(CRYPTO.verifyDigest(scheme, peerKey, digest, signature.signature()), what);
    }

    /** Verifies a signature from before TLS 1.2 over MD5 || SHA-1 (or its SHA-1 half for ECDSA). */
    static void verifyLegacy(PublicKey peerKey, byte[] md5AndSha1, DigitallySigned signature, String what)
            throws TlsAlertException {
        if (signature.algorithm().isPresent()) {
            throw KeyExchangeErrors.illegalParameter("a signature before TLS 1.2 has no algorithm field");
        }
        SignatureScheme scheme = SignatureSchemes.legacyScheme(peerKey);
        requireValid(CRYPTO.verifyDigest(scheme, peerKey, legacyDigest(scheme, md5AndSha1), signature.signature()), what);
    }

    /** The digest of a signed message with the scheme's hash (MD5 || SHA-1 for the legacy RSA scheme). */
    static byte[] digest(SignatureScheme scheme, byte[] message) {
        return CRYPTO.digest(scheme, message);
    }

    // RFC 4492 §5.4 / RFC 4346 §7.4.8: DSA and ECDSA sign the SHA-1 part only
    private static byte[] legacyDigest(SignatureScheme scheme, byte[] md5AndSha1) {
        if (md5AndSha1.length != 36) {
            throw new IllegalArgumentException("MD5 || SHA-1 is 36 bytes, not " + md5AndSha1.length);
        }
        return scheme == SignatureScheme.ECDSA_SHA1 ? Arrays.copyOfRange(md5AndSha1, 16, 36) : md5AndSha1;
    }

    // RFC 5246 §7.2.2 decrypt_error: "unable to correctly verify a signature"
    private static void requireValid(boolean valid, String what) throws TlsAlertException {
        if (!valid) {
            throw KeyExchangeErrors.decryptError(what + " signature does not verify");
        }
    }
}
