package org.layeredtls.handshake.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.intercept.IncomingFlight;
import org.layeredtls.handshake.intercept.IncomingHandshakeInterceptor;
import org.layeredtls.handshake.intercept.IncomingHandshakeMessage;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeReassembler;

/**
 * The receiving side of a connection whose configuration has an {@link IncomingHandshakeInterceptor}:
 * each message reassembled from the peer's records goes to the interceptor, and what it delivers is
 * cut into messages again (by a reassembler of its own, with the same limits) for the state
 * machine. What is delivered is what is processed and hashed (see {@link IncomingFlight}).
 * Used under the connection's read side only.
 */
final class InterceptedInput implements IncomingFlight {

    private final boolean client;
    private final IncomingHandshakeInterceptor interceptor;
    private final ByteArrayOutputStream delivered = new ByteArrayOutputStream();
    private final HandshakeReassembler deliveredMessages;

    InterceptedInput(boolean client, IncomingHandshakeInterceptor interceptor, int maxCertificateList) {
        this.client = client;
        this.interceptor = interceptor;
        this.deliveredMessages = HandshakeReassembler.withMaxCertificateList(maxCertificateList);
    }

    /** One message from the peer: returns the messages the state machine is to process instead, in order. */
    List<HandshakeFrame> message(HandshakeFrame frame) throws IOException {
        interceptor.message(new IncomingHandshakeMessage(frame.type(), frame.bytes()), this);
        return takeDelivered();
    }

    /** The peer's ChangeCipherSpec arrived: whether the state machine gets it; {@link #takeDelivered()} first. */
    boolean changeCipherSpec() throws IOException {
        return interceptor.changeCipherSpec(this);
    }

    /** The whole messages delivered since the last call. */
    List<HandshakeFrame> takeDelivered() throws TlsAlertException {
        byte[] bytes = delivered.toByteArray();
        delivered.reset();
        return bytes.length == 0 ? List.of() : deliveredMessages.add(bytes);
    }

    /** Whether part of a delivered message waits for the rest (RFC 5246 §7.1: then no ChangeCipherSpec may come). */
    boolean hasPartialMessage() {
        return delivered.size() > 0 || deliveredMessages.hasPartialMessage();
    }

    @Override
    public void deliver(byte[] handshakeBytes) {
        delivered.writeBytes(handshakeBytes);
    }

    @Override
    public void deliver(HandshakeMessage message) {
        deliver(HandshakeFrame.of(message).bytes());
    }

    @Override
    public int pendingLength() {
        return delivered.size();
    }

    @Override
    public boolean client() {
        return client;
    }
}
