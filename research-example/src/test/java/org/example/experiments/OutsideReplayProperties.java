package org.example.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.layeredtls.handshake.research.ConversationReplay;
import org.layeredtls.handshake.research.RecordStream;
import org.layeredtls.vectors.Conversation;
import org.layeredtls.vectors.ConversationConnection;
import org.layeredtls.vectors.Conversations;

/**
 * jqwik properties as an outside project writes them, over a conversation recorded with OpenSSL (module
 * test-vectors) and replayed with no network by the public {@link ConversationReplay}.
 */
class OutsideReplayProperties {

    /** Our client against openssl s_server, TLS 1.2, ECDHE-RSA with AES-128-GCM. */
    private static final Conversation RECORDED = Conversations.load("tls12-ecdhe-rsa-aes-128-gcm-sha256-our-client.txt");

    @Example
    void ourClientWritesExactlyTheRecordedBytes() throws IOException {
        List<ConversationReplay.Result> results = ConversationReplay.replay(RECORDED);
        assertEquals(RECORDED.connections().size(), results.size());
        assertArrayEquals(RECORDED.connections().get(0).clientToServer(), results.get(0).written());
        assertArrayEquals(RECORDED.connections().get(0).serverData(), results.get(0).received());
    }

    /** However TCP cuts OpenSSL's bytes, our client writes the same bytes and reads the same data. */
    @Property(tries = 30)
    void openSslBytesInReadsOfAnySizeReplayTheSame(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int maxRead)
            throws IOException {
        Random random = new Random(seed);
        List<ConversationReplay.Result> results = ConversationReplay.replay(RECORDED, () -> 1 + random.nextInt(maxRead),
                (connection, peerBytes) -> peerBytes);
        ConversationConnection recorded = RECORDED.connections().get(0);
        assertArrayEquals(recorded.clientToServer(), results.get(0).written());
        assertArrayEquals(recorded.serverData(), results.get(0).received());
    }

    /**
     * A flipped bit anywhere in OpenSSL's handshake or ChangeCipherSpec records ends our replay with an
     * IOException: an alert of ours, or our output leaving the recording (a changed transcript changes our Finished).
     */
    @Property(tries = 30)
    void aFlippedBitInAnyOfOpenSslsRecordsIsRefused(@ForAll @IntRange(min = 0, max = 1_000_000) int pick,
                                                    @ForAll @IntRange(min = 0, max = 7) int bit) {
        byte[] server = RECORDED.connections().get(0).serverToClient();
        ConversationConnection first = RECORDED.connections().get(0);
        List<RecordStream.Raw> records = RecordStream.records(server).stream()
                .filter(r -> r.type() == RecordStream.HANDSHAKE || r.type() == RecordStream.CHANGE_CIPHER_SPEC).toList();
        RecordStream.Raw record = records.get(pick % records.size());
        int at = record.offset() + RecordStream.HEADER + (pick / records.size()) % record.fragment().length;
        IOException refused = assertThrows(IOException.class, () -> ConversationReplay.replay(RECORDED, () -> Integer.MAX_VALUE,
                (connection, peerBytes) -> connection == first ? flipped(peerBytes, at, bit) : peerBytes));
        assertTrue(refused.getMessage() != null, "a refusal says why");
    }

    private static byte[] flipped(byte[] bytes, int at, int bit) {
        byte[] copy = bytes.clone();
        copy[at] ^= (byte) (1 << bit);
        return copy;
    }
}
