package org.layeredtls.handshake.policy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.layeredtls.crypto.EcPublicKey;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.PublicKey;
import org.layeredtls.crypto.RsaPublicKey;
import org.layeredtls.crypto.SignatureScheme;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.BulkCipherAlgorithm;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.MacAlgorithm;
import org.layeredtls.record.ProtocolVersion;

/**
 * A security level, as OpenSSL 3.0 defines them ({@code SSL_CTX_set_security_level(3)}): one number
 * that decides, in this one place, every "is this strong enough?" question of the stack. Each level
 * asks for a minimum strength in bits, measured as NIST SP 800-57 does (the work an attacker needs,
 * as a binary logarithm), and adds a few rules of its own:
 *
 * <pre>
 * level  bits  RSA/DH   EC   refused on top of the lower levels
 *   0      0    (1024 DH)    nothing; only DH groups under 1024 bits, as OpenSSL
 *   1     80    1024   160   SHA-1 and MD5 signatures (handshake and certificates), so TLS 1.0/1.1
 *                            (their signatures are MD5+SHA-1 or SHA-1); NULL and MD5-MAC suites
 *   2    112    2048   224   RC4, SSL 3.0, compression            (the default, as Debian's OpenSSL)
 *   3    128    3072   256   suites without forward secrecy (RSA key exchange), TLS 1.0, session tickets
 *   4    192    7680   384   suites with a SHA-1 MAC, TLS 1.1
 *   5    256   15360   512
 * </pre>
 *
 * The strengths are those OpenSSL assigns: a key by its size (RSA and DH modulus, EC group order);
 * a signature by its hash (half the digest; SHA-1 counts 64 bits in a handshake and 63 in a
 * certificate, MD5+SHA-1 67, MD5 39, so that none reaches level 1); a cipher suite by its bulk
 * cipher's key (3DES 112, AES-128 128, AES-256 and ChaCha20 256, NULL 0).
 */
public record SecurityLevel(int level) {

    /** The level Debian builds OpenSSL with, and this stack's default. */
    public static final SecurityLevel DEFAULT = new SecurityLevel(2);
    /** The highest level. */
    public static final int MAX = 5;

    // SSL_CTX_set_security_level(3): the minimum strength of each level, in bits
    private static final int[] MINIMUM_BITS = {0, 80, 112, 128, 192, 256};
    // OpenSSL's only rule at level 0: no ephemeral DH group under 80 bits (1024-bit p)
    private static final int LEVEL_0_DH_BITS = 80;
    // SHA-1 in the MAC of a suite is taken as 160 bits (HMAC), enough up to level 3
    private static final int HMAC_SHA1_BITS = 160;
    // OpenSSL 3.0 (ssl/t1_lib.c, crypto/x509/x509_set.c): broken hashes counted below level 1
    private static final int SHA1_SIGNATURE_BITS = 64;
    private static final int SHA1_CERTIFICATE_SIGNATURE_BITS = 63;
    private static final int MD5_SHA1_SIGNATURE_BITS = 67;
    private static final int MD5_SIGNATURE_BITS = 39;

    public SecurityLevel {
        if (level < 0 || level > MAX) {
            throw new IllegalArgumentException("security level " + level + " is not in 0.." + MAX);
        }
    }

    /** The level with this number (0 to 5). */
    public static SecurityLevel of(int level) {
        return new SecurityLevel(level);
    }

    /** The minimum strength this level asks of every key, signature, group and suite. */
    public int minimumBits() {
        return MINIMUM_BITS[level];
    }

    // ------------------------------------------------------------------ keys and groups

    /** NIST SP 800-57 Part 1 Table 2: the strength of an RSA or finite-field DH modulus (OpenSSL's BN_security_bits). */
    public static int modulusStrength(int modulusBits) {
        if (modulusBits >= 15360) {
            return 256;
        } else if (modulusBits >= 7680) {
            return 192;
        } else if (modulusBits >= 3072) {
            return 128;
        } else if (modulusBits >= 2048) {
            return 112;
        } else if (modulusBits >= 1024) {
            return 80;
        }
        return 0;
    }

