package org.layeredtls.handshake.suite;

import org.layeredtls.record.ConnectionStateBuilder;
import org.layeredtls.record.ProtocolVersion;

/**
 * Connection states from a cipher suite's name, for labs: the suite says the bulk cipher and MAC
 * (the record layer knows no suites), the version is given once, the keys are the caller's.
 *
 * <pre>{@code
 * ConnectionStateBuilder keys = CipherSuiteStates.of("AES128-SHA", ProtocolVersion.TLS1_0)
 *         .keysFrom(DeterministicRandomSource.fromLabel("lab 1"));
 * }</pre>
 */
public final class CipherSuiteStates {

    private CipherSuiteStates() {
    }

    /**
     * A builder for {@code suiteName}'s record protection under {@code version}.
     *
     * @param suiteName an IANA ({@code TLS_RSA_WITH_AES_128_CBC_SHA}) or OpenSSL ({@code AES128-SHA}) name
     * @throws IllegalArgumentException for a name this stack does not know, a signalling value, or a
     *         suite the version cannot negotiate (an AEAD or SHA-256 suite before TLS 1.2)
     */
    public static ConnectionStateBuilder of(String suiteName, ProtocolVersion version) {
        CipherSuite suite = CipherSuite.fromName(suiteName).orElseThrow(() -> new IllegalArgumentException(
                "no cipher suite named " + suiteName + " (IANA or OpenSSL names, as in the tls-handshake README's table)"));
        return of(suite, version);
    }

    /** A builder for {@code suite}'s record protection under {@code version}; see {@link #of(String, ProtocolVersion)}. */
    public static ConnectionStateBuilder of(CipherSuite suite, ProtocolVersion version) {
        if (suite.isSignalling()) {
            throw new IllegalArgumentException(suite.ianaName() + " is a signalling value, not a suite: it selects no record protection");
        }
        if (version.compareTo(suite.minimumVersion()) < 0) {
            throw new IllegalArgumentException(suite.ianaName() + " needs " + suite.minimumVersion().displayName()
                    + " or later, not " + version.displayName() + " (RFC 5246 appendix A.5, RFC 5288 §4)");
        }
        return ConnectionStateBuilder.of(version).cipher(suite.cipherSpec());
    }
}
