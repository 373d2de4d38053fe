package org.layeredtls.handshake.conversation;

/**
 * A conversation that did not go as scripted: which step, what it expected, what came, and the record
 * trace. An {@link AssertionError}, so that a JUnit test using a conversation fails (rather than errs) on it.
 */
public final class ConversationFailure extends AssertionError {

    private final transient WireEvent got;

    ConversationFailure(String conversation, int stepNumber, Step step, WireEvent got, RecordTrace trace) {
        super("conversation \"" + conversation + "\", step " + stepNumber + ":\n  expected: " + step.describe()
                + "\n  got:      " + (got == null ? "nothing" : got.describe()) + "\n  record trace:\n" + trace);
        this.got = got;
    }

    /** What came instead of what the step expected. */
    public WireEvent got() {
        return got;
    }
}
