package org.layeredtls.handshake.trace;

import java.util.List;

import org.layeredtls.alert.Alert;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.prf.Tls13Derivation;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.TLSCiphertext;
import org.layeredtls.record.TLSCompressed;
import org.layeredtls.record.TLSPlaintext;

/** Combines observers: each event goes to each of them, in order. */
public final class TlsObservers implements TlsObserver {

    private final List<TlsObserver> observers;

    private TlsObservers(List<TlsObserver> observers) {
        this.observers = List.copyOf(observers);
    }

    /** One observer telling all of {@code observers}; {@link TlsObserver#NONE} for none. */
    public static TlsObserver of(TlsObserver... observers) {
        List<TlsObserver> list = java.util.Arrays.stream(observers)
                .filter(o -> o != null && o != TlsObserver.NONE).toList();
        return list.isEmpty() ? TlsObserver.NONE : list.size() == 1 ? list.get(0) : new TlsObservers(list);
    }

    @Override
    public void recordWritten(long sequenceNumber, TLSPlaintext plaintext, TLSCompressed compressed, TLSCiphertext ciphertext) {
        observers.forEach(o -> o.recordWritten(sequenceNumber, plaintext, compressed, ciphertext));
    }

    @Override
    public void recordRead(long sequenceNumber, TLSCiphertext ciphertext, TLSCompressed compressed, TLSPlaintext plaintext) {
        observers.forEach(o -> o.recordRead(sequenceNumber, ciphertext, compressed, plaintext));
    }

    @Override
    public void sslv2RecordRead(byte[] header, byte[] message) {
        observers.forEach(o -> o.sslv2RecordRead(header, message));
    }

    @Override
    public void writeStateChanged(ConnectionState newState) {
        observers.forEach(o -> o.writeStateChanged(newState));
    }

    @Override
    public void readStateChanged(ConnectionState newState) {
        observers.forEach(o -> o.readStateChanged(newState));
    }

    @Override
    public void alertSent(Alert alert) {
        observers.forEach(o -> o.alertSent(alert));
    }

    @Override
    public void alertReceived(Alert alert) {
        observers.forEach(o -> o.alertReceived(alert));
    }

    @Override
    public void changeCipherSpecSent() {
        observers.forEach(TlsObserver::changeCipherSpecSent);
    }

    @Override
    public void changeCipherSpecReceived() {
        observers.forEach(TlsObserver::changeCipherSpecReceived);
    }

    @Override
    public void handshakeMessageSent(HandshakeMessage message, byte[] bytes) {
        observers.forEach(o -> o.handshakeMessageSent(message, bytes));
    }

    @Override
    public void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
        observers.forEach(o -> o.handshakeMessageReceived(message, bytes));
    }

    @Override
    public void handshakeStateChanged(boolean client, String from, String to) {
        observers.forEach(o -> o.handshakeStateChanged(client, from, to));
    }

    @Override
    public void masterSecretDerived(byte[] clientRandom, byte[] masterSecret) {
        observers.forEach(o -> o.masterSecretDerived(clientRandom, masterSecret));
    }

    @Override
    public void preMasterSecretComputed(byte[] clientRandom, byte[] preMasterSecret) {
        observers.forEach(o -> o.preMasterSecretComputed(clientRandom, preMasterSecret));
    }

    @Override
    public void tls13SecretDerived(byte[] clientRandom, String label, byte[] secret) {
        observers.forEach(o -> o.tls13SecretDerived(clientRandom, label, secret));
    }

    @Override
    public void tls13KeyScheduleDerived(Tls13Derivation derivation) {
        observers.forEach(o -> o.tls13KeyScheduleDerived(derivation));
    }

    @Override
    public void undecodableHandshakeSent(byte[] bytes, String why) {
        observers.forEach(o -> o.undecodableHandshakeSent(bytes, why));
    }

    @Override
    public void undecodableHandshakeReceived(byte[] bytes, String why) {
        observers.forEach(o -> o.undecodableHandshakeReceived(bytes, why));
    }

    // post-handshake client authentication

    @Override
    public void clientAuthenticatedAfterHandshake(java.util.List<org.layeredtls.handshake.cert.Certificate> clientCertificates) {
        observers.forEach(o -> o.clientAuthenticatedAfterHandshake(clientCertificates));
    }
}
