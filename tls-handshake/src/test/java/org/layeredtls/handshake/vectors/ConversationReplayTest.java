package org.layeredtls.handshake.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.vectors.Conversation;
import org.layeredtls.vectors.ConversationConnection;
import org.layeredtls.vectors.Conversations;
import org.layeredtls.handshake.research.ConversationReplay;
import org.layeredtls.handshake.research.ReplaySocket;
import org.layeredtls.handshake.research.ConversationConfigs;
import org.layeredtls.handshake.research.RecordStream;

/**
 * Replays our side of every recorded conversation with OpenSSL, with no network and no OpenSSL:
 * same random label, same clock, OpenSSL's recorded bytes as input. Our side must write exactly
 * the recorded bytes, accept OpenSSL's, finish the handshake and read the same application data.
 */
class ConversationReplayTest {

    static List<Conversation> ours() {
        return Conversations.load().stream().filter(c -> c.ours() != Conversation.Role.NONE).toList();
    }

    @TestFactory
    Stream<DynamicTest> ourSideWritesExactlyTheRecordedBytesAndReadsTheSameApplicationData() {
        return ours().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            List<ConversationReplay.Result> results = ConversationReplay.replay(c);
            for (int i = 0; i < results.size(); i++) {
                ConversationConnection recorded = c.connections().get(i);
                ConversationReplay.Result result = results.get(i);
                byte[] expected = c.ours() == Conversation.Role.CLIENT ? recorded.clientToServer() : recorded.serverToClient();
                assertArrayEquals(expected, result.written(), c.name() + " connection " + i + ": our output");
                assertArrayEquals(c.ours() == Conversation.Role.CLIENT ? recorded.serverData() : recorded.clientData(),
                        result.received(), c.name() + " connection " + i + ": application data read");
                assertEquals(c.version(), ConversationConfigs.versionName(result.session().version()));
                assertEquals(c.suite(), result.session().cipherSuite().ianaName());
                assertEquals(i > 0, result.session().resumed(), c.name() + " connection " + i + " resumed");
            }
        }));
    }

    @Test
    void theConversationsCoverTheFeaturesTheyAreNamedFor() throws Exception {
        Conversation mutual = Conversations.load("tls12-mutual-auth-our-client.txt");
        List<String> transcript = ConversationReplay.replay(mutual).get(0).transcript();
        assertTrue(transcript.stream().anyMatch(m -> m.startsWith("received " + HandshakeType.CERTIFICATE_REQUEST)));
        assertTrue(transcript.stream().anyMatch(m -> m.startsWith("sent " + HandshakeType.CERTIFICATE_VERIFY)));

        Conversation server = Conversations.load("tls12-mutual-auth-our-server.txt");
        assertEquals(1, ConversationReplay.replay(server).get(0).session().peerCertificates().size());

        Conversation fragmented = Conversations.load("tls12-fragmented-handshake-our-server.txt");
        assertTrue(RecordStream.records(fragmented.connections().get(0).clientToServer()).stream()
                .filter(r -> r.type() == RecordStream.HANDSHAKE).limit(50).allMatch(r -> r.fragment().length == 1),
                "s_client -split_send_frag 1 sends its handshake in 1-byte records");
    }

    @Test
    void aChangedByteInOurRecordingIsReportedWithItsRecordAndHandshakeMessage() throws Exception {
        Conversation c = Conversations.load("tls12-ecdhe-rsa-aes-128-gcm-sha256-our-client.txt");
        ConversationConnection k = c.connections().get(0);
        byte[] ours = k.clientToServer();
        ours[5 + 4 + 2 + 3] ^= 1; // a byte of the ClientHello random
        ReplaySocket socket = new ReplaySocket(k.serverToClient(), ours, () -> Integer.MAX_VALUE);
        var config = ConversationConfigs.ourConfig(c, org.layeredtls.handshake.api.TlsObserver.NONE);
        var tls = org.layeredtls.handshake.api.TlsSocket.client(socket, config);
        ReplaySocket.ReplayDivergence e = org.junit.jupiter.api.Assertions.assertThrows(
                ReplaySocket.ReplayDivergence.class, tls::startHandshake);
        assertEquals(14, e.offset);
        assertTrue(e.getMessage().contains("record #0") && e.getMessage().contains("CLIENT_HELLO"), e.getMessage());
    }
}
