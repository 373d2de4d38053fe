package org.layeredtls.handshake.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.research.MessageSubstitution;
import org.layeredtls.handshake.research.ReplaySocket;

/**
 * RFC 8448 §5 (HelloRetryRequest) replayed whole through our state machines, each role in turn, as
 * {@link Rfc8448Section3ReplayTest} does §3: the transcript's message_hash of the first ClientHello (RFC 8446 §4.4.1),
 * the cookie echoed, the P-256 key exchange, and every protected record byte for byte.
 */
class Rfc8448HelloRetryReplayTest {

    private static final int NO_CHUNKING = Integer.MAX_VALUE;

    @Test
    void rfc8448Section5OurClientAnswersTheRfcsHelloRetryRequestAndWritesItsFinishedAndCloseNotifyByteForByte() throws Exception {
        byte[] firstHello = Rfc8448Trace.fragment(Rfc8448HelloRetryTrace.CLIENT_HELLO_1_RECORD);
        MessageSubstitution hook = new MessageSubstitution()
                .replace(HandshakeType.CLIENT_HELLO, firstHello, Rfc8448HelloRetryTrace.CLIENT_HELLO_2);
        // our client draws its random and x25519 key for the first ClientHello, its P-256 key for the second
        TlsConfig config = Rfc8448Sides.rfcClient()
                .random(new Rfc8448Randomness(null, Rfc8448Trace.random(firstHello), Rfc8448HelloRetryTrace.CLIENT_X25519_PRIVATE,
                        Rfc8448HelloRetryTrace.CLIENT_P256_PRIVATE))
                .handshakeInterceptor(hook).build();
        byte[] server = Rfc8448Trace.stream(Rfc8448Trace.clearRecord(Rfc8448HelloRetryTrace.HELLO_RETRY_REQUEST, false),
                Rfc8448Trace.clearRecord(Rfc8448HelloRetryTrace.SERVER_HELLO, false), Rfc8448HelloRetryTrace.SERVER_FLIGHT_RECORD,
                Rfc8448HelloRetryTrace.SERVER_CLOSE_NOTIFY_RECORD);
        byte[] client = Rfc8448Trace.stream(Rfc8448HelloRetryTrace.CLIENT_HELLO_1_RECORD,
                Rfc8448Trace.clearRecord(Rfc8448HelloRetryTrace.CLIENT_HELLO_2, false), Rfc8448HelloRetryTrace.CLIENT_FINISHED_RECORD,
                Rfc8448HelloRetryTrace.CLIENT_CLOSE_NOTIFY_RECORD);
        ReplaySocket socket = new ReplaySocket(server, client, () -> NO_CHUNKING);

        try (TlsSocket tls = TlsSocket.client(socket, config)) {
            tls.startHandshake();
            assertEquals(-1, tls.getInputStream().read(), "the server's close_notify");
        }
        assertArrayEquals(client, socket.written());
        assertEquals(2, hook.replaced().size(), "both ClientHellos are the RFC's; the rest is our client's own");
    }

    @Test
    void rfc8448Section5OurServerAsksForP256AndWritesTheRfcsHandshakeAndCloseNotifyRecordsByteForByte() throws Exception {
        MessageSubstitution hook = new MessageSubstitution()
                .replace(HandshakeType.SERVER_HELLO, Rfc8448HelloRetryTrace.HELLO_RETRY_REQUEST, Rfc8448HelloRetryTrace.SERVER_HELLO)
                .replace(HandshakeType.ENCRYPTED_EXTENSIONS, Rfc8448HelloRetryTrace.ENCRYPTED_EXTENSIONS)
                .replace(HandshakeType.CERTIFICATE_VERIFY, Rfc8448HelloRetryTrace.CERTIFICATE_VERIFY)
                .shareRecordWithNext(HandshakeType.ENCRYPTED_EXTENSIONS, HandshakeType.CERTIFICATE, HandshakeType.CERTIFICATE_VERIFY);
        // only P-256 here: the client's x25519 share does not do, so our server asks for a P-256 one
        TlsConfig config = Rfc8448Sides.rfcServer().namedGroups(NamedGroup.SECP256R1)
                .random(new Rfc8448Randomness(DeterministicRandomSource.fromLabel("rfc 8448 §5 server, after its hello"),
                        Rfc8448HelloRetryTrace.SERVER_P256_PRIVATE, Rfc8448Trace.random(Rfc8448HelloRetryTrace.SERVER_HELLO)))
                .handshakeInterceptor(hook).build();
        byte[] client = Rfc8448Trace.stream(Rfc8448HelloRetryTrace.CLIENT_HELLO_1_RECORD,
                Rfc8448Trace.clearRecord(Rfc8448HelloRetryTrace.CLIENT_HELLO_2, false), Rfc8448HelloRetryTrace.CLIENT_FINISHED_RECORD,
                Rfc8448HelloRetryTrace.CLIENT_CLOSE_NOTIFY_RECORD);
        byte[] server = Rfc8448Trace.stream(Rfc8448Trace.clearRecord(Rfc8448HelloRetryTrace.HELLO_RETRY_REQUEST, false),
                Rfc8448Trace.clearRecord(Rfc8448HelloRetryTrace.SERVER_HELLO, false), Rfc8448HelloRetryTrace.SERVER_FLIGHT_RECORD,
                Rfc8448HelloRetryTrace.SERVER_CLOSE_NOTIFY_RECORD);
        ReplaySocket socket = new ReplaySocket(client, server, () -> NO_CHUNKING);

        try (TlsSocket tls = TlsSocket.server(socket, config)) {
            tls.startHandshake(); // checks the RFC's client Finished over message_hash, HRR, ClientHello2 ..
            assertEquals(-1, tls.getInputStream().read(), "the client's close_notify");
        }
        assertArrayEquals(server, socket.written());
        assertEquals(List.of(HandshakeType.SERVER_HELLO, HandshakeType.SERVER_HELLO, HandshakeType.ENCRYPTED_EXTENSIONS,
                HandshakeType.CERTIFICATE_VERIFY), hook.replaced().stream().map(m -> m.type()).toList(),
                "our HelloRetryRequest (no cookie), ServerHello (extension order), EncryptedExtensions and signature");
    }
}
