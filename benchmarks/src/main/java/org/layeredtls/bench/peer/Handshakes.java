package org.layeredtls.bench.peer;

import org.layeredtls.bench.idle.BenchmarkPki;
import org.layeredtls.crypto.CryptoBackend;

/**
 * One TLS stack's handshakes, client and server in memory on the calling thread, so the CPU time of
 * one call is what both ends spent. Each call makes a new client and a new server connection.
 */
public interface Handshakes {

    /** A full handshake; returns a value of the result so the work cannot be dropped. */
    int full() throws Exception;

    /** An abbreviated handshake that resumes a session an earlier handshake made. */
    int resumed() throws Exception;

    /** The stacks with handshakes, and how each is built. */
    enum Stack {
        LAYEREDTLS_BC, LAYEREDTLS_JDK, BCTLS_BC, BCTLS_JCA, SUNJSSE;

        public Handshakes create(BenchmarkPki pki, HandshakeKind kind) throws Exception {
            return switch (this) {
                case LAYEREDTLS_BC -> new LayeredTlsHandshakes(pki, kind, CryptoBackend.BOUNCY_CASTLE);
                case LAYEREDTLS_JDK -> new LayeredTlsHandshakes(pki, kind, CryptoBackend.JDK);
                case BCTLS_BC -> new BctlsHandshakes(pki, kind, BctlsCrypto.BC);
                case BCTLS_JCA -> new BctlsHandshakes(pki, kind, BctlsCrypto.JCA);
                case SUNJSSE -> new SunJsseHandshakes(pki, kind);
            };
        }

        /**
         * Whether this stack runs {@code kind}. bctls 1.84's JCA crypto asks the JDK's providers for a
         * {@code SHA256WITHRSASSA-PSS} signature, a name only BouncyCastle's provider has (SunRsaSign has
         * {@code RSASSA-PSS} with parameters), so it signs and verifies no TLS 1.3 RSA handshake.
         */
        public boolean runs(HandshakeKind kind) {
            return !(this == BCTLS_JCA && kind == HandshakeKind.TLS13_RSA);
        }
    }

    /** Fails the benchmark when a handshake did not do what it was meant to. */
    static void expect(boolean resumedExpected, boolean resumed) {
        if (resumed != resumedExpected) {
            throw new IllegalStateException(resumedExpected ? "the session was not resumed" : "a full handshake resumed");
        }
    }
}
