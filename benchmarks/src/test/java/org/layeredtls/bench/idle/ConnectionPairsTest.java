package org.layeredtls.bench.idle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.CryptoBackend;

/**
 * The heap benchmark's stacks still connect, handshake and exchange (each {@code openPair} checks
 * the ping and the pong), so that {@link IdleConnectionHeap} cannot rot between hand-made runs.
 * A few pairs per stack, 127.0.0.1 only, bounded in time, everything closed.
 */
class ConnectionPairsTest {

    private static final int PAIRS = 3;
    private static List<ConnectionPairs> stacks;

    @BeforeAll
    static void openStacks() throws Exception {
        BenchmarkPki pki = new BenchmarkPki();
        stacks = List.of(new PlainSocketPairs(), new LayeredTlsPairs(pki, CryptoBackend.BOUNCY_CASTLE),
                new LayeredTlsPairs(pki, CryptoBackend.JDK, org.layeredtls.record.ProtocolVersion.TLS1_3),
                new EnginePairs(pki, CryptoBackend.JDK), new SunJssePairs(pki, true),
                new SunJssePairs(pki, false));
    }

    @AfterAll
    static void closeStacks() throws Exception {
        for (ConnectionPairs stack : stacks) {
            stack.close();
        }
    }

    @Test
    void everyStackOpensHandshakenPairsThatExchangeAndClose() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (ConnectionPairs stack : stacks) {
                List<Closeable> open = new ArrayList<>();
                try {
                    for (int i = 0; i < PAIRS; i++) {
                        open.add(stack.openPair());
                    }
                } finally {
                    for (Closeable pair : open) {
                        pair.close();
                    }
                }
                assertEquals(PAIRS, open.size(), stack.name());
            }
        });
    }
}
