package org.layeredtls.jsse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.layeredtls.handshake.suite.CipherSuite;

/**
 * Cipher suites as JSSE spells them: the IANA name ({@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}), except
 * for the suites SSL 3.0 defined, which JSSE's standard names still call {@code SSL_...}
 * ({@code SSL_RSA_WITH_3DES_EDE_CBC_SHA}); both spellings are accepted.
 */
final class CipherSuiteNames {

    private static final Map<CipherSuite, String> SSL_NAMES = Map.of(
            CipherSuite.TLS_RSA_WITH_NULL_SHA, "SSL_RSA_WITH_NULL_SHA",
            CipherSuite.TLS_RSA_WITH_RC4_128_MD5, "SSL_RSA_WITH_RC4_128_MD5",
            CipherSuite.TLS_RSA_WITH_RC4_128_SHA, "SSL_RSA_WITH_RC4_128_SHA",
            CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA, "SSL_RSA_WITH_3DES_EDE_CBC_SHA");

    private CipherSuiteNames() {
    }

    /** The JSSE name of {@code suite}. */
    static String of(CipherSuite suite) {
        return SSL_NAMES.getOrDefault(suite, suite.ianaName());
    }

    /** The suite JSSE calls {@code name} (either spelling), if this stack knows it. */
    static Optional<CipherSuite> suite(String name) {
        if (name.startsWith("SSL_")) {
            return SSL_NAMES.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).findFirst();
        }
        return name.startsWith("TLS_") ? CipherSuite.fromName(name) : Optional.empty();
    }

    /** Every suite this stack knows, signalling values included (JSSE lists TLS_EMPTY_RENEGOTIATION_INFO_SCSV too). */
    static String[] supported() {
        List<String> names = new ArrayList<>();
        for (CipherSuite suite : CipherSuite.values()) {
            names.add(of(suite));
        }
        return names.toArray(String[]::new);
    }

    /** The JSSE names of {@code suites}. */
    static String[] of(List<CipherSuite> suites) {
        return suites.stream().map(CipherSuiteNames::of).toArray(String[]::new);
    }

    /** The suites named, signalling values left out (this stack sends those itself); unknown names are an {@link IllegalArgumentException}. */
    static List<CipherSuite> suites(String[] names) {
        if (names == null) {
            throw new IllegalArgumentException("no cipher suite list");
        }
        List<CipherSuite> suites = new ArrayList<>();
        for (String name : names) {
            CipherSuite suite = suite(name).orElseThrow(() -> new IllegalArgumentException("unsupported cipher suite " + name));
            if (!suite.isSignalling()) {
                suites.add(suite);
            }
        }
        return suites;
    }
}
