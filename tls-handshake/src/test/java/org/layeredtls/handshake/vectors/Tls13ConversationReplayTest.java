package org.layeredtls.handshake.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.research.ConversationConfigs;
import org.layeredtls.handshake.research.ConversationReplay;
import org.layeredtls.handshake.research.ReplaySocket;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.vectors.Conversation;
import org.layeredtls.vectors.ConversationConnection;
import org.layeredtls.vectors.Conversations;

/**
 * Replays our side of every recorded TLS 1.3 conversation with OpenSSL (RFC 8446), with no network and no
 * OpenSSL: the same random label and clock as the recording, OpenSSL's recorded bytes as input. Our side must
 * write exactly the recorded bytes, accept OpenSSL's, negotiate the recorded suite and group, read the same
 * application data, and its key schedule must derive the very secrets OpenSSL's {@code -keylogfile} wrote
 * during the recording.
 */
class Tls13ConversationReplayTest {

    /** RFC 8446 §4.6.3: KeyUpdate (24), length 1, request_update update_requested (1) / update_not_requested (0). */
    private static final String UPDATE_REQUESTED = "1800000101";
    private static final String UPDATE_NOT_REQUESTED = "1800000100";

    static List<Conversation> tls13() {
        return ConversationReplayTest.ours().stream().filter(Conversation::isTls13).toList();
    }

