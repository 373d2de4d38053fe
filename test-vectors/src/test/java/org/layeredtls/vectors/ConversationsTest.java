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
                if (c.isTls13()) {
                    for (String label : List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                            "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET")) {
                        assertEquals(c.suite().endsWith("SHA384") ? 48 : 32, k.keyLogSecret(label).orElseThrow().length,
                                c.name() + " " + label);
                    }
                } else {
                    assertEquals(48, k.keyLogMasterSecret().length);
                }
                // every TLS stream opens with a handshake record
                assertEquals(22, k.clientToServer()[0]);
                assertEquals(22, k.serverToClient()[0]);
            }
        }
    }

    @Test
    void coversTls13InBothRolesWithHelloRetryResumptionMutualAuthAndKeyUpdate() {
        List<Conversation> tls13 = ALL.stream().filter(Conversation::isTls13).toList();
        for (Conversation.Role role : List.of(Conversation.Role.CLIENT, Conversation.Role.SERVER)) {
            List<Conversation> ours = tls13.stream().filter(c -> c.ours() == role).toList();
            assertEquals(3, ours.stream().map(Conversation::suite).distinct().count(), role + ": the three AEAD suites");
            assertTrue(ours.stream().anyMatch(c -> c.group().equals("secp256r1")), role + ": HelloRetryRequest to P-256");
            assertTrue(ours.stream().anyMatch(Conversation::isResumption), role + ": resumption");
            assertTrue(ours.stream().anyMatch(c -> c.clientAuth().equals("need") || c.certificate().equals("client-rsa")),
                    role + ": mutual authentication");
            assertTrue(ours.stream().anyMatch(c -> c.keyUpdate().equals("ours")), role + ": our KeyUpdate");
            assertTrue(ours.stream().anyMatch(c -> c.keyUpdate().equals("peer")), role + ": OpenSSL's KeyUpdate");
        }
        assertTrue(ALL.stream().filter(c -> !c.isTls13()).allMatch(c -> c.group().isEmpty() && c.keyUpdate().equals("none")));
    }

    @Test
    void tls13KeyLogLinesNeedATls13LabelAndOneClientRandom() {
        Conversation tls13 = ALL.stream().filter(Conversation::isTls13).findFirst().orElseThrow();
        String text = Conversations.format(tls13);
        String unknownLabel = text.replaceFirst("keylog = EXPORTER_SECRET", "keylog = MASTER_SECRET");
        assertThrows(VectorFormatException.class, () -> Conversations.parse(new StringReader(unknownLabel), "broken"));
        String random = Hex.encode(tls13.connections().get(0).keyLogClientRandom());
        String otherRandom = text.replaceFirst("keylog = EXPORTER_SECRET " + random,
                "keylog = EXPORTER_SECRET " + "ff".repeat(32));
        assertThrows(VectorFormatException.class, () -> Conversations.parse(new StringReader(otherRandom), "broken"));
        String noGroup = text.replaceFirst("group = \\w+\n", "");
        assertThrows(VectorFormatException.class, () -> Conversations.parse(new StringReader(noGroup), "broken"));
    }

    @Test
    void aTls12ConnectionHasExactlyOneKeyLogLine() {
        Conversation tls12 = ALL.get(0);
        String line = tls12.connections().get(0).keyLog().get(0);
        String text = Conversations.format(tls12).replaceFirst("keylog = [^\n]*\n", "keylog = " + line + "\nkeylog = " + line + "\n");
        assertThrows(VectorFormatException.class, () -> Conversations.parse(new StringReader(text), "broken"));
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
