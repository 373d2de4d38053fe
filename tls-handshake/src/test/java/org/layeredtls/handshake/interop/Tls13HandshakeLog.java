package org.layeredtls.handshake.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.layeredtls.alert.Alert;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.KeyShare;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.ServerHello;

/**
 * What our side of one TLS 1.3 connection sent and received, as its observer saw it: the handshake messages
 * (kept by a {@link HandshakeMessagesSeen}), and from them the key_share group of the ServerHello (RFC 8446
 * §4.2.8: the group both sides computed the shared secret in) and how many HelloRetryRequests there were; and
 * the alerts each way (close_notify). One log per connection; thread-safe.
 */
final class Tls13HandshakeLog implements TlsObserver {

    private final HandshakeMessagesSeen messages = new HandshakeMessagesSeen();
    private final List<Alert> alertsSent = new ArrayList<>();
    private final List<Alert> alertsReceived = new ArrayList<>();

    @Override
    public void handshakeMessageSent(HandshakeMessage message, byte[] bytes) {
        messages.handshakeMessageSent(message, bytes);
    }

    @Override
    public void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
        messages.handshakeMessageReceived(message, bytes);
    }

    @Override
    public synchronized void alertSent(Alert alert) {
        alertsSent.add(alert);
    }

    @Override
    public synchronized void alertReceived(Alert alert) {
        alertsReceived.add(alert);
    }

    /** The messages of {@code type} we sent, in order. */
    <T extends HandshakeMessage> List<T> sent(Class<T> type) {
        return messages.sent(type);
    }

    /** The messages of {@code type} we received, in order. */
    <T extends HandshakeMessage> List<T> received(Class<T> type) {
        return messages.received(type);
    }

    /** The alerts sent ({@code sent}) or received, in order. */
    synchronized List<Alert> alerts(boolean sent) {
        return List.copyOf(sent ? alertsSent : alertsReceived);
    }

    /** How many HelloRetryRequests passed, either way. */
    long helloRetryRequests() {
        return serverHellos().filter(ServerHello::isHelloRetryRequest).count();
    }

    /** The group of the (real, not HelloRetryRequest) ServerHello's key_share, sent or received. */
    Optional<NamedGroup> negotiatedGroup() throws TlsAlertException {
        for (ServerHello hello : serverHellos().toList()) {
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

    private Stream<ServerHello> serverHellos() {
        return Stream.concat(sent(ServerHello.class).stream(), received(ServerHello.class).stream());
    }

    @Override
    public synchronized String toString() {
        return "sent " + sent(HandshakeMessage.class).stream().map(HandshakeMessage::type).toList()
                + ", received " + received(HandshakeMessage.class).stream().map(HandshakeMessage::type).toList()
                + ", alerts sent " + alertsSent + ", received " + alertsReceived;
    }
}
