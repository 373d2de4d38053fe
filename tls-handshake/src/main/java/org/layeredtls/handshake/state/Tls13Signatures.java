package org.layeredtls.handshake.state;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.EcPrivateKey;
import org.layeredtls.crypto.EcPublicKey;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.NamedCurve;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.crypto.PublicKey;
import org.layeredtls.crypto.SignatureScheme;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.keyexchange.SignatureSchemes;
import org.layeredtls.handshake.message.CertificateVerify;
import org.layeredtls.handshake.message.DigitallySigned;

/**
 * The TLS 1.3 CertificateVerify (RFC 8446 §4.4.3): a signature over 64 spaces, a context string that
 * says who signs, a zero byte and the transcript hash, so a signature made for one side or one
 * version can never be replayed as another. Only the schemes RFC 8446 §4.2.3 allows here: RSA-PSS
 * for RSA keys (PKCS#1 v1.5 only in certificates), ECDSA with the hash that goes with its curve.
 */
final class Tls13Signatures {

    static final String SERVER_CONTEXT = "TLS 1.3, server CertificateVerify";
    static final String CLIENT_CONTEXT = "TLS 1.3, client CertificateVerify";
    private static final int PADDING_LENGTH = 64;

    private Tls13Signatures() {
    }

    /** RFC 8446 §4.4.3: 0x20 x 64, the context string, 0x00, then Transcript-Hash(Handshake Context, Certificate). */
    static byte[] signedContent(String context, byte[] transcriptHash) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (int i = 0; i < PADDING_LENGTH; i++) {
            content.write(0x20);
        }
        content.writeBytes(context.getBytes(StandardCharsets.US_ASCII));
        content.write(0);
        content.writeBytes(transcriptHash);
        return content.toByteArray();
    }

    /** RFC 8446 §4.2.3: whether a scheme may sign a TLS 1.3 handshake with a key on this curve (null: an RSA key). */
    static boolean allowed(SignatureScheme scheme, NamedCurve curve) {
        return switch (scheme.kind()) {
            case RSA_PSS -> curve == null;
            case RSA_PKCS1 -> false; // "MUST NOT be used ... in CertificateVerify"
            case ECDSA -> curve != null && scheme.hash() == curveHash(curve);
        };
    }

    // ecdsa_secp256r1_sha256, ecdsa_secp384r1_sha384, ecdsa_secp521r1_sha512: the curve fixes the hash
    private static HashAlgorithm curveHash(NamedCurve curve) {
        return switch (curve) {
            case SECP256R1 -> HashAlgorithm.SHA256;
            case SECP384R1 -> HashAlgorithm.SHA384;
            case SECP521R1 -> HashAlgorithm.SHA512;
        };
    }

    static NamedCurve curveOf(PrivateKey key) {
        return key instanceof EcPrivateKey ec ? ec.curve() : null;
    }

    static NamedCurve curveOf(PublicKey key) {
        return key instanceof EcPublicKey ec ? ec.curve() : null;
    }

    /** Our first enabled scheme that the peer offered and our key can make in TLS 1.3. */
    static Optional<SignatureScheme> choose(List<Integer> peerOffered, PrivateKey key, List<SignatureScheme> enabled) {
        List<SignatureScheme> usable = enabled.stream().filter(s -> allowed(s, curveOf(key))).toList();
        return SignatureSchemes.choose(peerOffered, key, usable);
    }

    /** The schemes we offer for TLS 1.3 (signature_algorithms): the enabled ones a TLS 1.3 signature may use. */
    static List<SignatureScheme> offered(List<SignatureScheme> enabled) {
        return enabled.stream().filter(s -> s.kind() == SignatureScheme.Kind.RSA_PSS
                || s.kind() == SignatureScheme.Kind.ECDSA && s.hash() != HashAlgorithm.SHA1).toList();
    }

    static CertificateVerify sign(HandshakeContext context, SignatureScheme scheme, PrivateKey key, String who,
                                  byte[] transcriptHash) {
        return sign(context.config, scheme, key, who, transcriptHash);
    }

    /** A CertificateVerify signed with {@code key} by this side's configuration (also after the handshake, RFC 8446 §4.6.2). */
    static CertificateVerify sign(TlsConfig config, SignatureScheme scheme, PrivateKey key, String who, byte[] transcriptHash) {
        byte[] signature = config.publicKeyCrypto().sign(scheme, key, signedContent(who, transcriptHash), config.random());
        return new CertificateVerify(new DigitallySigned(OptionalInt.of(scheme.tlsCode()), signature));
    }

    /**
     * Checks the peer's CertificateVerify: a scheme we offered that fits its key (else illegal_parameter,
     * RFC 8446 §4.4.3), and a signature that verifies (else decrypt_error).
     */
    static void verify(HandshakeContext context, CertificateVerify verify, PublicKey peerKey, String who,
                       byte[] transcriptHash) throws TlsAlertException {
        verify(context.config, verify, peerKey, who, transcriptHash);
    }

    /** {@link #verify(HandshakeContext, CertificateVerify, PublicKey, String, byte[])} by this side's configuration. */
    static void verify(TlsConfig config, CertificateVerify verify, PublicKey peerKey, String who, byte[] transcriptHash)
            throws TlsAlertException {
        DigitallySigned signed = verify.signature();
        int code = signed.algorithm().orElse(-1);
        SignatureScheme scheme = SignatureSchemes.fromCode(code)
                .filter(offered(config.signatureSchemes())::contains)
                .filter(s -> s.fits(peerKey) && allowed(s, curveOf(peerKey)))
                .orElseThrow(() -> HandshakeContext.alert(AlertDescription.ILLEGAL_PARAMETER, String.format(
                        "CertificateVerify signs with 0x%04x, not a TLS 1.3 scheme we offered for this key", code)));
        boolean valid = config.publicKeyCrypto().verify(scheme, peerKey, signedContent(who, transcriptHash),
                signed.signature());
        if (!valid) {
            // RFC 8446 §4.4.3: "If the verification fails, the receiver MUST terminate the handshake with a decrypt_error alert."
            throw HandshakeContext.alert(AlertDescription.DECRYPT_ERROR, "the peer's CertificateVerify signature does not verify");
        }
    }
}
