package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The mutation test against the {@code layeredtls server -echo} process: not part of {@code mvn verify} (the
 * surefire includes end in Test, Tests and Properties); the {@code nightly} profile of tls-handshake/pom.xml adds
 * {@code *Nightly} classes and raises the case count (see tls-handshake/HOSTILE.md).
 */
class MutationAgainstServerProcessNightly {

    static final Duration CASE_BOUND = Duration.ofSeconds(45);
    /** The suites the recorded flights use that the CLI's default TLS 1.2 server can choose. */
    static final String SUITES = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
            + "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:"
            + "DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA:DHE-RSA-AES128-SHA:AES128-SHA256:AES128-SHA";

    @Test
    void mutatedClientFlightsNeverHangOrEndTheServerProcessAndACleanHandshakeFollowsEach() throws Exception {
        try (ServerProcess server = ServerProcess.start("-echo", "-cipher", SUITES)) {
            MutationRun.Summary summary = MutationRun.run(server, "the layeredtls server process",
                    MutationRun.recordedClientFlights(), MutationRun.casesFromProperty(), MutationRun.seedFromProperty(),
                    CASE_BOUND);
            System.out.println(summary.line());
            assertEquals(0, summary.hangs(), () -> MutationRun.problems(summary));
            assertEquals(0, summary.exits(), () -> MutationRun.problems(summary));
            assertEquals(0, summary.cleanHandshakeFailures(), () -> MutationRun.problems(summary));
            assertEquals(MutationRun.casesFromProperty(), summary.cases(), () -> MutationRun.problems(summary));
        }
    }
}
