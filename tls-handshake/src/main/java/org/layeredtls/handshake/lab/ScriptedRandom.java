package org.layeredtls.handshake.lab;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.layeredtls.crypto.RandomSource;
import org.layeredtls.crypto.SecureRandomSource;

/**
 * The man in the middle's randomness in the triple handshake lab: the draws it names, in order, by
 * their length (a 32-byte hello random, a 46-byte premaster secret tail), come from values it learns
 * from the other connection, waited for with a bound; every other draw is a real random one. This is
 * how an attacker that runs its own TLS code chooses "random" values: the stack is not changed.
 */
final class ScriptedRandom implements RandomSource {

    /** One scripted draw: the next draw of {@code length} bytes takes {@code bytes} once it is known. */
    record Draw(String what, int length, CompletableFuture<byte[]> bytes) {
    }

    private final Deque<Draw> script;
    private final RandomSource random = new SecureRandomSource();

    ScriptedRandom(List<Draw> draws) {
        this.script = new ArrayDeque<>(draws);
    }

    @Override
    public synchronized void nextBytes(byte[] out, int offset, int length) {
        Draw next = script.peek();
        if (next == null || next.length() != length) {
            random.nextBytes(out, offset, length);
            return;
        }
        script.poll();
        try {
            System.arraycopy(next.bytes().get(LabServer.READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS), 0, out, offset, length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + next.what(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the other connection never gave " + next.what(), e);
        }
    }
}
