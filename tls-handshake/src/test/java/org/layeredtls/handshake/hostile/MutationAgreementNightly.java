package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The same mutated client flights replayed to a {@code TlsServerSocket} (level 0, every non-weak suite) and to
 * {@code openssl s_server} (level 0, RSA and ECDSA certificates): how often the first answer (the alert, or how
 * the connection ended) is the same. A report, not a rule: the line it prints gives the agreement and the
 * commonest disagreements; it fails only if either server hangs or stops. Nightly profile (HOSTILE.md).
 */
class MutationAgreementNightly {

    @Test
    void sameMutatedFlightsToOurServerAndToOpenSslReportAgreement() throws Exception {
        List<byte[]> flights = MutationRun.recordedClientFlights();
        int cases = MutationRun.casesFromProperty();
        Random random = new Random(MutationRun.seedFromProperty());
        Duration bound = MutationAgainstTlsServerSocketTest.CASE_BOUND;
        try (LibraryServer ours = LibraryServer.start(MutationAgainstTlsServerSocketTest.serverConfig(),
                MutationAgainstTlsServerSocketTest.READ_TIMEOUT);
             OpenSslReference openssl = OpenSslReference.start("-cipher", "ALL:@SECLEVEL=0",
                     "-dcert", HostilePki.file("server-ec.pem").toString(), "-dkey", HostilePki.file("server-ec.key").toString())) {
            int agree = 0;
            int hangs = 0;
            Map<String, Integer> disagreements = new TreeMap<>();
            for (int c = 0; c < cases; c++) {
                FlightMutation mutation = FlightMutation.of(flights.get(random.nextInt(flights.size())), random);
                String our = MutationRun.replay(ours, mutation, bound);
                String theirs = MutationRun.replay(openssl, mutation, bound);
                hangs += (our.equals("timeout") ? 1 : 0) + (theirs.equals("timeout") ? 1 : 0);
                if (our.equals(theirs)) {
                    agree++;
                } else {
                    disagreements.merge("ours " + our + " / openssl " + theirs, 1, Integer::sum);
                }
                assertTrue(ours.isAlive() && openssl.isAlive(), () -> mutation + "\n" + ours.log() + "\n" + openssl.log());
            }
            int agreed = agree;
            String top = disagreements.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(8).map(e -> e.getKey() + " = " + e.getValue()).reduce((a, b) -> a + "; " + b).orElse("none");
            System.out.println("mutation agreement with openssl s_server: seed " + MutationRun.seedFromProperty() + ", "
                    + cases + " cases, same first answer " + agreed + " (" + (100 * agreed / cases) + "%), hangs " + hangs
                    + "; commonest differences: " + top);
            assertEquals(0, hangs, () -> "a server hung; " + disagreements);
        }
    }
}
