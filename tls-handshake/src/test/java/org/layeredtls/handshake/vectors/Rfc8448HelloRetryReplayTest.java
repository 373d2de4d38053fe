package org.layeredtls.handshake.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.prf.Rfc8448;
import org.layeredtls.handshake.research.MessageSubstitution;

/**
 * RFC 8448 §5 (HelloRetryRequest) replayed whole through our state machines, each role in turn, as
 * {@link Rfc8448Section3ReplayTest} does §3: the transcript's message_hash of the first ClientHello (RFC 8446 §4.4.1),
 * the cookie echoed, the P-256 key exchange, and every record byte for byte.
 */
class Rfc8448HelloRetryReplayTest {

    private static final byte[] CLIENT_RECORDS = Rfc8448Trace.stream(Rfc8448Trace.clearRecord(Rfc8448.S5_CLIENT_HELLO_1, true),
            Rfc8448Trace.clearRecord(Rfc8448.S5_CLIENT_HELLO_2, false), Rfc8448HelloRetryTrace.CLIENT_FINISHED_RECORD,
            Rfc8448HelloRetryTrace.CLIENT_CLOSE_NOTIFY_RECORD);
    private static final byte[] SERVER_RECORDS = Rfc8448Trace.stream(Rfc8448Trace.clearRecord(Rfc8448.S5_HELLO_RETRY_REQUEST, false),
            Rfc8448Trace.clearRecord(Rfc8448.S5_SERVER_HELLO, false), Rfc8448HelloRetryTrace.SERVER_FLIGHT_RECORD,
            Rfc8448HelloRetryTrace.SERVER_CLOSE_NOTIFY_RECORD);

    @Test
    void rfc8448Section5OurClientAnswersTheRfcsHelloRetryRequestAndWritesItsFinishedAndCloseNotifyByteForByte() throws Exception {
        MessageSubstitution hook = new MessageSubstitution()
                .replace(HandshakeType.CLIENT_HELLO, Rfc8448.S5_CLIENT_HELLO_1, Rfc8448.S5_CLIENT_HELLO_2);
        // our client draws its random and x25519 key for the first ClientHello, its P-256 key for the second
        TlsConfig config = Rfc8448Sides.rfcClient()
                .random(new Rfc8448Randomness(null, Rfc8448Trace.random(Rfc8448.S5_CLIENT_HELLO_1),
                        Rfc8448HelloRetryTrace.CLIENT_X25519_PRIVATE, Rfc8448.S5_CLIENT_P256_PRIVATE))
                .handshakeInterceptor(hook).build();

        Rfc8448Sides.replayToClose(config, true, SERVER_RECORDS, CLIENT_RECORDS);
        assertEquals(2, hook.replaced().size(), "both ClientHellos are the RFC's; the rest is our client's own");
        assertEquals(0, hook.unused());
    }

    @Test
    void rfc8448Section5OurServerAsksForP256AndWritesTheRfcsHandshakeAndCloseNotifyRecordsByteForByte() throws Exception {
        MessageSubstitution hook = new MessageSubstitution()
                .replace(HandshakeType.SERVER_HELLO, Rfc8448.S5_HELLO_RETRY_REQUEST, Rfc8448.S5_SERVER_HELLO)
                .replace(HandshakeType.ENCRYPTED_EXTENSIONS, Rfc8448.S5_ENCRYPTED_EXTENSIONS)
                .replace(HandshakeType.CERTIFICATE_VERIFY, Rfc8448.S5_CERTIFICATE_VERIFY)
                .shareRecordWithNext(HandshakeType.ENCRYPTED_EXTENSIONS, HandshakeType.CERTIFICATE, HandshakeType.CERTIFICATE_VERIFY);
        // only P-256 here: the client's x25519 share does not do, so our server asks for a P-256 one
        TlsConfig config = Rfc8448Sides.rfcServer().namedGroups(NamedGroup.SECP256R1)
                .random(new Rfc8448Randomness(DeterministicRandomSource.fromLabel("rfc 8448 §5 server, after its hello"),
                        Rfc8448.S5_SERVER_P256_PRIVATE, Rfc8448Trace.random(Rfc8448.S5_SERVER_HELLO)))
                .handshakeInterceptor(hook).build();

        Rfc8448Sides.replayToClose(config, false, CLIENT_RECORDS, SERVER_RECORDS); // the client's Finished checked on the way
        assertEquals(List.of(HandshakeType.SERVER_HELLO, HandshakeType.SERVER_HELLO, HandshakeType.ENCRYPTED_EXTENSIONS,
                HandshakeType.CERTIFICATE_VERIFY), Rfc8448Sides.replacedTypes(hook),
                "our HelloRetryRequest (no cookie), ServerHello (extension order), EncryptedExtensions and signature");
        assertEquals(0, hook.unused());
    }
}
