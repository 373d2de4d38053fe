package org.layeredtls.handshake.trace;

import java.util.ArrayList;
import java.util.List;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.DecodeContext;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeMessages;
import org.layeredtls.handshake.message.HandshakeReassembler;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.handshake.suite.KeyExchangeAlgorithm;
import org.layeredtls.record.ProtocolVersion;

/**
 * What a printer needs to read handshake messages off the records it sees, like a passive
 * observer on the wire: one reassembler per direction, and the version and key exchange learnt
 * from the hellos (ServerKeyExchange and ClientKeyExchange cannot be decoded without them; TLS 1.3's
 * messages, from supported_versions, with Finished as long as the suite's hash).
 */
final class HandshakeView {

    /**
     * One message as it was found in the records: the frame, and the decoded message or why it would not
     * decode; {@code tls13}: whether it was read as a TLS 1.3 message (after a ServerHello that chose 1.3).
     */
    record Found(HandshakeFrame frame, HandshakeMessage message, String error, boolean tls13) {
    }

    private final HandshakeReassembler sent = new HandshakeReassembler();
    private final HandshakeReassembler received = new HandshakeReassembler();
    private ProtocolVersion version = ProtocolVersion.TLS1_2;
    private KeyExchangeAlgorithm keyExchange = KeyExchangeAlgorithm.NULL;
    /** TLS 1.3: the suite's hash length, which is Finished's (RFC 8446 §4.4.4). */
    private int tls13HashLength;

    /** The messages a handshake record's plaintext completes, in order (none if it holds only part of one). */
    List<Found> add(boolean outgoing, byte[] fragment) {
        List<Found> found = new ArrayList<>();
        List<HandshakeFrame> frames;
        try {
            frames = (outgoing ? sent : received).add(fragment);
        } catch (TlsAlertException e) {
            found.add(new Found(null, null, e.getMessage(), isTls13()));
            return found;
        }
        for (HandshakeFrame frame : frames) {
            try {
                boolean tls13 = isTls13();
                HandshakeMessage message = HandshakeMessages.decode(frame, new DecodeContext(version, keyExchange, tls13HashLength));
                learn(message);
                found.add(new Found(frame, message, null, tls13));
            } catch (TlsAlertException | RuntimeException e) {
                found.add(new Found(frame, null, e.getMessage(), isTls13()));
            }
        }
        return found;
    }

    /** Whether the hellos chose TLS 1.3: the messages from here on are read as its own. */
    boolean isTls13() {
        return version.isAtLeast(ProtocolVersion.TLS1_3);
    }

    /** Whether the direction holds the start of a message not yet complete. */
    boolean partial(boolean outgoing) {
        return (outgoing ? sent : received).hasPartialMessage();
    }

    private void learn(HandshakeMessage message) {
        if (message instanceof ClientHello hello) {
            version = hello.clientVersion();
            keyExchange = KeyExchangeAlgorithm.NULL;
        } else if (message instanceof ServerHello hello) {
            try {
                version = hello.negotiatedVersion(); // RFC 8446 §4.2.1: supported_versions, else server_version
            } catch (TlsAlertException malformedSupportedVersions) {
                version = hello.serverVersion();
            }
            keyExchange = CipherSuite.fromCode(hello.cipherSuite()).map(CipherSuite::keyExchange).orElse(KeyExchangeAlgorithm.NULL);
            tls13HashLength = CipherSuite.fromCode(hello.cipherSuite()).map(s -> s.prfHash().digestLength()).orElse(0);
        }
    }
}
