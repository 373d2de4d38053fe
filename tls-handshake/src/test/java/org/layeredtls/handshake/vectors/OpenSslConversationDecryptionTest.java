package org.layeredtls.handshake.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.layeredtls.handshake.message.Finished;
import org.layeredtls.vectors.Conversation;
import org.layeredtls.vectors.ConversationConnection;
import org.layeredtls.vectors.Conversations;
import org.layeredtls.handshake.research.ConversationConfigs;

/**
 * Decrypts every recorded conversation up to TLS 1.2, OpenSSL-only ones first of all, with our record layer and
 * key schedule: the key log's master secret, the randoms of the parsed hellos, the suite, EtM and
 * EMS from the ServerHello. Every protected record must open, every handshake message (the
 * encrypted Finished included) must decode, both Finished must match the transcript, and the
 * application data must be what was sent.
 */
class OpenSslConversationDecryptionTest {

    @TestFactory
    Stream<DynamicTest> ourRecordLayerOpensEveryRecordOfEveryConversation() {
        return Conversations.load().stream().filter(c -> !c.isTls13()).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            for (ConversationConnection connection : c.connections()) {
                ConversationDecryptor.Decrypted d = ConversationDecryptor.decrypt(connection);
                assertEquals(c.version(), ConversationConfigs.versionName(d.version()), c.name());
                assertEquals(c.suite(), d.suite().ianaName(), c.name());
                assertArrayEquals(connection.clientData(), d.clientData(), c.name() + " client data");
                assertArrayEquals(connection.serverData(), d.serverData(), c.name() + " server data");
                assertEquals(2, d.finishedChecked(), c.name() + ": both Finished checked");
                assertTrue(d.messages().stream().filter(m -> m.decoded() instanceof Finished).allMatch(m -> m.encrypted()));
                assertTrue(d.protectedRecords() >= 4, c.name());
            }
        }));
    }

    @Test
    void openSslOnlyConversationsCoverEtmOnAndOffGcmAndChaCha20() throws Exception {
        List<Conversation> openssl = Conversations.load().stream().filter(c -> c.ours() == Conversation.Role.NONE && !c.isTls13()).toList();
        assertTrue(openssl.size() >= 8);
        boolean etm = false;
        boolean noEtmCbc = false;
        for (Conversation c : openssl) {
            ConversationDecryptor.Decrypted d = ConversationDecryptor.decrypt(c.connections().get(0));
            assertEquals(!c.name().contains("no-etm") && c.suite().contains("CBC"), d.encryptThenMac(), c.name());
            assertTrue(d.extendedMasterSecret(), c.name() + ": OpenSSL negotiates EMS by default");
            etm |= d.encryptThenMac();
            noEtmCbc |= !d.encryptThenMac() && c.suite().contains("CBC");
        }
        assertTrue(etm && noEtmCbc);
        assertTrue(openssl.stream().anyMatch(c -> c.suite().contains("GCM")));
        assertTrue(openssl.stream().anyMatch(c -> c.suite().contains("CHACHA20")));
    }

    @Test
    void aWrongMasterSecretIsCaughtAtTheFirstProtectedRecord() {
        Conversation c = Conversations.load("openssl-tls12-ecdhe-rsa-aes128-gcm.txt");
        ConversationConnection k = c.connections().get(0);
        String line = k.keyLog().get(0);
        String broken = line.substring(0, line.length() - 1) + (line.endsWith("0") ? "1" : "0");
        ConversationConnection tampered = new ConversationConnection(List.of(broken), k.clientData(), k.serverData(), k.flows());
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> ConversationDecryptor.decrypt(tampered));
    }
}
