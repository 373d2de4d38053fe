package org.layeredtls.handshake.interop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.message.HandshakeMessage;

/** An observer that keeps the handshake messages a connection sent and received, for assertions on them. */
public final class HandshakeMessagesSeen implements TlsObserver {

    private final List<HandshakeMessage> sent = new CopyOnWriteArrayList<>();
    private final List<HandshakeMessage> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstReceived;
    private final Class<? extends HandshakeMessage> awaited;

    private HandshakeMessagesSeen(Class<? extends HandshakeMessage> awaited) {
        this.awaited = awaited;
        this.firstReceived = new CountDownLatch(1);
    }

    public HandshakeMessagesSeen() {
        this(HandshakeMessage.class);
    }

    /** One that {@link #awaitReceived} can wait on for the first received message of {@code type}. */
    static HandshakeMessagesSeen awaiting(Class<? extends HandshakeMessage> type) {
        return new HandshakeMessagesSeen(type);
    }

    @Override
    public void handshakeMessageSent(HandshakeMessage message, byte[] bytes) {
        sent.add(message);
    }

    @Override
    public void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
        received.add(message);
        if (awaited.isInstance(message)) {
            firstReceived.countDown();
        }
    }

    /** The messages of {@code type} we sent, in order. */
    public <T extends HandshakeMessage> List<T> sent(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The messages of {@code type} we received, in order. */
    public <T extends HandshakeMessage> List<T> received(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits (bounded by {@link Exchange#WAIT}) for a received message of the awaited type. */
    boolean awaitReceived() throws InterruptedException {
        return firstReceived.await(Exchange.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
