package org.layeredtls.vectors;

import java.time.Instant;
import java.util.List;

/**
 * A recorded TLS conversation with OpenSSL: the parameters needed to replay our side of it, and
 * one or more {@link ConversationConnection}s (two for a resumption: the full handshake, then the
 * abbreviated one).
 *
 * <p>When {@link #ours()} is {@link Role#CLIENT} or {@link Role#SERVER}, LayeredTLS played that role
 * with {@code DeterministicRandomSource.fromLabel(randomLabel)} and a clock fixed at {@link #clock()},
 * so replaying it with the same label and clock must write exactly the recorded bytes. When it is
 * {@link Role#NONE}, both ends were OpenSSL and only the key log makes the records readable.
 *
 * @param name        a unique name, also the file's base name
 * @param openssl     the {@code openssl version} line of the peer that was recorded
 * @param ours        which role LayeredTLS played
 * @param version     the negotiated version: {@code TLS1_0}, {@code TLS1_1} or {@code TLS1_2}
 * @param suite       the negotiated suite's IANA name
 * @param randomLabel the label of our deterministic random source (empty when {@code ours = none})
 * @param clock       the instant our fixed clock showed
 * @param certificate which of the stored certificates our side presented: {@code rsa}, {@code ec},
 *                    {@code client-rsa} or {@code none}
 * @param clientAuth  whether the server required a client certificate: {@code none} or {@code need}
 * @param peer        the OpenSSL command line(s) of the peer, for people
 * @param connections the TCP connections, in order
 */
public record Conversation(String name, String openssl, Role ours, String version, String suite, String randomLabel,
                           Instant clock, String certificate, String clientAuth, String peer,
                           List<ConversationConnection> connections) {

    /** Which side LayeredTLS played. */
    public enum Role {
        CLIENT, SERVER, NONE;

        /** The lower-case name the file uses. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Conversation {
        connections = List.copyOf(connections);
        if (connections.isEmpty()) {
            throw new IllegalArgumentException("a conversation has at least one connection");
        }
    }

    /** Whether the conversation resumed a session on a later connection. */
    public boolean isResumption() {
        return connections.size() > 1;
    }

    @Override
    public String toString() {
        return name;
    }
}
