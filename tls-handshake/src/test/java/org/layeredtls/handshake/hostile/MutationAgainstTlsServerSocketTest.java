package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * The mutation test against a {@code TlsServerSocket} in this JVM: a few hundred seeded cases in
 * {@code mvn verify}, thousands with {@code -Pnightly} (see tls-handshake/HOSTILE.md).
 */
class MutationAgainstTlsServerSocketTest {

    /** The socket timeout the serving application sets, and the bound of one case (well above it). */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    static final Duration CASE_BOUND = Duration.ofSeconds(15);

    /**
     * Every version and non-weak suite the recorded flights use, at security level 0 (TLS 1.0/1.1 sign with
     * MD5+SHA-1), so that mutations reach deep into the handshake.
     */
    static TlsConfig serverConfig() {
        List<CipherSuite> suites = Arrays.stream(CipherSuite.values()).filter(s -> !s.isSignalling() && !s.isWeak()).toList();
        return HostilePki.server().securityLevel(0).versions(ProtocolVersion.TLS1_0, ProtocolVersion.TLS1_2)
                .cipherSuites(suites).build();
    }

    @Test
    void mutatedClientFlightsNeverHangOrStopTheServerAndACleanHandshakeFollowsEach() throws Exception {
        try (LibraryServer server = LibraryServer.start(serverConfig(), READ_TIMEOUT)) {
            MutationRun.Summary summary = MutationRun.run(server, "TlsServerSocket", MutationRun.recordedClientFlights(),
                    MutationRun.casesFromProperty(), MutationRun.seedFromProperty(), CASE_BOUND);
            System.out.println(summary.line());
            assertEquals(0, summary.hangs(), () -> MutationRun.problems(summary));
            assertEquals(0, summary.exits(), () -> MutationRun.problems(summary));
            assertEquals(0, summary.cleanHandshakeFailures(), () -> MutationRun.problems(summary));
            assertEquals(MutationRun.casesFromProperty(), summary.cases(), () -> MutationRun.problems(summary));
            assertEquals(0, server.escaped(), server::log);
        }
    }
}
