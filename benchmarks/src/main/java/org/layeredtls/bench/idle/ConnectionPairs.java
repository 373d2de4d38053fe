package org.layeredtls.bench.idle;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One stack under measurement: a listener on 127.0.0.1 and a way to open a connected
 * client+server pair on it, handshaken, with one small exchange done (the client sends "ping",
 * the server answers "pong"), both ends with TCP_NODELAY (so that no stack waits on Nagle's
 * algorithm and a delayed ACK between its handshake records; it changes no buffer). Closing a pair closes both sockets; closing the factory closes the
 * listener and its helper thread.
 */
interface ConnectionPairs extends Closeable {

    byte[] PING = "ping".getBytes(StandardCharsets.US_ASCII);
    byte[] PONG = "pong".getBytes(StandardCharsets.US_ASCII);
    /** The listen backlog of a listener ({@code java.net.ServerSocket}'s default). */
    int BACKLOG = 50;

    /** The stack's name in the results table. */
    String name();

    /** Opens one pair: connect, accept, handshake, exchange. */
    Closeable openPair() throws Exception;

    /** A pair whose closing closes the client's end, then the server's. */
    static Closeable pair(Closeable client, Closeable server) {
        return () -> {
            client.close();
            server.close();
        };
    }

    /** The client's half of the exchange. */
    static void clientExchange(InputStream in, OutputStream out) throws IOException {
        out.write(PING);
        out.flush();
        expect(in, PONG);
    }

    /** The server's half of the exchange. */
    static void serverExchange(InputStream in, OutputStream out) throws IOException {
        expect(in, PING);
        out.write(PONG);
        out.flush();
    }

    /** Fails when a LayeredTLS pair negotiated another version than the TLS 1.2 it is pinned to. */
    static void expectTls12(org.layeredtls.record.ProtocolVersion negotiated) throws IOException {
        expectVersion(org.layeredtls.record.ProtocolVersion.TLS1_2, negotiated);
    }

    static void expectVersion(org.layeredtls.record.ProtocolVersion expected, org.layeredtls.record.ProtocolVersion negotiated)
            throws IOException {
        if (!expected.equals(negotiated)) {
            throw new IOException("the pair negotiated " + negotiated + ", not " + expected);
        }
    }

    private static void expect(InputStream in, byte[] expected) throws IOException {
        byte[] got = in.readNBytes(expected.length);
        if (!Arrays.equals(got, expected)) {
            throw new IOException("expected " + new String(expected, StandardCharsets.US_ASCII) + ", got "
                    + new String(got, StandardCharsets.US_ASCII));
        }
    }
}
