package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.record.ProtocolVersion;

/**
 * Real handshakes between {@code openssl s_server} and {@code s_client}, recorded once with the
 * keylog's master secret and the exact handshake messages (see record-handshakes.sh). They check
 * the whole schedule against a real peer: the transcript, the session hash, both Finished
 * messages and, where the RSA pre-master secret is known, the master secret, extended or not.
 */
class RecordedOpenSslHandshakesTest {

    private static final String RESOURCE = "openssl-handshakes.txt";
    private static final HexFormat HEX = HexFormat.of();

    record Message(boolean sentByClient, String name, byte[] bytes) {
    }

    record Conversation(String title, String prf, byte[] master, boolean extendedMasterSecret, byte[] preMaster,
                        List<Message> messages) {

        Message first(String name) {
            return messages.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
        }

        /** ServerHello: type(1) length(3) server_version(2) random(32) ... */
        ProtocolVersion version() {
            byte[] serverHello = first("ServerHello").bytes();
            return new ProtocolVersion(serverHello[4] & 0xFF, serverHello[5] & 0xFF);
        }

        byte[] random(String hello) {
            return Arrays.copyOfRange(first(hello).bytes(), 6, 38);
        }

        KeySchedule schedule() {
            HashAlgorithm prfHash = prf.equals("MD5-SHA1") ? null : HashAlgorithm.valueOf(prf);
            return KeySchedule.of(version(), prfHash);
        }

        @Override
        public String toString() {
            return title + (extendedMasterSecret ? ", extended master secret" : "");
        }
    }

    static Stream<Conversation> conversations() throws IOException {
        List<Conversation> conversations = new ArrayList<>();
        try (InputStream in = RecordedOpenSslHandshakesTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE + " is on the test classpath");
            String title = null;
            String prf = null;
            byte[] master = null;
            byte[] preMaster = null;
            boolean ems = false;
            List<Message> messages = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "conversation" -> title = line.substring("conversation ".length());
                    case "prf" -> prf = f[1];
                    case "master" -> master = HEX.parseHex(f[1]);
                    case "ems" -> ems = f[1].equals("yes");
                    case "pre_master" -> preMaster = HEX.parseHex(f[1]);
                    case ">>>", "<<<" -> messages.add(new Message(f[0].equals(">>>"), f[1], HEX.parseHex(f[2])));
                    case "end" -> {
                        conversations.add(new Conversation(title, prf, master, ems, preMaster, List.copyOf(messages)));
                        preMaster = null;
                        messages.clear();
                    }
                    default -> assertTrue(line.startsWith("#") || line.isBlank(), "unexpected line: " + line);
                }
            }
        }
        assertEquals(9, conversations.size(), "conversations in " + RESOURCE);
        return conversations.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conversations")
    void bothFinishedMessagesAreWhatOpenSslSent(Conversation conversation) {
        KeySchedule schedule = conversation.schedule();
        TranscriptHash transcript = new TranscriptHash();
        int finishedSeen = 0;
        for (Message message : conversation.messages()) {
            if (message.name().equals("Finished")) {
                Sender sender = message.sentByClient() ? Sender.CLIENT : Sender.SERVER;
                byte[] verifyData = Arrays.copyOfRange(message.bytes(), 4, message.bytes().length);
                assertArrayEquals(verifyData, schedule.finishedVerifyData(conversation.master(), sender, transcript),
                        sender + " Finished");
                finishedSeen++;
            }
            transcript.update(message.bytes());
        }
        assertEquals(2, finishedSeen);
    }

    /** Only with RSA key exchange could the recording learn the pre-master secret. */
    static Stream<Conversation> rsaConversations() throws IOException {
        return conversations().filter(c -> c.preMaster() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rsaConversations")
    void theMasterSecretFromTheDecryptedPreMasterSecretIsTheKeylogs(Conversation conversation) {
        KeySchedule schedule = conversation.schedule();
        byte[] master;
        if (conversation.extendedMasterSecret()) {
            // RFC 7627 §3: the session hash covers the messages up to and including the ClientKeyExchange
            TranscriptHash transcript = new TranscriptHash();
            for (Message message : conversation.messages()) {
                transcript.update(message.bytes());
                if (message.name().equals("ClientKeyExchange")) {
                    break;
                }
            }
            master = schedule.extendedMasterSecret(conversation.preMaster(), schedule.sessionHash(transcript));
        } else {
            master = schedule.masterSecret(conversation.preMaster(),
                    conversation.random("ClientHello"), conversation.random("ServerHello"));
        }
        assertArrayEquals(conversation.master(), master);
    }

    @Test
    void theRecordingCoversEveryTlsVersionBothPrfHashesAndBothMasterSecrets() throws IOException {
        List<Conversation> all = conversations().toList();
        assertEquals(3, all.stream().map(Conversation::version).distinct().count());
        assertTrue(all.stream().anyMatch(c -> c.prf().equals("SHA384") && c.preMaster() != null && c.extendedMasterSecret()));
        assertTrue(all.stream().anyMatch(c -> c.version().equals(ProtocolVersion.TLS1_0) && c.preMaster() != null
                && c.extendedMasterSecret()));
        assertTrue(all.stream().filter(c -> c.preMaster() != null && !c.extendedMasterSecret()).count() >= 2);
    }
}
