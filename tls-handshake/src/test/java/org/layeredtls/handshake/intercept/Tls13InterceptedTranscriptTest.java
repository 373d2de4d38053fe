package org.layeredtls.handshake.intercept;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.ServerName;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.record.ProtocolVersion;

/**
 * The transcript rule of {@link OutgoingFlight} ("what is sent is what is hashed") in TLS 1.3: a hook that sends
 * a hello of its own in place of ours leaves both sides with the same transcript, so the handshake completes, our
 * client against our server on 127.0.0.1. Before, the TLS 1.3 transcript took the message as our side built it,
 * and the Finished (or CertificateVerify) of the side with the hook failed at its peer.
 */
class Tls13InterceptedTranscriptTest {

    private static final int BOUND_MILLIS = 10_000;
    private static final byte[] PING = "ping".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aTls13ClientHelloWhoseExtensionsAHookReversedIsHashedAsSentAndTheHandshakeCompletes() throws Exception {
        List<String> sent = new ArrayList<>();
        HandshakeInterceptor reverse = hook(message -> message instanceof ClientHello hello
                ? new ClientHello(hello.clientVersion(), hello.random(), hello.sessionId(), hello.cipherSuites(),
                        hello.compressionMethods(), Optional.of(reversed(hello.extensionsOrEmpty())))
                : message, sent);
        assertEchoes(tls13(Pki.server()), tls13(Pki.client()).handshakeInterceptor(reverse));
        assertEquals(1, sent.size(), "one ClientHello replaced");
    }

    @Test
    void aTls13ServerHelloWhoseExtensionsAHookReversedIsHashedAsSentAndTheHandshakeCompletes() throws Exception {
        List<String> sent = new ArrayList<>();
        HandshakeInterceptor reverse = hook(message -> message instanceof ServerHello hello
                ? new ServerHello(hello.serverVersion(), hello.random(), hello.sessionId(), hello.cipherSuite(),
                        hello.compressionMethod(), Optional.of(reversed(hello.extensionsOrEmpty())))
                : message, sent);
        assertEchoes(tls13(Pki.server()).handshakeInterceptor(reverse), tls13(Pki.client()));
        assertEquals(1, sent.size(), "one ServerHello replaced");
    }

    @Test
    void ourTls13ClientAcceptsAnEncryptedExtensionsAnswerToAnExtensionOnlyItsHooksClientHelloOffered() throws Exception {
        // no server name configured and an IP literal to connect to: our own ClientHello has no server_name
        List<String> sent = new ArrayList<>();
        HandshakeInterceptor addServerName = hook(message -> message instanceof ClientHello hello
                ? new ClientHello(hello.clientVersion(), hello.random(), hello.sessionId(), hello.cipherSuites(),
                        hello.compressionMethods(), Optional.of(withFirst(ServerName.ofHostName("localhost").toExtension(),
                                hello.extensionsOrEmpty())))
                : message, sent);
        // our server acknowledges server_name in EncryptedExtensions (RFC 6066 §3), which our ClientHello never asked for
        assertEchoes(tls13(Pki.server()), tls13(Pki.client()).serverName(null).handshakeInterceptor(addServerName));
        assertEquals(1, sent.size());
    }

    @Test
    void aTls13ClientHelloAHookSplitAcrossTwoRecordsIsHashedOnceWholeAndTheHandshakeCompletes() throws Exception {
        List<Integer> firstParts = new ArrayList<>();
        HandshakeInterceptor split = new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                byte[] bytes = message.bytes();
                if (message.type() == HandshakeType.CLIENT_HELLO) { // the header and 6 bytes, then the rest
                    firstParts.add(10);
                    flight.send(Arrays.copyOf(bytes, 10));
                    flight.flushRecord();
                    flight.send(Arrays.copyOfRange(bytes, 10, bytes.length));
                } else {
                    flight.send(message.message());
                }
                flight.flushRecord();
            }
        };
        assertEchoes(tls13(Pki.server()), tls13(Pki.client()).handshakeInterceptor(split));
        assertEquals(List.of(10), firstParts);
    }

    /** A hook that sends {@code change.apply(message)}, one record each, and notes each message it changed. */
    private static HandshakeInterceptor hook(java.util.function.UnaryOperator<HandshakeMessage> change, List<String> changed) {
        return new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                HandshakeMessage sent = change.apply(message.message());
                if (sent != message.message()) {
                    changed.add(sent.type().rfcName());
                }
                flight.send(sent);
                flight.flushRecord();
            }
        };
    }

    private static Extensions reversed(Extensions extensions) {
        List<Extension> list = new ArrayList<>(extensions.list());
        Collections.reverse(list);
        return new Extensions(list);
    }

    private static Extensions withFirst(Extension first, Extensions extensions) {
        List<Extension> list = new ArrayList<>(List.of(first));
        extensions.list().stream().filter(e -> e.type() != ExtensionType.SERVER_NAME.code()).forEach(list::add);
        return new Extensions(list);
    }

    private static TlsConfig.Builder tls13(TlsConfig.Builder builder) {
        return builder.versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3);
    }

    /** Our client sends PING over a TLS 1.3 handshake with our server, which echoes it. */
    private static void assertEchoes(TlsConfig.Builder server, TlsConfig.Builder client) throws Exception {
        try (TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, server.build())) {
            CompletableFuture<Void> serverSide = CompletableFuture.runAsync(() -> {
                try (TlsSocket socket = listener.accept()) {
                    socket.socket().setSoTimeout(BOUND_MILLIS);
                    socket.getOutputStream().write(socket.getInputStream().readNBytes(PING.length));
                    socket.getOutputStream().flush();
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            });
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), client.build())) {
                socket.socket().setSoTimeout(BOUND_MILLIS);
                socket.getOutputStream().write(PING);
                socket.getOutputStream().flush();
                assertArrayEquals(PING, socket.getInputStream().readNBytes(PING.length));
                assertEquals(ProtocolVersion.TLS1_3, socket.session().version());
            }
            serverSide.get(BOUND_MILLIS, TimeUnit.MILLISECONDS);
        }
    }
}
