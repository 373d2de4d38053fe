package org.layeredtls.handshake.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.policy.SecurityLevel;
import org.layeredtls.handshake.suite.CipherSuite;

/**
 * An OpenSSL cipher string ({@code openssl ciphers(1)}), the part of its syntax this CLI speaks:
 * elements separated by ':' (or ',' or spaces), each a suite's OpenSSL or IANA name, {@code DEFAULT},
 * {@code ALL} (every suite but the NULL ones, as OpenSSL), or the command {@code @SECLEVEL=N}, which
 * sets the security level. {@code DEFAULT:@SECLEVEL=0} and {@code AES128-SHA:@SECLEVEL=0} read as
 * in OpenSSL; a string with no suite in it ({@code @SECLEVEL=0} alone) is "no cipher match", as there.
 *
 * @param suites        the suites in the order given, each once
 * @param securityLevel the level an {@code @SECLEVEL=N} element sets, if any
 */
record CipherString(List<CipherSuite> suites, OptionalInt securityLevel) {

    private static final String SECLEVEL = "@SECLEVEL=";

    /**
     * Parses {@code text}.
     *
     * @param defaults what {@code DEFAULT} stands for (it depends on the versions asked for)
     * @throws IllegalArgumentException for an unknown element, or when no suite is named
     */
    static CipherString parse(String text, List<CipherSuite> defaults) {
        Set<CipherSuite> suites = new LinkedHashSet<>();
        OptionalInt level = OptionalInt.empty();
        for (String element : text.split("[:, ]+")) {
            if (element.isEmpty()) {
                continue;
            }
            if (element.startsWith(SECLEVEL)) {
                level = OptionalInt.of(securityLevel(element.substring(SECLEVEL.length())));
            } else if (element.equals("DEFAULT")) {
                suites.addAll(defaults);
            } else if (element.equals("ALL")) {
                suites.addAll(all());
            } else {
                suites.add(CipherSuite.fromName(element)
                        .orElseThrow(() -> new IllegalArgumentException("unknown cipher suite: " + element)));
            }
        }
        if (suites.isEmpty()) {
            throw new IllegalArgumentException("no cipher match in \"" + text + "\"");
        }
        return new CipherString(List.copyOf(suites), level);
    }

    // OpenSSL: ALL is every suite except the eNULL ones; the default suites first, then the stronger ones
    private static List<CipherSuite> all() {
        List<CipherSuite> all = new ArrayList<>(TlsConfig.DEFAULT_SUITES);
        List<CipherSuite> rest = new ArrayList<>(List.of(CipherSuite.values()));
        java.util.Collections.reverse(rest);
        for (CipherSuite suite : rest) {
            if (!suite.isSignalling() && !suite.isTls13() && SecurityLevel.strength(suite) > 0 && !all.contains(suite)) {
                all.add(suite);
            }
        }
        return all;
    }

    private static int securityLevel(String digits) {
        try {
            int level = Integer.parseInt(digits);
            // OpenSSL clamps @SECLEVEL to 0..5
            return Math.max(0, Math.min(SecurityLevel.MAX, level));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("@SECLEVEL needs a number, not \"" + digits + "\"");
        }
    }
}
