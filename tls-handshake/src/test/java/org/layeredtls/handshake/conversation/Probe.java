package org.layeredtls.handshake.conversation;

/**
 * One entry of the catalogue: a conversation that does something a peer should refuse (or tolerate), the
 * reaction asserted from OpenSSL and the one asserted from LayeredTLS, and, where they differ, why.
 *
 * @param category    the table's section (version and suites, extensions, message order...)
 * @param name        what the probe does, in a few words
 * @param script      the conversation up to the reaction (a new one for each run)
 * @param openSsl     what {@code openssl s_server} (or {@code s_client}) does
 * @param layeredTls  what our server (or client) does
 * @param explanation why the two differ (required when the labels differ), or a note
 * @param role        which side the probe plays
 * @param group       probes whose answers must be indistinguishable share a group ("" for none)
 */
record Probe(String category, String name, Script script, Reaction openSsl, Reaction layeredTls,
             String explanation, Role role, String group) {

    enum Role { CLIENT, SERVER }

    /** Builds the probe's conversation for one target (a resumption probe first runs a handshake on it). */
    @FunctionalInterface
    interface Script {
        Conversation build(ProbeTarget target) throws Exception;
    }

    Probe {
        if (!openSsl.label().equals(layeredTls.label()) && explanation.isBlank()) {
            throw new IllegalArgumentException("probe \"" + name + "\": OpenSSL and LayeredTLS differ, explain why");
        }
    }

    /** A client-side probe (the conversation is the client) where both peers react alike. */
    static Probe same(String category, String name, Script script, Reaction both) {
        return new Probe(category, name, script, both, both, "", Role.CLIENT, "");
    }

    static Probe differ(String category, String name, Script script, Reaction openSsl,
                        Reaction layeredTls, String explanation) {
        return new Probe(category, name, script, openSsl, layeredTls, explanation, Role.CLIENT, "");
    }

    Probe inGroup(String groupName) {
        return new Probe(category, name, script, openSsl, layeredTls, explanation, role, groupName);
    }

    Probe asServer() {
        return new Probe(category, name, script, openSsl, layeredTls, explanation, Role.SERVER, group);
    }

    /** The whole conversation against one peer: the script, then that peer's reaction. */
    Conversation against(ProbeTarget target, Reaction reaction) throws Exception {
        Conversation conversation = script.build(target);
        reaction.steps().accept(conversation);
        return conversation;
    }

    boolean differs() {
        return !openSsl.label().equals(layeredTls.label());
    }
}
