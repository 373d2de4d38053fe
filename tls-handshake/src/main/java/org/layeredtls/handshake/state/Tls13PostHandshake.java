package org.layeredtls.handshake.state;

import java.io.IOException;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.KeyUpdate;
import org.layeredtls.handshake.message.Tls13CertificateRequest;
import org.layeredtls.handshake.message.Tls13NewSessionTicket;
import org.layeredtls.handshake.prf.Tls13Derivation;
import org.layeredtls.record.ContentType;

/**
 * A TLS 1.3 connection after its handshake (RFC 8446 §4.6): the messages that may still come —
 * NewSessionTicket to a client, KeyUpdate both ways, post-handshake client authentication
 * ({@link Tls13PostHandshakeAuth}) — and the AEAD usage limit that makes us send KeyUpdate (§5.5). Each
 * new traffic secret goes to the observer under its key log name. There is no renegotiation: a ClientHello
 * or HelloRequest now is unexpected_message.
 */
final class Tls13PostHandshake {

    private final Connection connection;
    private final Tls13Secrets secrets;
    private final Tls13PostHandshakeAuth auth;

    Tls13PostHandshake(Connection connection, Tls13Secrets secrets, Tls13PostHandshakeAuth auth) {
        this.connection = connection;
        this.secrets = secrets;
        this.auth = auth;
    }

    Tls13Secrets secrets() {
        return secrets;
    }

    Tls13PostHandshakeAuth auth() {
        return auth;
    }

    /**
     * A handshake message after the handshake, with its bytes (header included); {@code moreInRecord}: part of
     * another message follows in the same record.
     */
    void receive(HandshakeMessage message, byte[] bytes, boolean moreInRecord) throws IOException {
        if (message instanceof KeyUpdate update) {
            if (moreInRecord) {
                // RFC 8446 §5.1: a message that precedes a key change must end at a record boundary
                throw HandshakeContext.alert(AlertDescription.UNEXPECTED_MESSAGE, "KeyUpdate is not at the end of its record");
            }
            keyUpdateReceived(update.updateRequested());
        } else if (message instanceof Tls13NewSessionTicket ticket && connection.client) {
            Tls13Tickets.received(connection, secrets, ticket);
        } else if (message instanceof Tls13CertificateRequest request && connection.client) {
            auth.certificateRequestReceived(request, bytes); // RFC 8446 §4.6.2
        } else if (!connection.client && Tls13PostHandshakeAuth.isAnswer(message)) {
            auth.answerReceived(message, bytes);
        } else {
            throw HandshakeContext.alert(AlertDescription.UNEXPECTED_MESSAGE,
                    message.type() + " after a TLS 1.3 handshake (RFC 8446 §4.6: no renegotiation)");
        }
    }

    /** RFC 8446 §4.6.3: the peer's next records use its next traffic secret; if it asks, we change ours too. */
    private void keyUpdateReceived(boolean updateRequested) throws IOException {
        boolean peerIsClient = !connection.client;
        byte[] next = nextTrafficSecret(peerIsClient);
        connection.records.installReadState(Tls13Handshake.protection(connection.config, secrets.suite, next));
        if (updateRequested) {
            sendKeyUpdate(false); // "update_not_requested", so that the two sides do not loop
        }
    }

    /** Sends KeyUpdate under our current keys, then changes them (RFC 8446 §4.6.3). */
    void sendKeyUpdate(boolean requestPeerUpdate) throws IOException {
        connection.writePostHandshake(new KeyUpdate(requestPeerUpdate), () -> {
            byte[] next = nextTrafficSecret(connection.client);
            connection.records.installWriteState(Tls13Handshake.protection(connection.config, secrets.suite, next));
        });
    }

    /**
     * RFC 8446 §7.2: application_traffic_secret_N+1 of one direction, reported to the observer under its key log
     * name ({@code CLIENT_TRAFFIC_SECRET_N} / {@code SERVER_TRAFFIC_SECRET_N}), as the handshake's secrets are.
     */
    private byte[] nextTrafficSecret(boolean client) {
        byte[] next = secrets.update(client);
        String label = Tls13Derivation.applicationTrafficSecretLabel(client, secrets.generation(client));
        connection.config.observer().tls13SecretDerived(secrets.clientRandom.clone(), label, next.clone());
        return next;
    }

    /**
     * Application data, record by record (the caller holds the write lock): RFC 8446 §5.5, before a key
     * protects more records than {@code TlsConfig.keyUpdateRecordLimit} we send KeyUpdate and change it.
     */
    void writeApplicationData(byte[] buffer, int offset, int length) throws IOException {
        int end = offset + length;
        int at = offset;
        do {
            if (connection.records.writeState().sequenceNumber() >= connection.config.keyUpdateRecordLimit()) {
                sendKeyUpdate(false);
            }
            int fragment = Math.min(connection.records.sendFragmentLimit(), end - at);
            connection.records.write(ContentType.APPLICATION_DATA, buffer, at, fragment);
            at += fragment;
        } while (at < end);
    }
}
