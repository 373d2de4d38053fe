package org.layeredtls.handshake.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.vectors.Conversation;
import org.layeredtls.vectors.ConversationConnection;
import org.layeredtls.vectors.Conversations;

/**
 * Decrypts every recorded TLS 1.3 conversation with OpenSSL's key log alone, as Wireshark would, with our TLS 1.3
 * record protection, key derivations ({@code trafficKey}, {@code trafficIv}, {@code finishedVerifyData},
 * {@code nextTrafficSecret}) and codecs, and none of our state machines: every record must open, every handshake
 * message must decode and re-encode to its bytes, both Finished must match, and the application data must be what
 * was sent.
 */
class Tls13ConversationDecryptionTest {

    @TestFactory
    Stream<DynamicTest> openSslsKeyLogOpensEveryRecordOfEveryTls13Conversation() {
        return Conversations.load().stream().filter(Conversation::isTls13).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            for (ConversationConnection connection : c.connections()) {
                Tls13ConversationDecryptor.Decrypted d = Tls13ConversationDecryptor.decrypt(connection);
                assertEquals(c.suite(), d.suite().ianaName(), c.name());
                assertArrayEquals(connection.clientData(), d.clientData(), c.name() + " client data");
                assertArrayEquals(connection.serverData(), d.serverData(), c.name() + " server data");
                assertEquals(2, d.finishedChecked(), c.name() + ": both Finished checked");
                assertEquals(c.keyUpdate().equals("none") ? 0 : 1, Math.min(1, d.keyUpdates()), c.name() + " KeyUpdates");
                assertTrue(d.protectedRecords() >= 4, c.name());
                for (Tls13ConversationDecryptor.Message m : d.messages()) {
                    assertArrayEquals(m.frame().bytes(), HandshakeFrame.of(m.decoded()).bytes(),
                            c.name() + " " + m.from().key() + " " + m.frame().type() + " re-encodes to its bytes");
                }
            }
        }));
    }

    @Test
    void openSslOnlyTls13ConversationsDecryptAHelloRetryRequestToo() throws Exception {
        List<Conversation> openssl = Conversations.load().stream()
                .filter(c -> c.isTls13() && c.ours() == Conversation.Role.NONE).toList();
        assertEquals(2, openssl.size());
        Conversation hrr = Conversations.load("openssl-tls13-hrr-aes-256-gcm-sha384.txt");
        List<Tls13ConversationDecryptor.Message> messages = Tls13ConversationDecryptor.decrypt(hrr.connections().get(0)).messages();
        assertTrue(((org.layeredtls.handshake.message.ServerHello) messages.get(1).decoded()).isHelloRetryRequest());
        assertEquals(org.layeredtls.handshake.message.HandshakeType.CLIENT_HELLO, messages.get(2).frame().type());
    }

    @Test
    void aWrongHandshakeSecretInTheKeyLogIsCaughtAtTheFirstProtectedRecord() {
        Conversation c = Conversations.load("tls13-aes-128-gcm-sha256-our-client.txt");
        ConversationConnection k = c.connections().get(0);
        List<String> keyLog = new ArrayList<>();
        for (String line : k.keyLog()) {
            keyLog.add(line.startsWith("SERVER_HANDSHAKE_TRAFFIC_SECRET ")
                    ? line.substring(0, line.length() - 1) + (line.endsWith("0") ? "1" : "0") : line);
        }
        ConversationConnection tampered = new ConversationConnection(keyLog, k.clientData(), k.serverData(), k.flows());
        var e = assertThrows(org.layeredtls.alert.TlsAlertException.class, () -> Tls13ConversationDecryptor.decrypt(tampered));
        assertEquals(org.layeredtls.alert.AlertDescription.BAD_RECORD_MAC, e.alert().description(), e.getMessage());
    }
}