    /** The strength of an elliptic-curve group of this order size: half the bits, as OpenSSL rounds it. */
    public static int curveStrength(int orderBits) {
        if (orderBits >= 512) {
            return 256;
        } else if (orderBits >= 384) {
            return 192;
        } else if (orderBits >= 256) {
            return 128;
        } else if (orderBits >= 224) {
            return 112;
        } else if (orderBits >= 160) {
            return 80;
        }
        return orderBits / 2;
    }

    /** The strength of a certificate's public key. */
    public static int strength(PublicKey key) {
        if (key instanceof RsaPublicKey rsa) {
            return modulusStrength(rsa.modulus().bitLength());
        }
        return curveStrength(((EcPublicKey) key).curve().fieldLength() * 8);
    }

    /** Whether a certificate's key is strong enough (X509_V_ERR_EE_KEY_TOO_SMALL / CA_KEY_TOO_SMALL if not). */
    public boolean permitsKey(PublicKey key) {
        return strength(key) >= minimumBits();
    }

    /** The smallest RSA modulus this level accepts, in bits (0 at level 0). */
    public int minimumRsaBits() {
        return switch (level) {
            case 0 -> 0;
            case 1 -> 1024;
            case 2 -> 2048;
            case 3 -> 3072;
            case 4 -> 7680;
            default -> 15360;
        };
    }

    /** The smallest ephemeral DH prime accepted: the RSA size of the level, and 1024 bits even at level 0. */
    public int minimumDhBits() {
        return level == 0 ? 1024 : minimumRsaBits();
    }

    /** Whether an ephemeral DH prime of this size is strong enough (OpenSSL: "dh key too small"). */
    public boolean permitsDhPrime(int primeBits) {
        return modulusStrength(primeBits) >= Math.max(minimumBits(), level == 0 ? LEVEL_0_DH_BITS : 0);
    }

    /** The strength of a named group (RFC 8422 curves, RFC 7919 groups). */
    public static int strength(NamedGroup group) {
        return switch (group) {
            case SECP256R1, X25519 -> 128;
            case SECP384R1 -> 192;
            case SECP521R1 -> 256;
            case X448 -> 224;
            case FFDHE2048 -> modulusStrength(2048);
            case FFDHE3072 -> modulusStrength(3072);
            case FFDHE4096 -> modulusStrength(4096);
            case FFDHE6144 -> modulusStrength(6144);
            case FFDHE8192 -> modulusStrength(8192);
            case X25519MLKEM768 -> 192; // as strong as its stronger half: ML-KEM-768, NIST category 3 (FIPS 203)
        };
    }

    /** Whether a named group may be offered or chosen for an ephemeral key exchange. */
    public boolean permitsGroup(NamedGroup group) {
        return strength(group) >= minimumBits();
    }

    // ------------------------------------------------------------------ signatures

    /** The strength of a handshake signature (ServerKeyExchange, CertificateVerify): its hash's. */
    public static int strength(SignatureScheme scheme) {
        if (scheme.hash() == null) {
            return MD5_SHA1_SIGNATURE_BITS; // RSA over MD5 || SHA-1, TLS 1.0/1.1
        }
        return switch (scheme.hash()) {
            case MD5 -> MD5_SIGNATURE_BITS;
            case SHA1 -> SHA1_SIGNATURE_BITS;
            default -> scheme.hash().digestLength() * 4;
        };
    }

    /** Whether a handshake signature scheme may be offered, chosen or accepted. */
    public boolean permitsSignature(SignatureScheme scheme) {
        return strength(scheme) >= minimumBits();
    }

    /** The strength of a certificate signature made with this hash (OpenSSL's X509_get_signature_info). */
    public static int certificateSignatureStrength(HashAlgorithm hash) {
        return switch (hash) {
            case MD5 -> MD5_SIGNATURE_BITS;
            case SHA1 -> SHA1_CERTIFICATE_SIGNATURE_BITS;
            default -> hash.digestLength() * 4;
        };
    }

    /** Whether a certificate signed with this hash is acceptable (X509_V_ERR_CA_MD_TOO_WEAK if not). */
    public boolean permitsCertificateSignature(HashAlgorithm hash) {
        return certificateSignatureStrength(hash) >= minimumBits();
    }

