package org.layeredtls.handshake.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.fail;

/** What a command prints, with a bounded wait for a piece of text to appear. */
final class CapturedOutput extends OutputStream {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream stream = new PrintStream(this, true, StandardCharsets.UTF_8);

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

    synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    synchronized void await(String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!text().contains(text)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                fail("never printed " + text + ":\n" + text());
            }
            wait(left);
        }
    }
}
