package org.layeredtls.handshake.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.layeredtls.alert.Alert;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.intercept.OutgoingFlight;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.intercept.RecordInterceptor;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.TLSCiphertext;
import org.layeredtls.record.TLSCompressed;
import org.layeredtls.record.TLSPlaintext;

/**
 * Observers and interceptors see the same events, in the same order, whether the connection runs
 * on an engine pair in memory or on TlsSockets over loopback: the engine changed only the I/O.
 */
class EngineObservationTest {

    private static final long BOUND_SECONDS = 20;

    /** One side's events: each observer call and each interceptor call, by kind and type. */
    private static final class Events implements TlsObserver, HandshakeInterceptor, RecordInterceptor {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void handshakeMessageSent(HandshakeMessage message, byte[] bytes) {
            seen.add("sent " + message.type() + " " + bytes.length);
        }

        @Override
        public void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
            seen.add("received " + message.type() + " " + bytes.length);
        }

        @Override
        public void handshakeStateChanged(boolean client, String from, String to) {
            seen.add("state " + from + " -> " + to);
        }

        @Override
        public void recordWritten(long sequenceNumber, TLSPlaintext plaintext, TLSCompressed compressed, TLSCiphertext ciphertext) {
            seen.add("record written " + plaintext.type() + " #" + sequenceNumber + " " + plaintext.length());
        }

        @Override
        public void recordRead(long sequenceNumber, TLSCiphertext ciphertext, TLSCompressed compressed, TLSPlaintext plaintext) {
            seen.add("record read " + plaintext.type() + " #" + sequenceNumber + " " + plaintext.length());
        }

        @Override
        public void writeStateChanged(ConnectionState newState) {
            seen.add("write state");
        }

        @Override
        public void readStateChanged(ConnectionState newState) {
            seen.add("read state");
        }

        @Override
        public void alertSent(Alert alert) {
            seen.add("alert sent " + alert);
        }

        @Override
        public void alertReceived(Alert alert) {
            seen.add("alert received " + alert);
        }

        @Override
        public void changeCipherSpecSent() {
            seen.add("ccs sent");
        }

        @Override
        public void changeCipherSpecReceived() {
            seen.add("ccs received");
        }

        @Override
        public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
            seen.add("intercepted " + message.message().type());
            HandshakeInterceptor.super.message(message, flight);
        }

        @Override
        public boolean changeCipherSpec(OutgoingFlight flight) {
            seen.add("intercepted ChangeCipherSpec");
            return true;
        }

        @Override
        public byte[] intercept(org.layeredtls.handshake.intercept.OutgoingRecord record) {
            seen.add("intercepted record " + record.type());
            return record.bytes();
        }
    }

    private static TlsConfig client(Events events) {
        return Tls12Pki.client().observer(events).handshakeInterceptor(events).recordInterceptor(events).build();
    }

    private static TlsConfig server(Events events) {
        return Tls12Pki.server().observer(events).handshakeInterceptor(events).recordInterceptor(events).build();
    }

    @Test
    void observersAndInterceptorsSeeTheSameEventsOnAnEnginePairAsOverSockets() throws Exception {
        Events pairClient = new Events();
        Events pairServer = new Events();
        EnginePair pair = TlsEngine.pair(client(pairClient), server(pairServer));
        pair.handshake();
        pair.client().writeApplicationData(new byte[] {'x'});
        pair.shuttle();
        pair.client().closeOutbound();
        pair.shuttle();

        Events socketClient = new Events();
        Events socketServer = new Events();
        try (TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, server(socketServer))) {
            CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> {
                try (TlsSocket accepted = listener.accept()) {
                    int x = accepted.getInputStream().read();
                    int end = accepted.getInputStream().read(); // the client's close_notify, answered
                    return end == -1 ? x : -2;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), client(socketClient))) {
                socket.getOutputStream().write('x');
            }
            assertEquals('x', served.get(BOUND_SECONDS, TimeUnit.SECONDS));
        }

        assertFalse(pairClient.seen.isEmpty());
        assertEquals(socketClient.seen, pairClient.seen, "the client's events");
        assertEquals(socketServer.seen, pairServer.seen, "the server's events");
    }
}
