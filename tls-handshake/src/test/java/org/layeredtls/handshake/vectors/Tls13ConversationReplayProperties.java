package org.layeredtls.handshake.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.layeredtls.handshake.research.ConversationReplay;
import org.layeredtls.vectors.Conversation;

/**
 * The TLS 1.3 recordings cut into random TCP segments: OpenSSL's bytes delivered in reads of any sizes (a record
 * split across reads, several records in one) give the same output, handshake transcript, application data,
 * session and key schedule as the replay in one piece. (Re-framing the handshake into other records, as the
 * TLS 1.2 property does, needs the keys: after the ServerHello a TLS 1.3 handshake is encrypted.)
 */
class Tls13ConversationReplayProperties {

    private static final List<Conversation> TLS13 = Tls13ConversationReplayTest.tls13();

    @Provide
    Arbitrary<Conversation> tls13() {
        return Arbitraries.of(TLS13);
    }

    @Property(tries = 100)
    void openSslBytesReChunkedAtAnyTcpBoundaryReplayTheSame(@ForAll("tls13") Conversation c, @ForAll long seed,
                                                            @ForAll @IntRange(min = 1, max = 600) int maxChunk)
            throws Exception {
        List<ConversationReplay.Result> whole = ConversationReplay.replay(c);
        Random random = new Random(seed);
        List<ConversationReplay.Result> chunked = ConversationReplay.replay(c, () -> 1 + random.nextInt(maxChunk),
                (connection, peer) -> peer);
        assertEquals(whole.size(), chunked.size());
        for (int i = 0; i < whole.size(); i++) {
            ConversationReplay.Result expected = whole.get(i);
            ConversationReplay.Result actual = chunked.get(i);
            assertArrayEquals(expected.written(), actual.written(), c.name() + " our output");
            assertEquals(expected.transcript(), actual.transcript(), c.name() + " transcript");
            assertArrayEquals(expected.received(), actual.received(), c.name() + " application data");
            assertEquals(expected.keyLog(), actual.keyLog(), c.name() + " key schedule");
            assertEquals(expected.session().cipherSuite(), actual.session().cipherSuite(), c.name() + " suite");
            assertEquals(expected.session().resumed(), actual.session().resumed(), c.name() + " resumed");
        }
    }
}
