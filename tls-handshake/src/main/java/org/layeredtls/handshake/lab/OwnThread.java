package org.layeredtls.handshake.lab;

import java.util.concurrent.Executor;

/**
 * Runs each task on a new daemon thread of its own: a lab's sides block on sockets and wait for each
 * other, so they must never share a pool (the common pool has one thread on a two-core machine).
 */
final class OwnThread implements Executor {

    static final OwnThread EACH = new OwnThread();

    private OwnThread() {
    }

    @Override
    public void execute(Runnable task) {
        Thread thread = new Thread(task, "lab " + task);
        thread.setDaemon(true);
        thread.start();
    }
}