    // ------------------------------------------------------------------ versions, suites, features

    /** Whether a protocol version may be negotiated: no SSL 3.0 from level 2, no TLS 1.0 from 3, no TLS 1.1 from 4. */
    public boolean permitsVersion(ProtocolVersion version) {
        if (version.isSsl3()) {
            return level < 2;
        }
        if (version.compareTo(ProtocolVersion.TLS1_0) <= 0) {
            return level < 3;
        }
        if (version.compareTo(ProtocolVersion.TLS1_1) <= 0) {
            return level < 4;
        }
        return true;
    }

    /** The lowest version of {@code min..max} this level allows, if any. */
    public Optional<ProtocolVersion> lowestPermittedVersion(ProtocolVersion min, ProtocolVersion max) {
        return Stream.of(ProtocolVersion.SSL3_0, ProtocolVersion.TLS1_0, ProtocolVersion.TLS1_1, ProtocolVersion.TLS1_2,
                        ProtocolVersion.TLS1_3)
                .filter(v -> v.compareTo(min) >= 0 && v.compareTo(max) <= 0 && permitsVersion(v)).findFirst();
    }

    /**
     * Whether the signatures of a version below TLS 1.2 (RSA over MD5 || SHA-1, ECDSA over SHA-1)
     * are allowed: only at level 0. From level 1, OpenSSL 3.0 still negotiates TLS 1.0/1.1 but
     * cannot sign or check their signatures: a server fails every handshake, a client every
     * ephemeral key exchange.
     */
    public boolean permitsLegacySignatures() {
        return permitsSignature(SignatureScheme.RSA_PKCS1_MD5_SHA1) && permitsSignature(SignatureScheme.ECDSA_SHA1);
    }

    /** The strength of a cipher suite: its bulk cipher's (OpenSSL's strength_bits). */
    public static int strength(CipherSuite suite) {
        return switch (suite.cipherSpec().bulkCipher()) {
            case NULL -> 0;
            case TRIPLE_DES_EDE_CBC -> 112;
            case RC4_128, AES_128_CBC, AES_128_GCM, AES_128_CCM, AES_128_CCM_8 -> 128; // CCM_8 too: Enc=AESCCM8(128)
            case AES_256_CBC, AES_256_GCM, CHACHA20_POLY1305 -> 256;
        };
    }

    /** Whether a suite may be offered or chosen (OpenSSL's ssl_security_default_callback, SSL_SECOP_CIPHER_*). */
    public boolean permitsSuite(CipherSuite suite) {
        if (suite.isSignalling() || level == 0) {
            return true;
        }
        CipherSpec spec = suite.cipherSpec();
        if (strength(suite) < minimumBits() || spec.mac() == MacAlgorithm.HMAC_MD5) {
            return false;
        }
        if (minimumBits() > HMAC_SHA1_BITS && spec.mac() == MacAlgorithm.HMAC_SHA1) {
            return false;
        }
        if (level >= 2 && spec.bulkCipher() == BulkCipherAlgorithm.RC4_128) {
            return false;
        }
        return level < 3 || suite.keyExchange().isEphemeral(); // level 3: forward secrecy only
    }

    /** Whether record compression may be used (OpenSSL: off from level 2; CRIME). */
    public boolean permitsCompression() {
        return level < 2;
    }

    /** Whether session tickets may be used (OpenSSL: off from level 3). */
    public boolean permitsSessionTickets() {
        return level < 3;
    }

    /** The suites of {@code suites} this level allows, in the same order. */
    public List<CipherSuite> permittedSuites(List<CipherSuite> suites) {
        return suites.stream().filter(this::permitsSuite).toList();
    }

    /** The signature schemes of {@code schemes} this level allows, in the same order. */
    public List<SignatureScheme> permittedSignatures(List<SignatureScheme> schemes) {
        return schemes.stream().filter(this::permitsSignature).toList();
    }

    /** The groups of {@code groups} this level allows, in the same order. */
    public List<NamedGroup> permittedGroups(List<NamedGroup> groups) {
        return groups.stream().filter(this::permitsGroup).toList();
    }

    @Override
    public String toString() {
        return "security level " + level + " (" + minimumBits() + " bits)";
    }
}
