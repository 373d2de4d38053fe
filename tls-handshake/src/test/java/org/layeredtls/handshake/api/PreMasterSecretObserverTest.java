package org.layeredtls.handshake.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.prf.KeySchedule;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.record.ProtocolVersion;

/** Observers see the pre-master secret, and it is the one the master secret was derived from (RFC 5246 §8.1). */
class PreMasterSecretObserverTest {

    /** What one side's observer saw of the key derivation. */
    static final class Keys implements TlsObserver {
        volatile byte[] preMasterSecret;
        volatile byte[] clientRandom;
        volatile byte[] masterSecret;
        volatile byte[] serverRandom;

        @Override
        public void preMasterSecretComputed(byte[] clientRandom, byte[] preMasterSecret) {
            this.preMasterSecret = preMasterSecret;
        }

        @Override
        public void masterSecretDerived(byte[] clientRandom, byte[] masterSecret) {
            this.clientRandom = clientRandom;
            this.masterSecret = masterSecret;
        }

        @Override
        public void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
            if (message instanceof ServerHello hello) {
                serverRandom = hello.random();
            }
        }
    }

    @Test
    void bothSidesReportThePreMasterSecretTheMasterSecretCameFrom() throws Exception {
        Keys client = new Keys();
        Keys server = new Keys();
        try (TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, Tls12Pki.server().observer(server).build())) {
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try (TlsSocket s = listener.accept()) {
                    s.startHandshake();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            // without extended master secret, RFC 5246 §8.1's formula needs only the randoms
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.getLocalPort(),
                    Tls12Pki.client().extendedMasterSecret(false).observer(client).build())) {
                socket.startHandshake();
            }
            accepted.get(30, TimeUnit.SECONDS);
        }
        assertNotNull(client.preMasterSecret, "the client's observer saw no pre-master secret");
        assertArrayEquals(client.preMasterSecret, server.preMasterSecret, "the (EC)DH shared secret is the same on both sides");
        byte[] derived = KeySchedule.of(ProtocolVersion.TLS1_2, HashAlgorithm.SHA256)
                .masterSecret(client.preMasterSecret, client.clientRandom, client.serverRandom);
        assertArrayEquals(client.masterSecret, derived);
        assertEquals(48, derived.length);
    }
}
