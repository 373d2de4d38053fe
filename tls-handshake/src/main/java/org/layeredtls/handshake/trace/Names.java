package org.layeredtls.handshake.trace;

import java.util.HexFormat;
import java.util.Map;

import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.extension.SignatureScheme;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;

/** How the printers name wire values, after {@code openssl s_client -trace}. */
final class Names {

    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private Names() {
    }

    /** "TLS 1.2 (0x303)". */
    static String version(ProtocolVersion v) {
        String name = v.major() != 3 ? "unknown" : switch (v.minor()) {
            case 0 -> "SSL 3.0";
            case 1 -> "TLS 1.0";
            case 2 -> "TLS 1.1";
            case 3 -> "TLS 1.2";
            case 4 -> "TLS 1.3";
            default -> "unknown";
        };
        return name + " (0x" + Integer.toHexString(v.code()) + ")";
    }

    /** "TLS 1.2". */
    static String versionName(ProtocolVersion v) {
        String full = version(v);
        return full.substring(0, full.indexOf(" ("));
    }

    /** "Handshake (22)". */
    static String contentType(ContentType type) {
        return switch (type) {
            case CHANGE_CIPHER_SPEC -> "ChangeCipherSpec";
            case ALERT -> "Alert";
            case HANDSHAKE -> "Handshake";
            case APPLICATION_DATA -> "ApplicationData";
        } + " (" + type.code() + ")";
    }

    /** "{0xC0, 0x2F} TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256". */
    static String cipherSuite(int code) {
        return String.format("{0x%02X, 0x%02X} ", code >> 8, code & 0xFF)
                + CipherSuite.fromCode(code).map(CipherSuite::ianaName).orElse("unknown");
    }

    // SSL 2.0's cipher kinds, which an SSLv2-compatible ClientHello may offer next to TLS suites.
    private static final Map<Integer, String> SSL2_CIPHER_KINDS = Map.of(
            0x010080, "SSL_CK_RC4_128_WITH_MD5",
            0x020080, "SSL_CK_RC4_128_EXPORT40_WITH_MD5",
            0x030080, "SSL_CK_RC2_128_CBC_WITH_MD5",
            0x040080, "SSL_CK_RC2_128_CBC_EXPORT40_WITH_MD5",
            0x050080, "SSL_CK_IDEA_128_CBC_WITH_MD5",
            0x060040, "SSL_CK_DES_64_CBC_WITH_MD5",
            0x0700C0, "SSL_CK_DES_192_EDE3_CBC_WITH_MD5");

    /** "{0x00, 0xC0, 0x2F} TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", or an SSL 2.0 kind (RFC 5246 Appendix E.2). */
    static String v2CipherSpec(int code) {
        if (code >>> 16 == 0) {
            return "{0x00, " + cipherSuite(code).substring(1);
        }
        return String.format("{0x%02X, 0x%02X, 0x%02X} ", code >>> 16, (code >> 8) & 0xFF, code & 0xFF)
                + SSL2_CIPHER_KINDS.getOrDefault(code, "unknown") + " (SSL 2.0 only: ignored)";
    }

    static String group(int code) {
        return NamedGroup.fromCode(code).map(NamedGroup::rfcName).orElse("unknown") + " (" + code + ")";
    }

    static String signatureScheme(int code) {
        return SignatureScheme.nameOf(code) + String.format(" (0x%04x)", code);
    }

    static String compression(int code) {
        return switch (code) {
            case 0 -> "No Compression (0x00)";
            case 1 -> "Zlib compression (0x01)";
            default -> String.format("unknown (0x%02x)", code);
        };
    }

    static String pointFormat(int code) {
        return switch (code) {
            case 0 -> "uncompressed (0)";
            case 1 -> "ansiX962_compressed_prime (1)";
            case 2 -> "ansiX962_compressed_char2 (2)";
            default -> "unknown (" + code + ")";
        };
    }

    /** Upper-case hex, as openssl prints values. */
    static String hex(byte[] bytes) {
        return UPPER_HEX.formatHex(bytes);
    }

    /** "(len=12): 5493F3240F996B31C967FABD". */
    static String lenHex(byte[] bytes) {
        return "(len=" + bytes.length + "): " + hex(bytes);
    }
}
