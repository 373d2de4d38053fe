package org.layeredtls.handshake.interop;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeType;

/**
 * Counts the handshakes our side of one connection completed (the first and each renegotiation), from the
 * Finished messages its observer reports. RFC 5246 §7.4.9: a handshake is complete once each side has sent
 * its Finished and verified the other's, so the count is the smaller of Finished sent and Finished received.
 * Tests wait on it with a bound, e.g. before writing to a peer's stdin what must follow the renegotiation.
 */
final class CompletedHandshakes implements TlsObserver {

    private int finishedSent;
    private int finishedReceived;

    @Override
    public synchronized void handshakeMessageSent(HandshakeMessage message, byte[] bytes) {
        if (message.type() == HandshakeType.FINISHED) {
            finishedSent++;
            notifyAll();
        }
    }

    @Override
    public synchronized void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
        if (message.type() == HandshakeType.FINISHED) {
            finishedReceived++;
            notifyAll();
        }
    }

    /** The handshakes completed so far. */
    synchronized int count() {
        return Math.min(finishedSent, finishedReceived);
    }

    /** Waits until at least {@code handshakes} handshakes completed; false if {@code timeout} passed first. */
    synchronized boolean await(int handshakes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count() < handshakes) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
