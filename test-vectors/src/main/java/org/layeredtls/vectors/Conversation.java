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
 * @param version     the negotiated version: {@code TLS1_0}, {@code TLS1_1}, {@code TLS1_2} or {@code TLS1_3}
 * @param suite       the negotiated suite's IANA name (TLS 1.3: {@code TLS_AES_128_GCM_SHA256} and its kin)
 * @param randomLabel the label of our deterministic random source (empty when {@code ours = none})
 * @param clock       the instant our fixed clock showed
 * @param certificate which of the stored certificates our side presented: {@code rsa}, {@code ec},
 *                    {@code client-rsa} or {@code none}
 * @param clientAuth  whether the server required a client certificate: {@code none} or {@code need}
 * @param group       TLS 1.3: the key_share group the handshake ended with ({@code x25519}, {@code secp256r1}, ...,
 *                    the names {@code NamedGroup} gives); empty before TLS 1.3
 * @param keyUpdate   TLS 1.3: who sent a KeyUpdate with update_requested after the handshake, before its
 *                    application data: {@code none}, {@code ours} or {@code peer}; {@code none} before TLS 1.3
 * @param peer        the OpenSSL command line(s) of the peer, for people
 * @param connections the TCP connections, in order
 */
public record Conversation(String name, String openssl, Role ours, String version, String suite, String randomLabel,
                           Instant clock, String certificate, String clientAuth, String group, String keyUpdate, String peer,
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

    /** Whether this is a TLS 1.3 conversation (its key log holds the TLS 1.3 secrets, not a master secret). */
    public boolean isTls13() {
        return version.equals("TLS1_3");
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
