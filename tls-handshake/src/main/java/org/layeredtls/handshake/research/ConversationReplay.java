package org.layeredtls.handshake.research;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;

import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.vectors.Conversation;
import org.layeredtls.vectors.ConversationConnection;
import org.layeredtls.vectors.Flow;

/**
 * Replays our side of a recorded conversation with no network: the same configuration, random
 * label and clock as the recording; the peer's recorded bytes as input (optionally transformed);
 * our output compared byte by byte with the recording as it is written.
 *
 * <p>{@code Conversation}s come from module test-vectors ({@code org.layeredtls.vectors.Conversations.load()});
 * only those with a LayeredTLS side ({@code ours() != NONE}) replay. A replay that leaves the recording throws
 * {@link ReplaySocket.ReplayDivergence}; one our side refuses throws its {@code TlsAlertException}: both are
 * {@link IOException}s.
 */
public final class ConversationReplay {

    /**
     * What one connection of a replay produced: the bytes our side wrote, the application data it read, its
     * session, its handshake messages both ways as {@code "sent TYPE hex"} / {@code "received TYPE hex"}, and the
     * secrets its key schedule derived as NSS key log lines ({@code CLIENT_RANDOM ...} up to TLS 1.2, one line
     * per TLS 1.3 secret), in the order they were derived.
     */
    public record Result(byte[] written, byte[] received, SessionInfo session, List<String> transcript,
                         List<String> keyLog) {
    }

    private ConversationReplay() {
    }

    /** Replays every connection as recorded. */
    public static List<Result> replay(Conversation c) throws IOException {
        return replay(c, () -> Integer.MAX_VALUE, (connection, peer) -> peer);
    }

    /** How an experiment changes the peer's bytes of a connection before they are played (return them as they are to change nothing). */
    public interface PeerTransform {
        byte[] apply(ConversationConnection connection, byte[] peerBytes);
    }

    /**
     * Replays every connection; the peer's bytes are delivered in reads of at most {@code chunks}
     * bytes, after {@code transform}.
     */
    public static List<Result> replay(Conversation c, IntSupplier chunks, PeerTransform transform) throws IOException {
        if (c.ours() == Conversation.Role.NONE) {
            throw new IllegalArgumentException(c.name() + " has no LayeredTLS side to replay");
        }
        boolean client = c.ours() == Conversation.Role.CLIENT;
        Transcript transcript = new Transcript();
        TlsConfig config = ConversationConfigs.ourConfig(c, transcript);
        List<Result> results = new ArrayList<>();
        for (ConversationConnection connection : c.connections()) {
            transcript.messages.clear();
            transcript.keyLog.clear();
            byte[] ours = client ? connection.clientToServer() : connection.serverToClient();
            byte[] peer = transform.apply(connection, client ? connection.serverToClient() : connection.clientToServer());
            ReplaySocket socket = new ReplaySocket(peer, ours, chunks);
            TlsSocket tls = client ? TlsSocket.client(socket, config) : TlsSocket.server(socket, config);
            tls.startHandshake();
            if (c.keyUpdate().equals("ours")) {
                tls.keyUpdate(true); // RFC 8446 §4.6.3: as recorded, before our application data
            }
            byte[] received;
            if (client) {
                tls.getOutputStream().write(connection.clientData());
                received = tls.getInputStream().readNBytes(connection.serverData().length);
            } else {
                received = tls.getInputStream().readNBytes(connection.clientData().length);
                tls.getOutputStream().write(connection.serverData());
            }
            SessionInfo session = tls.session();
            tls.close();
            results.add(new Result(socket.written(), received, session, List.copyOf(transcript.messages),
                    List.copyOf(transcript.keyLog)));
        }
        return results;
    }

    /** The direction our side wrote in. */
    public static Flow.Direction ourDirection(Conversation c) {
        return c.ours() == Conversation.Role.CLIENT ? Flow.Direction.CLIENT_TO_SERVER : Flow.Direction.SERVER_TO_CLIENT;
    }

    /** The transform that changes nothing. */
    public static UnaryOperator<byte[]> identity() {
        return b -> b;
    }

    /** The handshake messages both ways, as "sent TYPE hex" / "received TYPE hex", and the key log lines. */
    private static final class Transcript implements TlsObserver {
        final List<String> messages = new ArrayList<>();
        final List<String> keyLog = new ArrayList<>();

        @Override
        public void masterSecretDerived(byte[] clientRandom, byte[] masterSecret) {
            keyLog.add(keyLogLine("CLIENT_RANDOM", clientRandom, masterSecret));
        }

        @Override
        public void tls13SecretDerived(byte[] clientRandom, String label, byte[] secret) {
            keyLog.add(keyLogLine(label, clientRandom, secret));
        }

        private static String keyLogLine(String label, byte[] clientRandom, byte[] secret) {
            return label + " " + java.util.HexFormat.of().formatHex(clientRandom) + " " + java.util.HexFormat.of().formatHex(secret);
        }

        @Override
        public void handshakeMessageSent(HandshakeMessage message, byte[] bytes) {
            messages.add("sent " + message.type() + " " + java.util.HexFormat.of().formatHex(bytes));
        }

        @Override
        public void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
            messages.add("received " + message.type() + " " + java.util.HexFormat.of().formatHex(bytes));
        }
    }
}
