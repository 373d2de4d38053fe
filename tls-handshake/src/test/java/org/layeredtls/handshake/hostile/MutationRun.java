package org.layeredtls.handshake.hostile;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.layeredtls.vectors.Conversation;
import org.layeredtls.vectors.ConversationConnection;
import org.layeredtls.vectors.Conversations;
import org.layeredtls.handshake.testing.RawPeer;
import org.layeredtls.handshake.testing.Reply;

/**
 * The mutation test: recorded client flights (the OpenSSL reference conversations of test-vectors), mutated
 * by {@link FlightMutation}, replayed one connection each against a running server. For each case: the bytes
 * are written and the write side closed, the reply is read until the server ends the connection (an alert, a
 * close or a reset) or {@code caseBound} passes (a hang); then the server must still run, and a clean
 * handshake must succeed on it. Seeded: the same seed and count replay the same cases.
 */
final class MutationRun {

    /** How many cases {@code mvn verify} runs; the nightly profile raises it (system property {@value #CASES_PROPERTY}). */
    static final int DEFAULT_CASES = 300;
    static final String CASES_PROPERTY = "hostile.mutation.cases";
    static final String SEED_PROPERTY = "hostile.mutation.seed";
    /** Issue 8's number: any fixed value makes the run reproducible. */
    static final long DEFAULT_SEED = 8;

    /** How long a server that refused the clean client may take to be seen gone (a process exiting still looks alive). */
    static final Duration EXIT_GRACE = Duration.ofSeconds(5);

    private MutationRun() {
    }

    /** The counts of one run. */
    record Summary(String server, long seed, int cases, Map<String, Integer> kinds, Map<String, Integer> outcomes,
                   int hangs, int exits, int cleanHandshakeFailures, List<String> firstProblems, long millis) {

        /** One line: what the note reports. */
        String line() {
            return "mutation test against " + server + ": seed " + seed + ", " + cases + " cases " + kinds
                    + ", outcomes " + outcomes + ", hangs " + hangs + ", process exits " + exits
                    + ", clean handshakes failed " + cleanHandshakeFailures + ", " + millis + " ms";
        }
    }

    static int casesFromProperty() {
        return Integer.getInteger(CASES_PROPERTY, DEFAULT_CASES);
    }

    static long seedFromProperty() {
        return Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
    }

    /** Every client-to-server stream of the recorded conversations. */
    static List<byte[]> recordedClientFlights() {
        List<byte[]> flights = new ArrayList<>();
        for (Conversation conversation : Conversations.load()) {
            for (ConversationConnection connection : conversation.connections()) {
                byte[] flight = connection.clientToServer();
                if (flight.length > 0) {
                    flights.add(flight);
                }
            }
        }
        return flights;
    }

    /**
     * Runs {@code cases} cases against {@code server}. A server that stops running counts as an exit and ends
     * the run (later cases would only repeat it).
     */
    static Summary run(ServerUnderTest server, String name, List<byte[]> flights, int cases, long seed,
                       Duration caseBound) throws InterruptedException {
        Random random = new Random(seed);
        Map<String, Integer> kinds = new TreeMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int hangs = 0;
        int exits = 0;
        int cleanFailures = 0;
        long start = System.nanoTime();
        int done = 0;
        for (int c = 0; c < cases; c++) {
            FlightMutation mutation = FlightMutation.of(flights.get(random.nextInt(flights.size())), random);
            kinds.merge(mutation.kind().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
            String outcome = replay(server, mutation, caseBound);
            outcomes.merge(outcome, 1, Integer::sum);
            done++;
            if (outcome.equals("timeout")) {
                hangs++;
                note(problems, "case " + c + " hung: " + mutation);
            }
            boolean gone = !server.isAlive();
            if (!gone) {
                try {
                    NormalClient.isServed(server);
                } catch (IOException | AssertionError e) {
                    gone = server.exitsWithin(EXIT_GRACE);
                    if (!gone) {
                        cleanFailures++;
                        note(problems, "case " + c + ": no clean handshake after " + mutation + ": " + e);
                    }
                }
            }
            if (gone) {
                exits++;
                note(problems, "case " + c + " ended the server: " + mutation + "\n" + server.log());
                break;
            }
        }
        return new Summary(name, seed, done, kinds, outcomes, hangs, exits, cleanFailures, problems,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    private static void note(List<String> problems, String problem) {
        if (problems.size() < 10) {
            problems.add(problem);
        }
    }

    /** One case: its outcome, as {@link Reply#outcome()} names it, or "no connection". */
    static String replay(ServerUnderTest server, FlightMutation mutation, Duration bound) throws InterruptedException {
        try (RawPeer peer = RawPeer.connect(server.port())) {
            AtomicReference<IOException> writeEnded = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    peer.send(mutation.bytes());
                    peer.shutdownOutput();
                } catch (IOException e) {
                    writeEnded.set(e); // the server ended the connection before reading everything: allowed
                }
            }, "mutated flight");
            writer.setDaemon(true);
            writer.start();
            Reply reply = peer.awaitEnd(bound);
            writer.join(bound.toMillis());
            return reply.outcome();
        } catch (IOException e) {
            return "no connection (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** The problems, for an assertion message. */
    static String problems(Summary summary) {
        return summary.line() + "\n" + summary.firstProblems().stream().collect(Collectors.joining("\n"));
    }
}
