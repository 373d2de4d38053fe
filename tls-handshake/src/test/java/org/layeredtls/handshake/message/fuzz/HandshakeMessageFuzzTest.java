package org.layeredtls.handshake.message.fuzz;

import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.message.DecodeContext;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeMessages;
import org.layeredtls.handshake.message.HandshakeReassembler;
import org.layeredtls.handshake.suite.KeyExchangeAlgorithm;
import org.layeredtls.record.ProtocolVersion;

/**
 * Fuzzes every handshake message decoder (RFC 5246 §7.4, RFC 8446 §4) behind the reassembler that feeds them:
 * handshake-layer bytes ({@code msg_type || uint24 length || body}, any number of messages) go
 * into a {@link HandshakeReassembler}, and each complete frame into {@link HandshakeMessages#decode},
 * whose switch picks the decoder from the type byte. The rule: malformed input is a
 * {@link TlsAlertException}; nothing else escapes; a message that decoded encodes again.
 *
 * <p>Input: {@code context || handshake bytes}. {@code context} picks the version and the key
 * exchange the bodies are read under (ServerKeyExchange, CertificateRequest, CertificateVerify,
 * ClientKeyExchange and Finished depend on them).
 */
class HandshakeMessageFuzzTest {

    static final List<ProtocolVersion> VERSIONS = List.of(
            ProtocolVersion.SSL3_0, ProtocolVersion.TLS1_0, ProtocolVersion.TLS1_1, ProtocolVersion.TLS1_2,
            ProtocolVersion.TLS1_3);
    /** TLS 1.3: the suite's hash length (Finished's length), or 0 before the suite is known. */
    static final int[] TLS13_HASH_LENGTHS = {0, 32, 48};
    static final KeyExchangeAlgorithm[] KEY_EXCHANGES = KeyExchangeAlgorithm.values();

    @FuzzTest
    void decodeRaisesOnlyAlerts(byte[] input) {
        if (input.length < 1) {
            return;
        }
        int choice = input[0] & 0xFF;
        ProtocolVersion version = VERSIONS.get(choice % VERSIONS.size());
        DecodeContext context = new DecodeContext(version,
                KEY_EXCHANGES[(choice / VERSIONS.size()) % KEY_EXCHANGES.length],
                version.equals(ProtocolVersion.TLS1_3) ? TLS13_HASH_LENGTHS[(choice / VERSIONS.size()) % TLS13_HASH_LENGTHS.length] : 0);
        HandshakeReassembler reassembler = new HandshakeReassembler();
        try {
            for (HandshakeFrame frame : reassembler.add(Arrays.copyOfRange(input, 1, input.length))) {
                HandshakeMessage message = HandshakeMessages.decode(frame, context);
                message.encodeBody(); // what decoded must encode again (the transcript and the trace do)
            }
        } catch (TlsAlertException expected) {
            // malformed input: the alert the RFC names
        }
    }
}
