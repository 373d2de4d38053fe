package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;

/**
 * Bytes on the wire for the survival and limit tests: a real ClientHello captured from our
 * client, records built by hand, and a reader that walks a server's plaintext records (before
 * the peers' ChangeCipherSpec everything is plaintext) up to its first alert.
 */
final class SurvivalWire {

    static final int HANDSHAKE = 22;
    static final int ALERT = 21;
    static final int APPLICATION_DATA = 23;
    static final long BOUND_MILLIS = 20_000;

    /** A record read off the wire, as it was sent. */
    record RawRecord(int type, byte[] fragment) {
    }

    private SurvivalWire() {
    }

    /** The first flight of our own client (its ClientHello record), as it goes on the wire. */
    static byte[] clientHello(TlsConfig clientConfig) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> client = CompletableFuture.runAsync(() -> {
                try (TlsSocket tls = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), clientConfig)) {
                    tls.startHandshake();
                } catch (IOException expected) {
                    // we hang up after the ClientHello
                }
            }, runnable -> new Thread(runnable, "capture ClientHello").start());
            try (Socket accepted = listener.accept()) {
                accepted.setSoTimeout((int) BOUND_MILLIS);
                DataInputStream in = new DataInputStream(accepted.getInputStream());
                byte[] header = new byte[5];
                in.readFully(header);
                byte[] record = Arrays.copyOf(header, 5 + ((header[3] & 0xFF) << 8 | header[4] & 0xFF));
                in.readFully(record, 5, record.length - 5);
                return record;
            } finally {
                client.get(BOUND_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** A plaintext record of {@code type}, TLS 1.2 on the wire. */
    static byte[] record(int type, byte[] fragment) {
        byte[] record = new byte[5 + fragment.length];
        record[0] = (byte) type;
        record[1] = 3;
        record[2] = 3;
        record[3] = (byte) (fragment.length >>> 8);
        record[4] = (byte) fragment.length;
        System.arraycopy(fragment, 0, record, 5, fragment.length);
        return record;
    }

    /** {@code message} cut into handshake records of at most 2^14 bytes. */
    static byte[] handshakeRecords(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < message.length; offset += 1 << 14) {
            out.writeBytes(record(HANDSHAKE, Arrays.copyOfRange(message, offset, Math.min(message.length, offset + (1 << 14)))));
        }
        return out.toByteArray();
    }

    /** The next record, or null at a clean end of stream. */
    static RawRecord read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int type = data.read();
        if (type < 0) {
            return null;
        }
        byte[] rest = new byte[4];
        data.readFully(rest);
        byte[] fragment = new byte[(rest[2] & 0xFF) << 8 | rest[3] & 0xFF];
        data.readFully(fragment);
        return new RawRecord(type, fragment);
    }

    /**
     * Reads the peer's records until its first alert: the alert's two bytes (level, description),
     * or null when the stream ends (or is reset) first. Handshake records are skipped.
     */
    static byte[] firstAlert(InputStream in) {
        try {
            for (RawRecord r; (r = read(in)) != null; ) {
                if (r.type() == ALERT) {
                    return r.fragment();
                }
            }
        } catch (EOFException cutShort) {
            return null;
        } catch (IOException reset) {
            return null;
        }
        return null;
    }

    /** Asserts {@code alert} is the fatal alert {@code description}. */
    static void assertFatal(int description, byte[] alert, String context) {
        assertTrue(alert != null && alert.length == 2 && alert[0] == 2 && alert[1] == description,
                "expected fatal alert " + description + ", got " + (alert == null ? "none" : Arrays.toString(alert)) + ": " + context);
    }
}
