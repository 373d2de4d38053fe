package org.layeredtls.handshake.suite;

import static org.layeredtls.handshake.suite.KeyExchangeAlgorithm.DHE_RSA;
import static org.layeredtls.handshake.suite.KeyExchangeAlgorithm.ECDHE_ECDSA;
import static org.layeredtls.handshake.suite.KeyExchangeAlgorithm.ECDHE_RSA;
import static org.layeredtls.handshake.suite.KeyExchangeAlgorithm.RSA;
import static org.layeredtls.record.BulkCipherAlgorithm.AES_128_CBC;
import static org.layeredtls.record.BulkCipherAlgorithm.AES_128_GCM;
import static org.layeredtls.record.BulkCipherAlgorithm.AES_256_CBC;
import static org.layeredtls.record.BulkCipherAlgorithm.AES_256_GCM;
import static org.layeredtls.record.BulkCipherAlgorithm.CHACHA20_POLY1305;
import static org.layeredtls.record.BulkCipherAlgorithm.RC4_128;
import static org.layeredtls.record.BulkCipherAlgorithm.TRIPLE_DES_EDE_CBC;
import static org.layeredtls.record.MacAlgorithm.HMAC_MD5;
import static org.layeredtls.record.MacAlgorithm.HMAC_SHA1;
import static org.layeredtls.record.MacAlgorithm.HMAC_SHA256;
import static org.layeredtls.record.MacAlgorithm.HMAC_SHA384;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.record.BulkCipherAlgorithm;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.CipherType;
import org.layeredtls.record.MacAlgorithm;
import org.layeredtls.record.ProtocolVersion;

/**
 * The cipher suites this stack knows (RFC 5246 appendix A.5 and C for the RSA and DHE_RSA CBC suites;
 * RFC 5288 for GCM, DHE_RSA's included; RFC 4492 §6 and RFC 8422 §6 for the ECDHE CBC SHA-1 suites;
 * RFC 5289 for ECDHE with GCM and the CBC SHA-256/384 suites; RFC 7905 for ChaCha20-Poly1305, with
 * ECDHE and with DHE_RSA; RFC 8446 §B.4 for the TLS 1.3 suites; RFC 5746 and RFC 7507 for the two
 * signalling values). A suite names a key
 * exchange, a record protection ({@link CipherSpec}) and, from TLS 1.2, the PRF hash: SHA-384 for the
 * *_SHA384 suites, SHA-256 for the others (RFC 5246 §5, RFC 5288 §3, RFC 5289 §3). The enum is in
 * code order.
 *
 * <p>A ClientHello may offer codes this enum does not know; the messages keep them as plain
 * {@code int}s, and {@link #fromCode} says whether a code is one of these.
 */
