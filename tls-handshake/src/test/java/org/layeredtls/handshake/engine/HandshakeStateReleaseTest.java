package org.layeredtls.handshake.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.cert.KeyAlgorithm;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.message.HandshakeMessage;

/**
 * Issue 13 item 5: what a handshake learnt (its context: the hellos and their extensions, the
 * transcript, the key exchange) is released when the handshake ends; an idle connection keeps only
 * what a renegotiation needs. Watched through the messages: the context held every one of them.
 */
class HandshakeStateReleaseTest {

    private static final int GC_ATTEMPTS = 50;
    private static final IssuedCertificate CLIENT = Pki.CA.issueClient("engine-client", KeyAlgorithm.EC_P256,
            Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)));

    /** Weak references to every handshake message, sent or received. */
    private static final class Messages implements TlsObserver {
        final List<WeakReference<HandshakeMessage>> seen = new ArrayList<>();

        @Override
        public void handshakeMessageSent(HandshakeMessage message, byte[] bytes) {
            seen.add(new WeakReference<>(message));
        }

        @Override
        public void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
            seen.add(new WeakReference<>(message));
        }

        List<String> alive() {
            List<String> alive = new ArrayList<>();
            for (WeakReference<HandshakeMessage> reference : seen) {
                HandshakeMessage message = reference.get();
                if (message != null) {
                    alive.add(message.type().toString());
                }
            }
            return alive;
        }
    }

    private static List<String> aliveAfterGc(Messages messages) {
        List<String> alive = messages.alive();
        for (int i = 0; i < GC_ATTEMPTS && !alive.isEmpty(); i++) {
            System.gc();
            alive = messages.alive();
        }
        return alive;
    }

    @Test
    void noHandshakeMessageStaysReachableOnceTheHandshakesAreOver() throws IOException {
        Messages client = new Messages();
        Messages server = new Messages();
        EnginePair pair = TlsEngine.pair(
                Tls12Pki.client().observer(client).allowRenegotiation(true)
                        .certificate(List.of(CLIENT.certificate()), CLIENT.keyPair().privateKey()).build(),
                Tls12Pki.server().observer(server).clientAuth(ClientAuth.NEED).clientRenegotiation(true).build());
        pair.handshake();
        pair.server().renegotiate();
        pair.shuttle();
        assertEquals(2, pair.client().handshakesCompleted());
        assertTrue(client.seen.size() > 10 && server.seen.size() > 10);

        assertEquals(List.of(), aliveAfterGc(client), "messages the client still holds");
        assertEquals(List.of(), aliveAfterGc(server), "messages the server still holds");

        // and the connection goes on: what a renegotiation needs was kept
        pair.client().writeApplicationData(new byte[] {1});
        pair.shuttle();
        assertEquals(1, pair.server().availableApplicationData());
        pair.client().renegotiate();
        pair.shuttle();
        assertEquals(3, pair.server().handshakesCompleted());
    }
}
