package org.layeredtls.cwmp.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.DefaultConnectionReuseStrategy;
import org.apache.hc.core5.http.impl.HttpProcessors;
import org.apache.hc.core5.http.impl.io.DefaultBHttpServerConnection;
import org.apache.hc.core5.http.impl.io.DefaultClassicHttpResponseFactory;
import org.apache.hc.core5.http.impl.io.HttpService;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.io.CloseMode;

/**
 * A blocking HTTP/1.1 server: one thread accepts, one thread per connection serves requests on
 * it with HttpCore's {@link HttpService} until either side closes (persistent connections, no
 * pipelining needed). Whether the sockets are plain TCP or {@link TlsBoundSocket}s is the
 * acceptor's business; a {@link ConnectionSetup} runs first on the connection's own thread (the
 * TLS handshake, for example) and may refuse it.
 *
 * <p>The server outlives its connections: whatever one connection does (connect and close, reset,
 * a record cut short, an alert, a timeout, any exception) ends that connection only and is
 * reported once to the {@link FailureListener}; only {@link #close()} (or the listening socket
 * itself failing) ends the accept loop.
 */
final class HttpServerLoop implements Closeable {

    /** Where connections come from. */
    interface Acceptor extends Closeable {
        Socket accept() throws IOException;

        /** Whether the listening socket is closed: no connection can come any more. */
        boolean isClosed();
    }

    /** Runs on the connection's thread before any request; throws to refuse the connection. */
    interface ConnectionSetup {
        void prepare(Socket socket, HttpContext context) throws IOException;
    }

    /** Told when a connection fails before or while serving. */
    interface FailureListener {
        void connectionFailed(Socket socket, Exception error);
    }

    private final String name;
    private final Acceptor acceptor;
    private final ConnectionSetup setup;
    private final FailureListener failures;
    private final HttpService service;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads;
    private volatile boolean closed;

    HttpServerLoop(String name, Acceptor acceptor, HttpRequestHandler handler, ConnectionSetup setup,
                   FailureListener failures) {
        this.name = name;
        this.acceptor = acceptor;
        this.setup = setup;
        this.failures = failures;
        this.service = new HttpService(HttpProcessors.server(name), (request, context) -> handler,
                DefaultConnectionReuseStrategy.INSTANCE, DefaultClassicHttpResponseFactory.INSTANCE);
        AtomicInteger counter = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        threads.execute(this::acceptLoop);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = acceptor.accept();
            } catch (IOException | RuntimeException e) {
                if (closed || acceptor.isClosed()) {
                    return;
                }
                failures.connectionFailed(null, e); // one connection's setup failed: the next may come
                continue;
            }
            open.add(socket);
            try {
                threads.execute(() -> serve(socket));
            } catch (RuntimeException rejected) { // closing
                closeQuietly(socket);
                open.remove(socket);
            }
        }
    }

    private void serve(Socket socket) {
        DefaultBHttpServerConnection connection = new DefaultBHttpServerConnection("http", Http1Config.DEFAULT);
        try {
            HttpContext context = HttpCoreContext.create();
            setup.prepare(socket, context);
            connection.bind(socket);
            while (!closed && connection.isOpen()) {
                service.handleRequest(connection, context);
            }
        } catch (ConnectionClosedException endOfConnection) {
            // The peer closed between two requests: the normal end of a persistent connection.
        } catch (SocketException e) {
            // A socket already closed is the normal end too (the peer's close_notify closes it, and
            // HttpCore then fails to flush it); one still open was reset under us: a failure.
            if (!closed && !socket.isClosed()) {
                failures.connectionFailed(socket, e);
            }
        } catch (IOException | HttpException | RuntimeException e) { // a reset, an alert, a timeout, a bug
            if (!closed) {
                failures.connectionFailed(socket, e);
            }
        } finally {
            connection.close(CloseMode.GRACEFUL);
            closeQuietly(socket);
            open.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try {
            acceptor.close();
        } finally {
            for (Socket socket : open) {
                closeQuietly(socket);
            }
            threads.shutdownNow();
            try {
                threads.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
