package org.layeredtls.cwmp.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.policy.SecurityLevel;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * What the demo is run with.
 *
 * @param version the one protocol version both sides speak
 * @param cipher  the one cipher suite both sides offer, or null for the defaults
 * @param keyLog  where to append NSS key log lines, or null
 * @param detail  how much of the capture to print
 * @param html    where to write the illustrated session (the CPE's connections, one page), or null
 */
public record DemoOptions(ProtocolVersion version, CipherSuite cipher, Path keyLog, CaptureTrace.Detail detail, Path html) {

    /** A TLS 1.3 suite names only an AEAD and a hash (RFC 8446 §B.4): it goes with TLS 1.3 and with nothing else. */
    public DemoOptions {
        if (cipher != null && cipher.isTls13() != (version == ProtocolVersion.TLS1_3)) {
            throw new IllegalArgumentException(cipher.ianaName() + (cipher.isTls13()
                    ? " is a TLS 1.3 suite: use it with --tls-version TLSv1.3"
                    : " is not a TLS 1.3 suite (TLSv1.3 takes " + java.util.Arrays.stream(CipherSuite.values())
                            .filter(CipherSuite::isTls13).map(CipherSuite::ianaName).collect(java.util.stream.Collectors.joining(", ")) + ")"));
        }
    }

    /** Without an illustrated page. */
    public DemoOptions(ProtocolVersion version, CipherSuite cipher, Path keyLog, CaptureTrace.Detail detail) {
        this(version, cipher, keyLog, detail, null);
    }

    /**
     * TLS 1.2, the papers' version, whatever the library's default (TLS 1.2 to 1.3): the capture walks the papers'
     * frames, ChangeCipherSpec included; {@code --tls-version TLSv1.3} shows the same session over TLS 1.3.
     */
    public static DemoOptions defaults() {
        return new DemoOptions(ProtocolVersion.TLS1_2, null, null, CaptureTrace.Detail.NORMAL);
    }

    /** {@code TLSv1.3}, {@code TLSv1.2}, {@code TLS1.2}, {@code 1.2}, {@code TLSv1}, {@code SSLv3}, ... */
    public static ProtocolVersion parseVersion(String text) {
        String v = text.toLowerCase(Locale.ROOT).replace("tlsv", "").replace("tls", "").replace("_", ".").strip();
        return switch (v) {
            case "sslv3", "ssl3", "ssl3.0", "3.0" -> ProtocolVersion.SSL3_0;
            case "1", "1.0" -> ProtocolVersion.TLS1_0;
            case "1.1" -> ProtocolVersion.TLS1_1;
            case "1.2" -> ProtocolVersion.TLS1_2;
            case "1.3" -> ProtocolVersion.TLS1_3;
            default -> throw new IllegalArgumentException("unknown version " + text + " (SSLv3, TLSv1, TLSv1.1, TLSv1.2, TLSv1.3)");
        };
    }

    /** An IANA or OpenSSL cipher suite name. */
    public static CipherSuite parseCipher(String name) {
        return CipherSuite.fromName(name).or(() -> CipherSuite.fromName(name.toUpperCase(Locale.ROOT)))
                .orElseThrow(() -> new IllegalArgumentException("unknown cipher suite " + name
                        + " (an IANA name like TLS_RSA_WITH_AES_128_CBC_SHA or an OpenSSL name like AES128-SHA)"));
    }

    /** The suites to offer up to TLS 1.2: the chosen one, the defaults for TLS 1.2, CBC suites before it (no GCM there). */
    List<CipherSuite> suites() {
        if (cipher != null && !cipher.isTls13()) {
            return List.of(cipher);
        }
        if (version.compareTo(ProtocolVersion.TLS1_2) >= 0) {
            return TlsConfig.DEFAULT_SUITES;
        }
        return List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA);
    }

    /** Whether the ACS also needs an ECDSA certificate for the chosen suite. */
    boolean needsEcdsaServerKey() {
        return cipher != null && cipher.ianaName().contains("ECDSA");
    }

    /**
     * The security level: the default, or 0 when the version (SSL 3.0, TLS 1.0/1.1: MD5+SHA-1 and
     * SHA-1 signatures) or the chosen suite is below it; asking for them by name is opting in, as
     * {@code @SECLEVEL=0} is with OpenSSL.
     */
    public int securityLevel() {
        boolean legacy = version.compareTo(ProtocolVersion.TLS1_2) < 0
                || (cipher != null && !SecurityLevel.DEFAULT.permitsSuite(cipher));
        return legacy ? 0 : SecurityLevel.DEFAULT.level();
    }

    /** A TLS configuration with this version, these suites and the security level they need. */
    public TlsConfig.Builder apply(TlsConfig.Builder builder) {
        builder.versions(version, version).cipherSuites(suites()).securityLevel(securityLevel());
        if (cipher != null && cipher.isTls13()) {
            builder.tls13CipherSuites(cipher); // OpenSSL's -ciphersuites: TLS 1.3 has its own list
        }
        return builder;
    }
}