    @TestFactory
    Stream<DynamicTest> ourSideWritesTheRecordedBytesNegotiatesTheRecordedSuiteAndGroupAndDerivesOpenSslsSecrets() {
        return tls13().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            List<ConversationReplay.Result> results = ConversationReplay.replay(c);
            assertEquals(c.connections().size(), results.size());
            for (int i = 0; i < results.size(); i++) {
                ConversationConnection recorded = c.connections().get(i);
                ConversationReplay.Result result = results.get(i);
                String where = c.name() + " connection " + i;
                assertArrayEquals(c.ours() == Conversation.Role.CLIENT ? recorded.clientToServer() : recorded.serverToClient(),
                        result.written(), where + ": our output");
                assertArrayEquals(c.ours() == Conversation.Role.CLIENT ? recorded.serverData() : recorded.clientData(),
                        result.received(), where + ": application data read");
                assertEquals(ProtocolVersion.TLS1_3, result.session().version(), where);
                assertEquals(c.suite(), result.session().cipherSuite().ianaName(), where);
                assertEquals(ConversationConfigs.group(c.group()), Tls13Transcripts.keyShareGroup(result.transcript()), where);
                assertEquals(i > 0, result.session().resumed(), where + " resumed");
                assertTrue(recorded.keyLog().size() >= 5, where + ": OpenSSL's key log");
                List<String> ours = result.keyLog(); // KeyUpdate's secrets too: our observer hears of every one
                for (String line : recorded.keyLog()) {
                    assertTrue(ours.stream().anyMatch(mine -> sameSecret(line, mine)), where + ": OpenSSL's "
                            + line.split(" ")[0] + " is not a secret our key schedule derived; ours: " + result.keyLog());
                }
            }
        }));
    }

    @Test
    void theConversationsCoverTheFeaturesTheyAreNamedFor() throws Exception {
        for (String role : List.of("client", "server")) {
            List<String> hrr = replay("tls13-hrr-our-" + role).get(0).transcript();
            assertEquals(2, Tls13Transcripts.count(hrr, HandshakeType.CLIENT_HELLO), role + ": ClientHello again after HRR");
            assertTrue(Tls13Transcripts.firstServerHello(hrr).isHelloRetryRequest(), role + ": HRR first");

            List<ConversationReplay.Result> resumption = replay("tls13-resumption-our-" + role);
            assertTrue(Tls13Transcripts.count(resumption.get(0).transcript(), HandshakeType.NEW_SESSION_TICKET) >= 1);
            assertEquals(0, Tls13Transcripts.count(resumption.get(1).transcript(), HandshakeType.CERTIFICATE),
                    role + ": a PSK handshake sends no certificate");

            for (String who : List.of("ours", "peer")) {
                List<String> keyUpdate = replay("tls13-key-update-" + who + "-our-" + role).get(0).transcript();
                String requester = who.equals("ours") ? "sent " : "received ";
                String answerer = who.equals("ours") ? "received " : "sent ";
                assertTrue(keyUpdate.stream().anyMatch(m -> m.startsWith(requester + HandshakeType.KEY_UPDATE + " " + UPDATE_REQUESTED)),
                        role + " " + who + ": a KeyUpdate with update_requested");
                // RFC 8446 §4.6.3: the answer goes "before sending its next Application Data record"; s_client sent
                // its request before our server's KeyUpdate reached it, and writes nothing after: no answer there
                if (!(role.equals("server") && who.equals("ours"))) {
                    assertTrue(keyUpdate.stream().anyMatch(m -> m.startsWith(answerer + HandshakeType.KEY_UPDATE + " " + UPDATE_NOT_REQUESTED)),
                            role + " " + who + ": the KeyUpdate (update_not_requested) answering it");
                }
            }
        }
        List<String> mutualClient = replay("tls13-mutual-auth-our-client").get(0).transcript();
        assertTrue(mutualClient.stream().anyMatch(m -> m.startsWith("received " + HandshakeType.CERTIFICATE_REQUEST)));
        assertTrue(mutualClient.stream().anyMatch(m -> m.startsWith("sent " + HandshakeType.CERTIFICATE_VERIFY)));
        assertEquals(1, replay("tls13-mutual-auth-our-server").get(0).session().peerCertificates().size());
    }

    @Test
    void aChangedByteOfOpenSslsEncryptedHandshakeIsRefused() throws Exception {
        Conversation c = Conversations.load("tls13-aes-128-gcm-sha256-our-client.txt");
        ConversationConnection k = c.connections().get(0);
        byte[] server = k.serverToClient();
        int serverHelloEnd = 5 + (((server[3] & 0xFF) << 8) | (server[4] & 0xFF));
        int firstProtected = serverHelloEnd + (server[serverHelloEnd] == 20 ? 6 : 0); // after the compatibility CCS
        assertEquals(23, server[firstProtected], "an application_data record: the encrypted EncryptedExtensions");
        server[firstProtected + 5 + 3] ^= 1;
        ReplaySocket socket = new ReplaySocket(server, k.clientToServer(), () -> Integer.MAX_VALUE);
        var tls = org.layeredtls.handshake.api.TlsSocket.client(socket,
                ConversationConfigs.ourConfig(c, org.layeredtls.handshake.api.TlsObserver.NONE));
        var e = assertThrows(org.layeredtls.alert.TlsAlertException.class, tls::startHandshake);
        assertEquals(org.layeredtls.alert.AlertDescription.BAD_RECORD_MAC, e.alert().description(), e.getMessage());
    }

    /**
     * Whether OpenSSL's key log line and ours name the same secret: same label, client random and secret, except
     * that OpenSSL 3.0 writes every secret after a KeyUpdate as {@code ..._TRAFFIC_SECRET_N} where we number it.
     */
    private static boolean sameSecret(String openssl, String ours) {
        String[] theirs = openssl.split(" ");
        String[] mine = ours.split(" ");
        boolean label = theirs[0].endsWith("_TRAFFIC_SECRET_N")
                ? mine[0].matches(theirs[0].substring(0, theirs[0].length() - 1) + "[1-9]\\d*") : theirs[0].equals(mine[0]);
        return label && theirs[1].equals(mine[1]) && theirs[2].equals(mine[2]);
    }

    private static List<ConversationReplay.Result> replay(String name) throws Exception {
        return ConversationReplay.replay(Conversations.load(name + ".txt"));
    }
}