public enum CipherSuite {
    TLS_RSA_WITH_NULL_SHA(0x0002, "NULL-SHA", RSA, BulkCipherAlgorithm.NULL, HMAC_SHA1, HashAlgorithm.SHA256),
    TLS_RSA_WITH_RC4_128_MD5(0x0004, "RC4-MD5", RSA, RC4_128, HMAC_MD5, HashAlgorithm.SHA256),
    TLS_RSA_WITH_RC4_128_SHA(0x0005, "RC4-SHA", RSA, RC4_128, HMAC_SHA1, HashAlgorithm.SHA256),
    TLS_RSA_WITH_3DES_EDE_CBC_SHA(0x000A, "DES-CBC3-SHA", RSA, TRIPLE_DES_EDE_CBC, HMAC_SHA1, HashAlgorithm.SHA256),
    TLS_RSA_WITH_AES_128_CBC_SHA(0x002F, "AES128-SHA", RSA, AES_128_CBC, HMAC_SHA1, HashAlgorithm.SHA256),
    TLS_DHE_RSA_WITH_AES_128_CBC_SHA(0x0033, "DHE-RSA-AES128-SHA", DHE_RSA, AES_128_CBC, HMAC_SHA1, HashAlgorithm.SHA256),
    TLS_RSA_WITH_AES_256_CBC_SHA(0x0035, "AES256-SHA", RSA, AES_256_CBC, HMAC_SHA1, HashAlgorithm.SHA256),
    TLS_DHE_RSA_WITH_AES_256_CBC_SHA(0x0039, "DHE-RSA-AES256-SHA", DHE_RSA, AES_256_CBC, HMAC_SHA1, HashAlgorithm.SHA256),
    TLS_RSA_WITH_AES_128_CBC_SHA256(0x003C, "AES128-SHA256", RSA, AES_128_CBC, HMAC_SHA256, HashAlgorithm.SHA256),
    TLS_RSA_WITH_AES_256_CBC_SHA256(0x003D, "AES256-SHA256", RSA, AES_256_CBC, HMAC_SHA256, HashAlgorithm.SHA256),
    TLS_DHE_RSA_WITH_AES_128_CBC_SHA256(0x0067, "DHE-RSA-AES128-SHA256", DHE_RSA, AES_128_CBC, HMAC_SHA256, HashAlgorithm.SHA256),
    TLS_DHE_RSA_WITH_AES_256_CBC_SHA256(0x006B, "DHE-RSA-AES256-SHA256", DHE_RSA, AES_256_CBC, HMAC_SHA256, HashAlgorithm.SHA256),
    TLS_RSA_WITH_AES_128_GCM_SHA256(0x009C, "AES128-GCM-SHA256", RSA, AES_128_GCM, MacAlgorithm.NULL, HashAlgorithm.SHA256),
    TLS_RSA_WITH_AES_256_GCM_SHA384(0x009D, "AES256-GCM-SHA384", RSA, AES_256_GCM, MacAlgorithm.NULL, HashAlgorithm.SHA384),
    TLS_DHE_RSA_WITH_AES_128_GCM_SHA256(0x009E, "DHE-RSA-AES128-GCM-SHA256", DHE_RSA, AES_128_GCM, MacAlgorithm.NULL, HashAlgorithm.SHA256),
    TLS_DHE_RSA_WITH_AES_256_GCM_SHA384(0x009F, "DHE-RSA-AES256-GCM-SHA384", DHE_RSA, AES_256_GCM, MacAlgorithm.NULL, HashAlgorithm.SHA384),
    TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA(0xC009, "ECDHE-ECDSA-AES128-SHA", ECDHE_ECDSA, AES_128_CBC, HMAC_SHA1, HashAlgorithm.SHA256),
    TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA(0xC00A, "ECDHE-ECDSA-AES256-SHA", ECDHE_ECDSA, AES_256_CBC, HMAC_SHA1, HashAlgorithm.SHA256),
    TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA(0xC013, "ECDHE-RSA-AES128-SHA", ECDHE_RSA, AES_128_CBC, HMAC_SHA1, HashAlgorithm.SHA256),
    TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA(0xC014, "ECDHE-RSA-AES256-SHA", ECDHE_RSA, AES_256_CBC, HMAC_SHA1, HashAlgorithm.SHA256),
    TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256(0xC023, "ECDHE-ECDSA-AES128-SHA256", ECDHE_ECDSA, AES_128_CBC, HMAC_SHA256, HashAlgorithm.SHA256),
    /** RFC 5289 §3.2: HMAC-SHA384 records (48-byte MAC key) and the SHA-384 PRF. */
    TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384(0xC024, "ECDHE-ECDSA-AES256-SHA384", ECDHE_ECDSA, AES_256_CBC, HMAC_SHA384, HashAlgorithm.SHA384),
    TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256(0xC027, "ECDHE-RSA-AES128-SHA256", ECDHE_RSA, AES_128_CBC, HMAC_SHA256, HashAlgorithm.SHA256),
    TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384(0xC028, "ECDHE-RSA-AES256-SHA384", ECDHE_RSA, AES_256_CBC, HMAC_SHA384, HashAlgorithm.SHA384),
    TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256(0xC02B, "ECDHE-ECDSA-AES128-GCM-SHA256", ECDHE_ECDSA, AES_128_GCM, MacAlgorithm.NULL, HashAlgorithm.SHA256),
    TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384(0xC02C, "ECDHE-ECDSA-AES256-GCM-SHA384", ECDHE_ECDSA, AES_256_GCM, MacAlgorithm.NULL, HashAlgorithm.SHA384),
    TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256(0xC02F, "ECDHE-RSA-AES128-GCM-SHA256", ECDHE_RSA, AES_128_GCM, MacAlgorithm.NULL, HashAlgorithm.SHA256),
    TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384(0xC030, "ECDHE-RSA-AES256-GCM-SHA384", ECDHE_RSA, AES_256_GCM, MacAlgorithm.NULL, HashAlgorithm.SHA384),
    TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256(0xCCA8, "ECDHE-RSA-CHACHA20-POLY1305", ECDHE_RSA, CHACHA20_POLY1305, MacAlgorithm.NULL, HashAlgorithm.SHA256),
    TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256(0xCCA9, "ECDHE-ECDSA-CHACHA20-POLY1305", ECDHE_ECDSA, CHACHA20_POLY1305, MacAlgorithm.NULL, HashAlgorithm.SHA256),
    TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256(0xCCAA, "DHE-RSA-CHACHA20-POLY1305", DHE_RSA, CHACHA20_POLY1305, MacAlgorithm.NULL, HashAlgorithm.SHA256),
    // RFC 8446 §B.4: a TLS 1.3 suite names only the AEAD and the HKDF hash; key_share, pre_shared_key and
    // signature_algorithms negotiate the rest, so its key exchange is ANY (OpenSSL's "Kx=any Au=any").
    TLS_AES_128_GCM_SHA256(0x1301, "TLS_AES_128_GCM_SHA256", KeyExchangeAlgorithm.ANY, AES_128_GCM, MacAlgorithm.NULL, HashAlgorithm.SHA256),
    TLS_AES_256_GCM_SHA384(0x1302, "TLS_AES_256_GCM_SHA384", KeyExchangeAlgorithm.ANY, AES_256_GCM, MacAlgorithm.NULL, HashAlgorithm.SHA384),
    TLS_CHACHA20_POLY1305_SHA256(0x1303, "TLS_CHACHA20_POLY1305_SHA256", KeyExchangeAlgorithm.ANY, CHACHA20_POLY1305, MacAlgorithm.NULL, HashAlgorithm.SHA256),
    /** AES-128-CCM, 16-byte tag; OpenSSL offers it only when named in -ciphersuites. */
    TLS_AES_128_CCM_SHA256(0x1304, "TLS_AES_128_CCM_SHA256", KeyExchangeAlgorithm.ANY, BulkCipherAlgorithm.AES_128_CCM, MacAlgorithm.NULL, HashAlgorithm.SHA256),
    /** AES-128-CCM with an 8-byte tag (for constrained devices); OpenSSL offers it only when named. */
    TLS_AES_128_CCM_8_SHA256(0x1305, "TLS_AES_128_CCM_8_SHA256", KeyExchangeAlgorithm.ANY, BulkCipherAlgorithm.AES_128_CCM_8, MacAlgorithm.NULL, HashAlgorithm.SHA256),
    /** RFC 5746 §3.3: a client's way to say "I support secure renegotiation" without an extension. */
    TLS_EMPTY_RENEGOTIATION_INFO_SCSV(0x00FF, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV", KeyExchangeAlgorithm.NULL, null, null, HashAlgorithm.SHA256),
    /** RFC 7507 §2: a client retrying with a lower version than it supports says so. */
    TLS_FALLBACK_SCSV(0x5600, "TLS_FALLBACK_SCSV", KeyExchangeAlgorithm.NULL, null, null, HashAlgorithm.SHA256);

    private static final Map<Integer, CipherSuite> BY_CODE = new HashMap<>();
    private static final Map<String, CipherSuite> BY_NAME = new HashMap<>();

    static {
        for (CipherSuite suite : values()) {
            BY_CODE.put(suite.code, suite);
            BY_NAME.put(suite.name(), suite);
            BY_NAME.put(suite.openSslName, suite);
        }
    }

    private final int code;
    private final String openSslName;
    private final KeyExchangeAlgorithm keyExchange;
    private final CipherSpec cipherSpec;
    private final HashAlgorithm prfHash;

    CipherSuite(int code, String openSslName, KeyExchangeAlgorithm keyExchange, BulkCipherAlgorithm bulk,
                MacAlgorithm mac, HashAlgorithm prfHash) {
        this.code = code;
        this.openSslName = openSslName;
        this.keyExchange = keyExchange;
        this.cipherSpec = bulk == null ? null : CipherSpec.of(bulk, mac);
        this.prfHash = prfHash;
    }

    /** The suite with this two-byte code, if this stack knows it. */
    public static Optional<CipherSuite> fromCode(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The suite with this IANA name ({@code TLS_RSA_WITH_AES_128_CBC_SHA}) or OpenSSL name ({@code AES128-SHA}). */
    public static Optional<CipherSuite> fromName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The two bytes on the wire. */
    public int code() {
        return code;
    }

    /** The IANA registry name, such as {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}. */
    public String ianaName() {
        return name();
    }

    /** The name OpenSSL uses, such as {@code ECDHE-RSA-AES128-GCM-SHA256} (the IANA name for SCSVs, which OpenSSL does not name). */
    public String openSslName() {
        return openSslName;
    }

    public KeyExchangeAlgorithm keyExchange() {
        return keyExchange;
    }

    /** Whether this is a signalling value (RFC 5746, RFC 7507) rather than a real suite: it is never negotiated. */
    public boolean isSignalling() {
        return cipherSpec == null;
    }

    /**
     * The record protection this suite selects (encrypt-then-MAC off; RFC 7366 turns it on when
     * negotiated). Signalling values have none: asking is an error.
     */
    public CipherSpec cipherSpec() {
        if (cipherSpec == null) {
            throw new IllegalStateException(name() + " is a signalling value and selects no record protection");
        }
        return cipherSpec;
    }

    /**
     * The hash of the TLS 1.2 PRF for this suite (RFC 5246 §5: SHA-256 unless the suite says
     * otherwise; RFC 5288 §3, RFC 5289 §3.2: SHA-384 for the *_SHA384 suites). SSL 3.0 and TLS
     * 1.0/1.1 have their own PRFs, whatever the suite.
     */
    public HashAlgorithm prfHash() {
        return prfHash;
    }

    /**
     * The oldest version that may negotiate this suite: TLS 1.2 for the SHA-256/384 MAC and the
     * AEAD suites (RFC 5246 appendix A.5, RFC 5288 §4); TLS 1.0 for ECDHE (RFC 4492 is a TLS
     * extension); SSL 3.0 for the rest.
     */
    public ProtocolVersion minimumVersion() {
        if (isTls13()) {
            return ProtocolVersion.TLS1_3;
        }
        if (cipherSpec != null && (cipherSpec.type() == CipherType.AEAD
                || cipherSpec.mac() == HMAC_SHA256 || cipherSpec.mac() == HMAC_SHA384)) {
            return ProtocolVersion.TLS1_2;
        }
        if (keyExchange.isElliptic()) {
            return ProtocolVersion.TLS1_0;
        }
        return ProtocolVersion.SSL3_0;
    }

    /**
     * Whether this is a TLS 1.3 suite (RFC 8446 §B.4): usable in TLS 1.3 only, as the TLS 1.2 suites
     * are usable in TLS 1.2 and below only (§4.1.3: "a cipher suite which ... is not a TLS 1.3 suite").
     */
    public boolean isTls13() {
        return keyExchange == KeyExchangeAlgorithm.ANY;
    }

    /** Whether the suite is weak: no encryption (NULL), RC4 (RFC 7465 prohibits it) or 3DES (Sweet32). */
    public boolean isWeak() {
        if (cipherSpec == null) {
            return false;
        }
        BulkCipherAlgorithm bulk = cipherSpec.bulkCipher();
        return bulk == BulkCipherAlgorithm.NULL || bulk == RC4_128 || bulk == TRIPLE_DES_EDE_CBC;
    }

    @Override
    public String toString() {
        return name() + String.format("(0x%04x)", code);
    }
}
