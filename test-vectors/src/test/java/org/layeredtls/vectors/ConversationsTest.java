package org.layeredtls.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ConversationsTest {

    private static final List<Conversation> ALL = Conversations.load();

    @Test
    void indexNamesOneFilePerConversationWithMatchingNames() {
        List<String> index = Conversations.index();
        assertEquals(index.size(), ALL.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ALL.size(); i++) {
            assertEquals(index.get(i), ALL.get(i).name() + ".txt");
            assertTrue(names.add(ALL.get(i).name()), "duplicate " + ALL.get(i).name());
        }
    }

    @Test
    void coversEveryVersionBothRolesAndOpenSslOnlyConversations() {
        for (String version : List.of("TLS1_0", "TLS1_1", "TLS1_2")) {
            for (Conversation.Role role : Conversation.Role.values()) {
                assertTrue(ALL.stream().anyMatch(c -> c.version().equals(version) && c.ours() == role), version + " " + role);
            }
        }
        assertTrue(ALL.stream().anyMatch(Conversation::isResumption));
        assertTrue(ALL.stream().anyMatch(c -> c.clientAuth().equals("need") || c.certificate().equals("client-rsa")));
    }

    @Test
    void everyConnectionCarriesBothDirectionsAndItsApplicationData() {
        for (Conversation c : ALL) {
            assertTrue(c.openssl().equals(Conversations.resourceText("openssl-version.txt").strip()), c.name());
            for (ConversationConnection k : c.connections()) {
                assertTrue(k.clientToServer().length > 100 && k.serverToClient().length > 100, c.name());
                assertTrue(k.clientData().length >= 200 && k.serverData().length >= 200, c.name());
                assertEquals(32, k.keyLogClientRandom().length);
                assertEquals(48, k.keyLogMasterSecret().length);
                // every TLS stream opens with a handshake record
                assertEquals(22, k.clientToServer()[0]);
                assertEquals(22, k.serverToClient()[0]);
            }
        }
    }

    @Test
    void formatThenParseGivesTheSameConversation() {
        for (Conversation c : ALL) {
            Conversation again = Conversations.parse(new StringReader(Conversations.format(c)), c.name());
            assertEquals(c, again);
            assertArrayEquals(c.connections().get(0).clientToServer(), again.connections().get(0).clientToServer());
        }
    }

    @Test
    void rejectsAMalformedKeyLogLineWithItsLineNumber() {
        String text = Conversations.format(ALL.get(0)).replaceFirst("keylog = CLIENT_RANDOM [0-9a-f]{4}", "keylog = CLIENT_RANDOM zz");
        VectorFormatException e = assertThrows(VectorFormatException.class,
                () -> Conversations.parse(new StringReader(text), "broken"));
        assertTrue(e.getMessage().startsWith("broken:13:"), e.getMessage());
    }

    @Test
    void rejectsAFlowCountThatDoesNotMatch() {
        String text = Conversations.format(ALL.get(0)).replaceFirst("flows = (\\d+)", "flows = 999");
        assertThrows(VectorFormatException.class, () -> Conversations.parse(new StringReader(text), "broken"));
    }

    @Test
    void rejectsUpperCaseHexAndUnknownRoles() {
        String upper = Conversations.format(ALL.get(0)).replaceFirst("c2s = 16", "c2s = 1A");
        assertThrows(VectorFormatException.class, () -> Conversations.parse(new StringReader(upper), "broken"));
        String role = Conversations.format(ALL.get(0)).replaceFirst("ours = \\w+", "ours = both");
        assertThrows(VectorFormatException.class, () -> Conversations.parse(new StringReader(role), "broken"));
    }
}
