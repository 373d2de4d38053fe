package org.layeredtls.handshake.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.research.MessageSubstitution;

/**
 * RFC 8448 §7 (Compatibility Mode, RFC 8446 §D.4) replayed whole through our state machines, each role in turn:
 * the 32-byte legacy_session_id drawn and echoed, and each side's change_cipher_spec record in its place.
 */
class Rfc8448CompatibilityReplayTest {

    private static final byte[] CLIENT_HELLO = Rfc8448Trace.fragment(Rfc8448CompatibilityTrace.CLIENT_HELLO_RECORD);
    private static final byte[] SERVER_HELLO = Rfc8448Trace.fragment(Rfc8448CompatibilityTrace.SERVER_HELLO_RECORD);
    private static final byte[] CLIENT_RECORDS = Rfc8448Trace.stream(Rfc8448CompatibilityTrace.CLIENT_HELLO_RECORD,
            Rfc8448CompatibilityTrace.CHANGE_CIPHER_SPEC_RECORD, Rfc8448CompatibilityTrace.CLIENT_FINISHED_RECORD,
            Rfc8448CompatibilityTrace.CLIENT_CLOSE_NOTIFY_RECORD);
    private static final byte[] SERVER_RECORDS = Rfc8448Trace.stream(Rfc8448CompatibilityTrace.SERVER_HELLO_RECORD,
            Rfc8448CompatibilityTrace.CHANGE_CIPHER_SPEC_RECORD, Rfc8448CompatibilityTrace.SERVER_FLIGHT_RECORD,
            Rfc8448CompatibilityTrace.SERVER_CLOSE_NOTIFY_RECORD);
    /** RFC 8448 §7: the client's legacy_session_id (after the header, legacy_version, random and its length byte). */
    private static final byte[] SESSION_ID = Arrays.copyOfRange(CLIENT_HELLO, 4 + 2 + 32 + 1, 4 + 2 + 32 + 1 + 32);

    @Test
    void rfc8448Section7OurClientInCompatibilityModeWritesTheRfcsChangeCipherSpecFinishedAndCloseNotifyByteForByte()
            throws Exception {
        MessageSubstitution hook = new MessageSubstitution().replace(HandshakeType.CLIENT_HELLO, CLIENT_HELLO);
        // our client draws its random, then its legacy_session_id, then its x25519 key
        TlsConfig config = Rfc8448Sides.rfcClient().middleboxCompatibility(true)
                .random(new Rfc8448Randomness(null, Rfc8448Trace.random(CLIENT_HELLO), SESSION_ID,
                        Rfc8448CompatibilityTrace.CLIENT_X25519_PRIVATE))
                .handshakeInterceptor(hook).build();

        Rfc8448Sides.replayToClose(config, true, SERVER_RECORDS, CLIENT_RECORDS); // the server's change_cipher_spec skipped
        assertEquals(1, hook.replaced().size(), "only the ClientHello is the RFC's");
    }

    @Test
    void rfc8448Section7OurServerInCompatibilityModeWritesTheRfcsHelloChangeCipherSpecAndFlightByteForByte() throws Exception {
        MessageSubstitution hook = new MessageSubstitution()
                .replace(HandshakeType.SERVER_HELLO, SERVER_HELLO)
                .replace(HandshakeType.ENCRYPTED_EXTENSIONS, Rfc8448Trace.message("simple-encrypted-extensions"))
                .replace(HandshakeType.CERTIFICATE_VERIFY, Rfc8448CompatibilityTrace.CERTIFICATE_VERIFY)
                .shareRecordWithNext(HandshakeType.ENCRYPTED_EXTENSIONS, HandshakeType.CERTIFICATE, HandshakeType.CERTIFICATE_VERIFY);
        TlsConfig config = Rfc8448Sides.rfcServer().middleboxCompatibility(true)
                .random(new Rfc8448Randomness(DeterministicRandomSource.fromLabel("rfc 8448 §7 server, after its hello"),
                        Rfc8448CompatibilityTrace.SERVER_X25519_PRIVATE, Rfc8448Trace.random(SERVER_HELLO)))
                .handshakeInterceptor(hook).build();

        Rfc8448Sides.replayToClose(config, false, CLIENT_RECORDS, SERVER_RECORDS); // the client's change_cipher_spec skipped
        assertEquals(List.of(HandshakeType.SERVER_HELLO, HandshakeType.ENCRYPTED_EXTENSIONS, HandshakeType.CERTIFICATE_VERIFY),
                Rfc8448Sides.replacedTypes(hook));
    }
}
