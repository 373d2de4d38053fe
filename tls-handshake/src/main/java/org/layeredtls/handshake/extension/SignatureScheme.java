package org.layeredtls.handshake.extension;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A TLS 1.2 {@code SignatureAndHashAlgorithm} (RFC 5246 §7.4.1.4.1: one byte of hash, one of
 * signature), named as RFC 8446 §4.2.3 names the same code points, plus the RSA-PSS and EdDSA
 * schemes RFC 8446 added and TLS 1.2 may use (RFC 8446 §4.2.3 applies them to TLS 1.2 too).
 * Unknown codes are kept as plain {@code int}s: a peer ignores pairs it does not know.
 */
public enum SignatureScheme {
    RSA_PKCS1_MD5(0x0101, "rsa_pkcs1_md5"),
    DSA_MD5(0x0102, "dsa_md5"),
    ECDSA_MD5(0x0103, "ecdsa_md5"),
    RSA_PKCS1_SHA1(0x0201, "rsa_pkcs1_sha1"),
    DSA_SHA1(0x0202, "dsa_sha1"),
    ECDSA_SHA1(0x0203, "ecdsa_sha1"),
    RSA_PKCS1_SHA224(0x0301, "rsa_pkcs1_sha224"),
    DSA_SHA224(0x0302, "dsa_sha224"),
    ECDSA_SHA224(0x0303, "ecdsa_sha224"),
    RSA_PKCS1_SHA256(0x0401, "rsa_pkcs1_sha256"),
    DSA_SHA256(0x0402, "dsa_sha256"),
    ECDSA_SECP256R1_SHA256(0x0403, "ecdsa_secp256r1_sha256"),
    RSA_PKCS1_SHA384(0x0501, "rsa_pkcs1_sha384"),
    DSA_SHA384(0x0502, "dsa_sha384"),
    ECDSA_SECP384R1_SHA384(0x0503, "ecdsa_secp384r1_sha384"),
    RSA_PKCS1_SHA512(0x0601, "rsa_pkcs1_sha512"),
    DSA_SHA512(0x0602, "dsa_sha512"),
    ECDSA_SECP521R1_SHA512(0x0603, "ecdsa_secp521r1_sha512"),
    RSA_PSS_RSAE_SHA256(0x0804, "rsa_pss_rsae_sha256"),
    RSA_PSS_RSAE_SHA384(0x0805, "rsa_pss_rsae_sha384"),
    RSA_PSS_RSAE_SHA512(0x0806, "rsa_pss_rsae_sha512"),
    ED25519(0x0807, "ed25519"),
    ED448(0x0808, "ed448"),
    RSA_PSS_PSS_SHA256(0x0809, "rsa_pss_pss_sha256"),
    RSA_PSS_PSS_SHA384(0x080A, "rsa_pss_pss_sha384"),
    RSA_PSS_PSS_SHA512(0x080B, "rsa_pss_pss_sha512");

    private static final Map<Integer, SignatureScheme> BY_CODE = new HashMap<>();

    static {
        for (SignatureScheme scheme : values()) {
            BY_CODE.put(scheme.code, scheme);
        }
    }

    private final int code;
    private final String rfcName;

    SignatureScheme(int code, String rfcName) {
        this.code = code;
        this.rfcName = rfcName;
    }

    /** The scheme for a wire code, if this stack knows it. */
    public static Optional<SignatureScheme> fromCode(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The name of a code as a trace prints it: the RFC name, or {@code 0xHHHH}. */
    public static String nameOf(int code) {
        SignatureScheme scheme = BY_CODE.get(code);
        return scheme != null ? scheme.rfcName : String.format("0x%04x", code);
    }

    /** The two bytes on the wire: hash then signature (RFC 5246 §7.4.1.4.1). */
    public int code() {
        return code;
    }

    public String rfcName() {
        return rfcName;
    }

    /** The first byte: the TLS 1.2 HashAlgorithm (1 md5, 2 sha1, 3 sha224, 4 sha256, 5 sha384, 6 sha512, 8 intrinsic). */
    public int hashByte() {
        return code >>> 8;
    }

    /** The second byte: the TLS 1.2 SignatureAlgorithm (1 rsa, 2 dsa, 3 ecdsa), or the RFC 8446 scheme's low byte. */
    public int signatureByte() {
        return code & 0xFF;
    }
}
