package org.layeredtls.bench.peer;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layeredtls.bench.idle.BenchmarkPki;

/**
 * Every stack of {@link HandshakeBenchmark} does what its cell claims before anyone times it: full handshakes
 * are full (a second one too) and resumed ones resume, at the kind's version (TLS 1.3 on x25519 for bctls, the one
 * group every stack is configured with), for each handshake kind (each call checks itself and throws otherwise),
 * and the one cell a stack cannot run fails; and bctls's server-certificate check refuses a certificate its CA did not sign.
 */
class HandshakesTest {

    private static BenchmarkPki pki;

    @BeforeAll
    static void pki() {
        pki = new BenchmarkPki();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Handshakes.Stack.class)
    void everyStackRunsFullAndResumedHandshakesOfEveryKind(Handshakes.Stack stack) throws Exception {
        for (HandshakeKind kind : HandshakeKind.values()) {
            if (!stack.runs(kind)) {
                assertThrows(Exception.class, () -> stack.create(pki, kind), stack + " was said not to run " + kind);
                continue;
            }
            Handshakes handshakes = stack.create(pki, kind);
            handshakes.full();
            handshakes.full();
            handshakes.resumed();
            handshakes.resumed();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HandshakeKind.class)
    void aCellThatNegotiatedAnotherVersionThanItsKindsFails(HandshakeKind kind) {
        kind.expectVersion(kind.jsseVersion());
        String other = kind.jsseVersion().equals("TLSv1.2") ? "TLSv1.3" : "TLSv1.2";
        assertThrows(IllegalStateException.class, () -> kind.expectVersion(other));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(BctlsCrypto.class)
    void bctlsRefusesAServerCertificateItsCaDidNotSign(BctlsCrypto crypto) throws Exception {
        BctlsCrypto.ServerCertificateCheck rsaCaCheck = crypto.check(pki.ca.certificate());
        rsaCaCheck.verify(pki.server.certificate().encoded());
        assertThrows(java.io.IOException.class, () -> rsaCaCheck.verify(pki.ecServer.certificate().encoded()));
    }
}
