package org.layeredtls.handshake.api;

import org.layeredtls.alert.AlertObserver;
import org.layeredtls.ccs.ChangeCipherSpecObserver;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.prf.Tls13Derivation;
import org.layeredtls.record.RecordObserver;

/**
 * Watches a whole connection: every layer reports here. The record, alert and ChangeCipherSpec
 * events come from those layers' own observer interfaces; this one adds the Handshake protocol.
 * Every method does nothing by default.
 */
public interface TlsObserver extends RecordObserver, AlertObserver, ChangeCipherSpecObserver {

    TlsObserver NONE = new TlsObserver() { };

    /**
     * A handshake message we sent, decoded, with its exact bytes (header included). With research
     * hooks, what went to the wire (and into our transcript), whether the hook sent a message or raw bytes.
     */
    default void handshakeMessageSent(HandshakeMessage message, byte[] bytes) {
    }

    /**
     * A handshake message the peer sent, decoded, with its exact bytes (header included). An
     * SSLv2-compatible ClientHello (RFC 5246 Appendix E.2) comes as the ClientHello it stands for, with
     * the bytes of the SSL 2.0 message (msg_type to challenge): what the transcript hashes. With an
     * {@code IncomingHandshakeInterceptor}, what it delivered: what the state machine processed and hashed.
     */
    default void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
    }

    /**
     * Handshake-protocol bytes we sent that are no message we can decode: what a research hook sent
     * through {@code OutgoingFlight.send(byte[])} that has an unknown type, a body that does not
     * parse, or that was cut short (reported at the next ChangeCipherSpec, alert or close). Every
     * message a hook sends that does decode comes to {@link #handshakeMessageSent}, whichever way it was sent.
     */
    default void undecodableHandshakeSent(byte[] bytes, String why) {
    }

    /**
     * Handshake-protocol bytes received that the state machine could not take as a message (an
     * unexpected type, a body that does not parse): reported just before its alert is sent.
     */
    default void undecodableHandshakeReceived(byte[] bytes, String why) {
    }

    /** The state machine moved from one state to the next. */
    default void handshakeStateChanged(boolean client, String from, String to) {
    }

    /**
     * The master secret this connection's keys are derived from (a new session's, or the resumed
     * session's), with the connection's client random: what an NSS key log line holds. Reported
     * once per handshake. Only observers that want key material override this.
     */
    default void masterSecretDerived(byte[] clientRandom, byte[] masterSecret) {
    }

    // pre-master secret (issue 11)

    /**
     * The pre-master secret of a full handshake (RFC 5246 §8.1: the 48 bytes an RSA client chose, or the
     * (EC)DH shared secret), with the connection's client random: reported just before the master
     * secret is derived from it and it is wiped. A resumed handshake computes none. For observers that
     * show the key derivation (the illustrated page); a key log needs only the master secret.
     */
    default void preMasterSecretComputed(byte[] clientRandom, byte[] preMasterSecret) {
    }

    /**
     * A TLS 1.3 secret (RFC 8446 §7.1), with the connection's client random and the name an NSS key
     * log gives it: {@code CLIENT_HANDSHAKE_TRAFFIC_SECRET}, {@code SERVER_HANDSHAKE_TRAFFIC_SECRET},
     * {@code CLIENT_TRAFFIC_SECRET_0}, {@code SERVER_TRAFFIC_SECRET_0}, {@code EXPORTER_SECRET} (and
     * {@code CLIENT_TRAFFIC_SECRET_N} / {@code SERVER_TRAFFIC_SECRET_N} after a KeyUpdate). TLS 1.3 has no
     * master secret line: Wireshark needs these instead. Only observers that want key material override this.
     */
    default void tls13SecretDerived(byte[] clientRandom, String label, byte[] secret) {
    }

    // post-handshake client authentication

    /**
     * A TLS 1.3 server's post-handshake CertificateRequest was answered and the answer checked (RFC 8446 §4.6.2):
     * the client's chain, leaf first (now the session's peer certificates), or empty when the client declined
     * (the session keeps what it had). The messages themselves come to {@link #handshakeMessageSent} and
     * {@link #handshakeMessageReceived} as the handshake's do.
     */
    default void clientAuthenticatedAfterHandshake(java.util.List<org.layeredtls.handshake.cert.Certificate> clientCertificates) {
    }

    // TLS 1.3 key schedule, step by step (the illustrated page)

    /**
     * One value the TLS 1.3 key schedule derived (RFC 8446 §7.1), in order, with its RFC name and
     * formula: the Early, Handshake and Master Secrets, the "derived" salts between them, the traffic,
     * exporter, binder and resumption secrets. What {@code Tls13KeySchedule.setListener} hears, for
     * observers that draw the whole schedule; a key log needs only {@link #tls13SecretDerived}.
     */
    default void tls13KeyScheduleDerived(Tls13Derivation derivation) {
    }
}
