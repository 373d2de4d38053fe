package org.layeredtls.handshake.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.layeredtls.alert.Alert;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.KeyShare;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.ServerHello;

/**
 * What our side of one TLS 1.3 connection sent and received, as its observer saw it: the messages in order,
 * the key_share group of the ServerHello (RFC 8446 §4.2.8: the group both sides computed the shared secret
 * in), how many HelloRetryRequests there were, the alerts each way (close_notify), and a bounded wait for a message type (e.g. the peer's
 * KeyUpdate answering ours). One log per connection; thread-safe.
 */
final class Tls13HandshakeLog implements TlsObserver {

    /** One handshake message and its direction. */
    record Entry(boolean sent, HandshakeMessage message) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Alert> alertsSent = new ArrayList<>();
    private final List<Alert> alertsReceived = new ArrayList<>();

    @Override
    public synchronized void handshakeMessageSent(HandshakeMessage message, byte[] bytes) {
        entries.add(new Entry(true, message));
        notifyAll();
    }

    @Override
    public synchronized void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
        entries.add(new Entry(false, message));
        notifyAll();
    }

    @Override
    public synchronized void alertSent(Alert alert) {
        alertsSent.add(alert);
    }

    @Override
    public synchronized void alertReceived(Alert alert) {
        alertsReceived.add(alert);
    }

    /** The alerts sent ({@code sent}) or received, in order. */
    synchronized List<Alert> alerts(boolean sent) {
        return List.copyOf(sent ? alertsSent : alertsReceived);
    }

    /** The messages of a type, sent ({@code sent}) or received, in order. */
    synchronized List<HandshakeMessage> messages(boolean sent, HandshakeType type) {
        return entries.stream().filter(e -> e.sent() == sent && e.message().type() == type)
                .map(Entry::message).toList();
    }

    /** How many HelloRetryRequests passed, either way. */
    synchronized long helloRetryRequests() {
        return serverHellos().stream().filter(ServerHello::isHelloRetryRequest).count();
    }

    /** The group of the (real, not HelloRetryRequest) ServerHello's key_share, sent or received. */
    synchronized Optional<NamedGroup> negotiatedGroup() throws TlsAlertException {
        for (ServerHello hello : serverHellos()) {
            if (!hello.isHelloRetryRequest() && hello.extensions().isPresent()) {
                Optional<KeyShare.ServerHello> share = hello.extensions().get()
                        .find(ExtensionType.KEY_SHARE, KeyShare::decodeServerHello);
                if (share.isPresent()) {
                    return share.get().serverShare().knownGroup();
                }
            }
        }
        return Optional.empty();
    }

    /** Waits until {@code count} messages of {@code type} went the given way; false if {@code timeout} passed first. */
    synchronized boolean await(boolean sent, HandshakeType type, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (messages(sent, type).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private List<ServerHello> serverHellos() {
        return entries.stream().map(Entry::message).filter(ServerHello.class::isInstance)
                .map(ServerHello.class::cast).toList();
    }

    @Override
    public synchronized String toString() {
        return entries.stream().map(e -> (e.sent() ? "sent " : "received ") + e.message().type()).toList()
                + ", alerts sent " + alertsSent + ", received " + alertsReceived;
    }
}
