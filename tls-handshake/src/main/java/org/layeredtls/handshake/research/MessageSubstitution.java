package org.layeredtls.handshake.research;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.intercept.OutgoingFlight;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.message.HandshakeType;

/**
 * A {@link HandshakeInterceptor} that sends given bytes in place of some of our own handshake messages and
 * lets several messages share one record: how a known trace (RFC 8448's, a capture) is replayed through our
 * state machines where our messages legitimately differ from the trace's (another extension order, a
 * randomized signature), so that every later byte can be compared with the trace's.
 *
 * <pre>{@code
 * MessageSubstitution hook = new MessageSubstitution()
 *         .replace(HandshakeType.SERVER_HELLO, rfcServerHello)      // the trace's bytes, header included
 *         .replace(HandshakeType.ENCRYPTED_EXTENSIONS, rfcEncryptedExtensions)
 *         .shareRecordWithNext(HandshakeType.ENCRYPTED_EXTENSIONS, HandshakeType.CERTIFICATE,
 *                 HandshakeType.CERTIFICATE_VERIFY);                 // EE..Finished in one record
 * TlsConfig config = TlsConfig.builder()...handshakeInterceptor(hook).build();
 * }</pre>
 *
 * What is sent is what is hashed, into the TLS 1.3 transcript too (RFC 8446 §4.4.1; see
 * {@link OutgoingFlight}): our later Finished, CertificateVerify and traffic keys follow the substituted
 * bytes, as the peer's do. A client checks the server's EncryptedExtensions against the ClientHello it sent
 * (a substituted one, when it decodes). The rest of the engine's state is its own: a substitute must offer or
 * choose what the engine can go on with (the same key share, the same suite).
 *
 * <p>Not thread-safe: one connection's hook (the connection calls it under its write lock).
 */
public final class MessageSubstitution implements HandshakeInterceptor {

    private final Map<HandshakeType, Deque<byte[]>> substitutes = new EnumMap<>(HandshakeType.class);
    private final Set<HandshakeType> sharingRecord = EnumSet.noneOf(HandshakeType.class);
    private final List<OutgoingHandshakeMessage> replaced = new ArrayList<>();

    /**
     * The next messages of {@code type} we send are replaced, one by one and in order, by {@code messages}
     * (each a whole handshake message, 4-byte header included); later ones of that type go out as they are.
     */
    public MessageSubstitution replace(HandshakeType type, byte[]... messages) {
        Deque<byte[]> queue = substitutes.computeIfAbsent(type, t -> new ArrayDeque<>());
        for (byte[] message : messages) {
            queue.add(message.clone());
        }
        return this;
    }

    /**
     * Messages of these types do not end their record: the next message goes into the same one (the engine's
     * flush at the end of a flight still ends it; a message followed by a change of our keys, as a TLS 1.3
     * ServerHello is, must not be one of them). Without this, each message has a record of its own.
     */
    public MessageSubstitution shareRecordWithNext(HandshakeType... types) {
        sharingRecord.addAll(List.of(types));
        return this;
    }

    /** Our own messages that were replaced, in the order they were, as the engine built them. */
    public List<OutgoingHandshakeMessage> replaced() {
        return List.copyOf(replaced);
    }

    /** How many substitutes were not sent (yet). */
    public int unused() {
        return substitutes.values().stream().mapToInt(Deque::size).sum();
    }

    @Override
    public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
        Deque<byte[]> queue = substitutes.get(message.type());
        if (queue == null || queue.isEmpty()) {
            flight.send(message.message());
        } else {
            replaced.add(message);
            flight.send(queue.poll());
        }
        if (!sharingRecord.contains(message.type())) {
            flight.flushRecord();
        }
    }
}
