package org.layeredtls.handshake.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.vectors.Conversation;
import org.layeredtls.vectors.ConversationConnection;
import org.layeredtls.vectors.Conversations;
import org.layeredtls.vectors.Flow;
import org.layeredtls.handshake.research.ConversationReplay;
import org.layeredtls.handshake.research.RecordStream;

/**
 * Properties over the recordings: the transport's chunking and the record framing of OpenSSL's
 * clear handshake change nothing in what our side writes or reads, and our codecs re-encode every
 * recorded handshake message to its exact bytes.
 */
class ConversationReplayProperties {

    private static final List<Conversation> ALL = Conversations.load();
    private static final List<Conversation> OURS = ConversationReplayTest.ours();
    // the TLS 1.3 handshake is encrypted after the ServerHello: re-framing and decryption by the master secret are 1.2's
    private static final List<Conversation> ALL_TLS12 = ALL.stream().filter(c -> !c.isTls13()).toList();
    private static final List<Conversation> OURS_TLS12 = OURS.stream().filter(c -> !c.isTls13()).toList();

    @Provide
    Arbitrary<Conversation> ours() {
        return Arbitraries.of(OURS);
    }

    @Provide
    Arbitrary<Conversation> oursTls12() {
        return Arbitraries.of(OURS_TLS12);
    }

    @Provide
    Arbitrary<Conversation> allTls12() {
        return Arbitraries.of(ALL_TLS12);
    }

    /** OpenSSL's bytes delivered in reads of random sizes give the same output, transcript and data. */
    @Property(tries = 150)
    void openSslBytesReChunkedAtAnyTcpBoundaryReplayTheSame(@ForAll("ours") Conversation c, @ForAll long seed,
                                                            @ForAll @IntRange(min = 1, max = 600) int maxChunk) throws Exception {
        List<ConversationReplay.Result> plain = ConversationReplay.replay(c);
        Random random = new Random(seed);
        List<ConversationReplay.Result> chunked = ConversationReplay.replay(c, () -> 1 + random.nextInt(maxChunk),
                (connection, peer) -> peer);
        assertSame(c, plain, chunked);
    }

    /**
     * OpenSSL's handshake records in clear, re-framed into records of random sizes within each
     * flight, still complete the handshake; our output stays byte-exact, since record framing is
     * not part of the handshake transcript (RFC 5246 §7.4.9 hashes messages, not records).
     */
    @Property(tries = 150)
    void openSslHandshakeReFragmentedIntoRecordsOfAnySizeReplaysTheSame(@ForAll("oursTls12") Conversation c,
                                                                         @ForAll long seed,
                                                                         @ForAll @IntRange(min = 1, max = 2000) int maxRecord)
            throws Exception {
        List<ConversationReplay.Result> plain = ConversationReplay.replay(c);
        Random random = new Random(seed);
        Flow.Direction peer = ConversationReplay.ourDirection(c) == Flow.Direction.CLIENT_TO_SERVER
                ? Flow.Direction.SERVER_TO_CLIENT : Flow.Direction.CLIENT_TO_SERVER;
        List<ConversationReplay.Result> reframed = ConversationReplay.replay(c, () -> Integer.MAX_VALUE,
                (connection, bytes) -> RecordStream.refragment(bytes, RecordStream.flightBoundaries(connection, peer),
                        () -> 1 + random.nextInt(maxRecord)));
        assertSame(c, plain, reframed);
    }

    private static void assertSame(Conversation c, List<ConversationReplay.Result> expected,
                                   List<ConversationReplay.Result> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).transcript(), actual.get(i).transcript(), c.name() + " transcript");
            assertArrayEquals(expected.get(i).written(), actual.get(i).written(), c.name() + " our output");
            assertArrayEquals(expected.get(i).received(), actual.get(i).received(), c.name() + " application data");
        }
    }

    /** Re-framing really changes the records: the property above is not vacuous. */
    @Property(tries = 50)
    void reFragmentingChangesTheRecordsButKeepsTheHandshakeBytes(@ForAll("allTls12") Conversation c, @ForAll long seed) {
        ConversationConnection connection = c.connections().get(0);
        byte[] original = connection.serverToClient();
        Random random = new Random(seed);
        byte[] reframed = RecordStream.refragment(original,
                RecordStream.flightBoundaries(connection, Flow.Direction.SERVER_TO_CLIENT), () -> 1 + random.nextInt(7));
        assertTrue(RecordStream.records(reframed).size() > RecordStream.records(original).size());
        assertEquals(frames(original), frames(reframed));
    }

    private static List<HandshakeFrame> frames(byte[] stream) {
        return RecordStream.clearHandshake(stream);
    }

    /** Every handshake message of every recording (the encrypted Finished included) decodes and re-encodes to its bytes. */
    @Property(generation = GenerationMode.EXHAUSTIVE)
    void everyRecordedHandshakeMessageDecodesAndReEncodesToIdenticalBytes(@ForAll("allTls12") Conversation c) throws Exception {
        int checked = 0;
        for (ConversationConnection connection : c.connections()) {
            for (ConversationDecryptor.Message m : ConversationDecryptor.decrypt(connection).messages()) {
                assertArrayEquals(m.frame().bytes(), HandshakeFrame.of(m.decoded()).bytes(),
                        c.name() + " " + m.from().key() + " " + m.frame().type());
                checked++;
            }
        }
        assertTrue(checked >= 7, c.name() + ": only " + checked + " messages");
    }
}
