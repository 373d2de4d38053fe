package org.layeredtls.handshake.conversation;

import java.util.function.Consumer;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.AlertLevel;
import org.layeredtls.handshake.message.HandshakeType;

/**
 * A peer's reaction to a probe, as the steps that assert it and the words the probe table shows.
 *
 * @param label what the table says
 * @param steps the expectations that end the probe's conversation
 */
record Reaction(String label, Consumer<Conversation> steps) {

    static Reaction fatal(AlertDescription description) {
        return new Reaction("fatal " + description.rfcName(), c -> c.expectAlert(AlertLevel.FATAL, description));
    }

    static Reaction warning(AlertDescription description) {
        return new Reaction("warning " + description.rfcName(), c -> c.expectAlert(AlertLevel.WARNING, description));
    }

    /** The server answers with its first flight, up to ServerHelloDone: the probe was accepted. */
    static Reaction serverFlight() {
        return new Reaction("ServerHello ... ServerHelloDone", c -> c.expectFlightUntil(HandshakeType.SERVER_HELLO_DONE));
    }

    /** The server finishes the handshake: ChangeCipherSpec and Finished. */
    static Reaction finishes() {
        return new Reaction("ChangeCipherSpec, Finished", c -> c.expectChangeCipherSpec().expect(HandshakeType.FINISHED));
    }

    static Reaction message(HandshakeType type) {
        return new Reaction(type.rfcName(), c -> c.expect(type));
    }

    static Reaction resumed(boolean resumed) {
        return new Reaction(resumed ? "ServerHello resuming the session" : "ServerHello with a new session",
                c -> c.expect(HandshakeType.SERVER_HELLO).expectResumed(resumed));
    }

    static Reaction applicationData() {
        return new Reaction("application data", Conversation::expectApplicationData);
    }

    static Reaction close() {
        return new Reaction("closes, no alert", Conversation::expectClose);
    }

    static Reaction silence(long millis) {
        return new Reaction("silence (" + millis + " ms)", c -> c.expectSilence(millis));
    }

    /** Adds the steps of {@code then} after this reaction's, under both labels. */
    Reaction then(Reaction then) {
        return new Reaction(label + ", then " + then.label, steps.andThen(then.steps));
    }
}
