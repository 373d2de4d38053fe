package org.layeredtls.jsse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;

/**
 * Two {@link SSLEngine}s driven by hand on the test's thread, as an application drives one: wrap into a network
 * buffer, carry the bytes to the other side a few at a time, unwrap into an application buffer. Buffers start
 * as small as the test says and double on BUFFER_OVERFLOW (the JSSE contract); BUFFER_UNDERFLOW waits for more
 * bytes. Every status each engine answered is counted.
 */
final class EngineLoop {

    /** One engine and its buffers. */
    static final class Side {
        final SSLEngine engine;
        ByteBuffer applicationOut;          // what this side still has to send (read mode)
        ByteBuffer networkOut;              // wrap's destination
        ByteBuffer networkIn;               // unwrap's source (write mode between calls)
        ByteBuffer applicationIn;           // unwrap's destination
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final ByteArrayOutputStream inTransit = new ByteArrayOutputStream(); // wrapped, not yet delivered to the peer
        final List<Status> statuses = new ArrayList<>();
        final List<HandshakeStatus> handshakeStatuses = new ArrayList<>();
        private final boolean direct;

        Side(SSLEngine engine, byte[] toSend, int networkSize, int applicationSize) {
            this(engine, toSend, networkSize, applicationSize, false);
        }

        /** {@code direct}: every buffer of this side is a direct buffer (no backing array), as an NIO program may use. */
        Side(SSLEngine engine, byte[] toSend, int networkSize, int applicationSize, boolean direct) {
            this.engine = engine;
            this.direct = direct;
            this.applicationOut = allocate(toSend.length).put(toSend).flip();
            this.networkOut = allocate(networkSize);
            this.networkIn = allocate(networkSize);
            this.applicationIn = allocate(applicationSize);
        }

        ByteBuffer allocate(int capacity) {
            return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
        }

        long count(Status status) {
            return statuses.stream().filter(status::equals).count();
        }

        long count(HandshakeStatus status) {
            return handshakeStatuses.stream().filter(status::equals).count();
        }

        private void record(SSLEngineResult result) {
            statuses.add(result.getStatus());
            handshakeStatuses.add(result.getHandshakeStatus());
        }
    }

    private final Side a;
    private final Side b;
    private final int chunk;

    /** {@code chunk}: how many bytes at most travel from one side to the other per round. */
    EngineLoop(Side a, Side b, int chunk) {
        this.a = a;
        this.b = b;
        this.chunk = chunk;
    }

    /** Runs rounds until nothing moves (at most {@code maxRounds}); returns how many rounds moved something. */
    int run(int maxRounds) throws SSLException {
        for (int round = 0; round < maxRounds; round++) {
            boolean progress = wrap(a) | wrap(b) | deliver(a, b) | deliver(b, a) | unwrap(a) | unwrap(b);
            if (!progress) {
                return round;
            }
        }
        throw new AssertionError("the engines were still busy after " + maxRounds + " rounds");
    }

    private static boolean wrap(Side side) throws SSLException {
        if (side.engine.isOutboundDone()) {
            return false;
        }
        SSLEngineResult result = side.engine.wrap(side.applicationOut, side.networkOut);
        side.record(result);
        runTasks(side.engine, result);
        if (result.getStatus() == Status.BUFFER_OVERFLOW) {
            side.networkOut = side.allocate(side.networkOut.capacity() * 2);
            return true;
        }
        side.networkOut.flip();
        byte[] wrapped = new byte[side.networkOut.remaining()];
        side.networkOut.get(wrapped);
        side.networkOut.clear();
        side.inTransit.writeBytes(wrapped);
        return result.bytesConsumed() > 0 || result.bytesProduced() > 0;
    }

    // up to chunk bytes of what from has wrapped go into to's network input
    private boolean deliver(Side from, Side to) {
        byte[] waiting = from.inTransit.toByteArray();
        int n = Math.min(Math.min(chunk, waiting.length), to.networkIn.remaining());
        if (n == 0) {
            return false;
        }
        to.networkIn.put(waiting, 0, n);
        from.inTransit.reset();
        from.inTransit.write(waiting, n, waiting.length - n);
        return true;
    }

    private static boolean unwrap(Side side) throws SSLException {
        if (side.engine.isInboundDone()) {
            return false;
        }
        side.networkIn.flip();
        SSLEngineResult result;
        try {
            result = side.engine.unwrap(side.networkIn, side.applicationIn);
        } finally {
            side.networkIn.compact();
        }
        side.record(result);
        runTasks(side.engine, result);
        switch (result.getStatus()) {
            case BUFFER_OVERFLOW -> {
                side.applicationIn = side.allocate(side.applicationIn.capacity() * 2);
                return true;
            }
            case BUFFER_UNDERFLOW -> {
                if (!side.networkIn.hasRemaining()) { // a record larger than the buffer: make room
                    ByteBuffer larger = side.allocate(side.networkIn.capacity() * 2);
                    side.networkIn.flip();
                    larger.put(side.networkIn);
                    side.networkIn = larger;
                    return true;
                }
                return false;
            }
            default -> {
                side.applicationIn.flip();
                byte[] data = new byte[side.applicationIn.remaining()];
                side.applicationIn.get(data);
                side.applicationIn.clear();
                side.received.writeBytes(data);
                return result.bytesConsumed() > 0 || result.bytesProduced() > 0;
            }
        }
    }

    private static void runTasks(SSLEngine engine, SSLEngineResult result) {
        if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
            Runnable task;
            while ((task = engine.getDelegatedTask()) != null) {
                task.run();
            }
        }
    }
}
