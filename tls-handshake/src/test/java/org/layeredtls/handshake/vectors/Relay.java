package org.layeredtls.handshake.vectors;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.layeredtls.vectors.Flow;

/**
 * A TCP relay on 127.0.0.1, one connection at a time: the client connects to {@link #port()}, the relay
 * connects on to the server, and every chunk either side sends is saved, in arrival order, before it
 * is forwarded (so a chunk is always saved before any answer to it).
 */
final class Relay implements Closeable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Flow> flows = new ArrayList<>();
    private final List<Thread> pumps = new ArrayList<>();
    private Socket client;
    private Socket server;

    Relay(int targetPort) throws IOException {
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.listener.setSoTimeout(20_000);
        this.targetPort = targetPort;
        nextConnection();
    }

    /**
     * Starts relaying the next connection on the same port (a client keeps its sessions per host
     * and port, so a resumption must come back to the same port).
     */
    void nextConnection() throws IOException {
        close(client);
        close(server);
        synchronized (flows) {
            flows.clear();
        }
        synchronized (pumps) {
            pumps.clear();
            Thread acceptor = new Thread(this::accept, "relay-accept");
            acceptor.setDaemon(true);
            pumps.add(acceptor);
            acceptor.start();
        }
    }

    private static void close(Socket s) throws IOException {
        if (s != null) {
            s.close();
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        try {
            client = listener.accept();
            server = new Socket();
            server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 10_000);
            Thread up = pump(client, server, Flow.Direction.CLIENT_TO_SERVER);
            Thread down = pump(server, client, Flow.Direction.SERVER_TO_CLIENT);
            synchronized (pumps) {
                pumps.add(up);
                pumps.add(down);
            }
        } catch (IOException e) {
            // nothing connected in time: the recording fails on its own
        }
    }

    private Thread pump(Socket from, Socket to, Flow.Direction direction) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[1 << 16];
            boolean forwarding = true;
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    synchronized (flows) {
                        flows.add(new Flow(direction, Arrays.copyOf(buffer, n)));
                        flows.notifyAll();
                    }
                    if (forwarding) {
                        try {
                            out.write(buffer, 0, n);
                            out.flush();
                        } catch (IOException gone) {
                            forwarding = false; // keep recording what the sender still sends
                        }
                    }
                }
            } catch (IOException e) {
                // reset by a peer: the flow ends here
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "relay-" + direction.key());
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** How many bytes went {@code direction} so far on this connection. */
    int bytes(Flow.Direction direction) {
        synchronized (flows) {
            return flows.stream().filter(f -> f.direction() == direction).mapToInt(Flow::length).sum();
        }
    }

    /** Waits (bounded) until more than {@code mark} bytes went {@code direction} on this connection. */
    void awaitMoreThan(Flow.Direction direction, int mark, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (flows) {
            while (bytes(direction) <= mark) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new IllegalStateException("nothing more went " + direction.key() + " in time");
                }
                flows.wait(left);
            }
        }
    }

    /** Waits (bounded) until both directions have ended, and returns the chunks. */
    List<Flow> awaitFlows(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (int i = 0; ; i++) {
            Thread t;
            synchronized (pumps) {
                if (i >= pumps.size()) {
                    break;
                }
                t = pumps.get(i);
            }
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (t.isAlive()) {
                throw new IllegalStateException("the relayed connection did not end in time");
            }
        }
        synchronized (flows) {
            return List.copyOf(flows);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        close(client);
        close(server);
    }
}
