package org.layeredtls.handshake.hostile;

/** A server a hostile peer talks to: the {@code layeredtls server} process, or a {@code TlsServerSocket} in this JVM. */
interface ServerUnderTest extends AutoCloseable {

    /** The port it listens on, on 127.0.0.1. */
    int port();

    /** Whether it still runs (a process that exited, or an accept loop that ended, is not). */
    boolean isAlive();

    /**
     * Whether it stops running within {@code bound} (a process that is exiting still looks alive for a moment;
     * a server in this JVM stops at once or not at all).
     */
    default boolean exitsWithin(java.time.Duration bound) throws InterruptedException {
        return !isAlive();
    }

    /** Whether a normal client is served with an echo (else with an HTTP page, as {@code -www}). */
    default boolean echoes() {
        return true;
    }

    /** What it logged so far, for failure messages. */
    String log();

    @Override
    void close();

    /** Closes those of {@code servers} that were started (a null one was not). */
    static void closeAll(ServerUnderTest... servers) {
        for (ServerUnderTest server : servers) {
            if (server != null) {
                server.close();
            }
        }
    }
}
