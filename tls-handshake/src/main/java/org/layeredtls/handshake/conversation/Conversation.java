package org.layeredtls.handshake.conversation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.AlertLevel;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.record.ContentType;

/**
 * A scripted conversation with a TLS peer, in the spirit of tlsfuzzer: a list of {@link Step}s, sent and
 * expected in order, run as a client against any host and port or as a server facing one client. A step
 * that does not meet its expectation ends the run with a {@link ConversationFailure} that prints what was
 * expected, what came, and the record trace.
 *
 * <pre>{@code
 *   Conversation.named("ChangeCipherSpec right after the ClientHello")
 *           .send(Messages.clientHello())
 *           .expectFlightUntil(HandshakeType.SERVER_HELLO_DONE)
 *           .sendChangeCipherSpec()
 *           .expectAlert(AlertDescription.UNEXPECTED_MESSAGE)
 *           .runAsClient("127.0.0.1", port);
 * }</pre>
 *
 * <p>The client side keeps the handshake's crypto state ({@link HandshakeSecrets}): after a correct
 * ClientKeyExchange and ChangeCipherSpec its records are protected, the server's are opened after the
 * server's ChangeCipherSpec, and {@link Messages#finished()} is right. The server side sends and expects
 * messages in the clear (it has no certificate key of its own).
 */
public final class Conversation {

    /** How long an expectation waits for the peer, unless the conversation says otherwise. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    private final String name;
    private final List<Step> steps = new ArrayList<>();
    private Duration wait = DEFAULT_WAIT;

    private Conversation(String name) {
        this.name = name;
    }

    /** A new, empty conversation. */
    public static Conversation named(String name) {
        return new Conversation(name);
    }

    public String name() {
        return name;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** How long each expectation waits for the peer (silence excepted: it waits its own time). */
    public Conversation waiting(Duration wait) {
        this.wait = wait;
        return this;
    }

    public Duration waitBound() {
        return wait;
    }

    /** Adds any step. */
    public Conversation then(Step step) {
        steps.add(step);
        return this;
    }

    /** Adds every step of {@code other}, in order. */
    public Conversation then(Conversation other) {
        steps.addAll(other.steps);
        return this;
    }

    /** Sends messages, each in its own record(s). */
    public Conversation send(OutgoingMessage... messages) {
        for (OutgoingMessage message : messages) {
            then(new Step.SendMessages(List.of(message), Step.RecordSizes.MAX));
        }
        return this;
    }

    /** Sends messages one after the other in records of at most {@code recordSize} bytes (1: one byte each). */
    public Conversation sendFragmented(int recordSize, OutgoingMessage... messages) {
        return then(new Step.SendMessages(List.of(messages), recordSize));
    }

    /** Sends messages coalesced: all in one record (a flight in one go). */
    public Conversation sendCoalesced(OutgoingMessage... messages) {
        return then(new Step.SendMessages(List.of(messages), Step.RecordSizes.MAX));
    }

    /** Sends one record of any content type (a code) with this fragment, protected if our keys are on. */
    public Conversation sendRecord(int contentType, byte[] fragment) {
        return then(new Step.SendRecord(contentType, -1, fragment.clone(), UnaryOperator.identity()));
    }

    /** Sends one record and lets {@code tamper} rewrite it (header and protected fragment) on its way out. */
    public Conversation sendRecord(ContentType type, byte[] fragment, UnaryOperator<byte[]> tamper) {
        return then(new Step.SendRecord(type.code(), -1, fragment.clone(), tamper));
    }

    /** Sends one record with this header version. */
    public Conversation sendRecord(int contentType, int version, byte[] fragment) {
        return then(new Step.SendRecord(contentType, version, fragment.clone(), UnaryOperator.identity()));
    }

    /** Sends application data, protected if our keys are on. */
    public Conversation sendApplicationData(byte[] data) {
        return sendRecord(ContentType.APPLICATION_DATA.code(), data);
    }

    /** Writes bytes as they are. */
    public Conversation sendRaw(byte[] bytes) {
        return then(new Step.SendRaw(bytes.clone()));
    }

    /** Does something off the wire between two steps (e.g. asks a server process to renegotiate). */
    public Conversation act(String description, Step.Act.Action action) {
        return then(new Step.Act(description, action));
    }

    /** Holds what the next steps send, until {@link #releaseWrites()} writes it all at once (a coalesced flight). */
    public Conversation holdWrites() {
        return then(new Step.HoldWrites(true));
    }

    /** Writes everything held since {@link #holdWrites()} in one write. */
    public Conversation releaseWrites() {
        return then(new Step.HoldWrites(false));
    }

    /** Shuts down our output (no close_notify): the peer reads end of stream and may still answer. */
    public Conversation shutdownOutput() {
        return then(new Step.CloseTransport(false));
    }

    /** Resets the connection (SO_LINGER 0), as a crashed peer does; expectations after it see the close. */
    public Conversation reset() {
        return then(new Step.CloseTransport(true));
    }

    public Conversation sendChangeCipherSpec() {
        return then(new Step.SendChangeCipherSpec());
    }

    /** Sends an alert of any level and description code. */
    public Conversation sendAlert(int level, int description) {
        return then(new Step.SendAlert(level, description));
    }

    public Conversation sendAlert(AlertLevel level, AlertDescription description) {
        return sendAlert(level.code(), description.code());
    }

    public Conversation expect(HandshakeType type) {
        return then(new Step.ExpectHandshake(type));
    }

    /** Expects the peer's handshake messages up to and including {@code last}. */
    public Conversation expectFlightUntil(HandshakeType last) {
        return then(new Step.ExpectFlightUntil(last));
    }

    public Conversation expectChangeCipherSpec() {
        return then(new Step.ExpectChangeCipherSpec());
    }

    /** Expects an alert with this description, at any level. */
    public Conversation expectAlert(AlertDescription description) {
        return then(new Step.ExpectAlert(description, -1));
    }

    /** Expects an alert with this level and description. */
    public Conversation expectAlert(AlertLevel level, AlertDescription description) {
        return then(new Step.ExpectAlert(description, level.code()));
    }

    public Conversation expectApplicationData() {
        return then(new Step.ExpectApplicationData());
    }

    /** Expects the end of the connection as the very next thing. */
    public Conversation expectClose() {
        return then(new Step.ExpectClose(false));
    }

    /** Expects the end of the connection, after any alerts. */
    public Conversation expectCloseAfterAnyAlerts() {
        return then(new Step.ExpectClose(true));
    }

    /** Expects nothing at all for {@code millis} ms. */
    public Conversation expectSilence(long millis) {
        return then(new Step.ExpectSilence(millis));
    }

    public Conversation expectResumed(boolean resumed) {
        return then(new Step.ExpectResumed(resumed));
    }

    /** Connects to {@code host:port} and runs the conversation as the client. */
    public ConversationResult runAsClient(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) wait.toMillis());
            return runOver(socket);
        }
    }

    /** Runs the conversation over a connected socket (either side; the caller closes it). */
    public ConversationResult runOver(Socket connected) throws IOException {
        return new ConversationRunner(this, connected).run();
    }

    /** Accepts one connection on {@code listener} (waiting at most the wait bound) and runs the conversation as the server. */
    public ConversationResult runAsServer(ServerSocket listener) throws IOException {
        listener.setSoTimeout((int) wait.toMillis());
        try (Socket socket = listener.accept()) {
            socket.setTcpNoDelay(true);
            return runOver(socket);
        }
    }

    @Override
    public String toString() {
        return "Conversation[" + name + ", " + steps.size() + " steps]";
    }
}
