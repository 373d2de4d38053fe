package org.layeredtls.handshake.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** What a command or a server prints, with a bounded wait for a piece of text to appear. */
public final class CapturedOutput extends OutputStream {

    /** How long {@link #await} waits. */
    public static final long BOUND_MILLIS = 20_000;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    /** A print stream into this output, for a command's {@code io(...)}. */
    public final PrintStream stream = new PrintStream(this, true, StandardCharsets.UTF_8);

    @Override
    public synchronized void write(int b) {
        bytes.write(b);
        notifyAll();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
        notifyAll();
    }

    public synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Waits until {@code text} has been printed. */
    public synchronized void await(String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + BOUND_MILLIS;
        while (!text().contains(text)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                fail("never printed " + text + ":\n" + text());
            }
            wait(left);
        }
    }

    /** Waits until {@code pattern} has matched {@code times} times. */
    public synchronized void await(Pattern pattern, int times) throws InterruptedException {
        long deadline = System.currentTimeMillis() + BOUND_MILLIS;
        while (pattern.matcher(text()).results().count() < times) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                fail("never printed " + pattern + " " + times + " times:\n" + text());
            }
            wait(left);
        }
    }
}
