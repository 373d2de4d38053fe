package org.layeredtls.handshake.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.layeredtls.alert.Alert;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.AlertLevel;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;

/**
 * A scripted peer on a raw TCP socket: it writes whatever bytes, records and handshake messages a test
 * asks for, with no TLS engine behind them, and reads the server's records back until an alert, the end
 * of the stream, a reset, or a time bound. Handshake messages and alerts are understood while they are
 * in the clear (before the server's ChangeCipherSpec).
 */
public final class RawPeer implements AutoCloseable {

    /** The bound for connecting and for one read, unless a test gives its own. */
    public static final Duration BOUND = Duration.ofSeconds(15);
    /** RFC 5246 §6.2.1: a record's fragment is at most 2^14 bytes. */
    public static final int MAX_FRAGMENT = 1 << 14;
    private static final int HEADER_LENGTH = 5;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private ProtocolVersion recordVersion = ProtocolVersion.TLS1_0;

    private RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Talks over a socket already connected (one a test server accepted, say). */
    public static RawPeer over(Socket connected) throws IOException {
        return new RawPeer(connected);
    }

    /** Connects to 127.0.0.1:{@code port}. */
    public static RawPeer connect(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) BOUND.toMillis());
            return new RawPeer(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** The version written in the headers of the records this peer sends (default {3,1}, as OpenSSL's first flight). */
    public RawPeer recordVersion(ProtocolVersion version) {
        this.recordVersion = version;
        return this;
    }

    /** Writes raw bytes. */
    public RawPeer send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Writes one record: a 5-byte header (RFC 5246 §6.2.1) and the fragment as given, whatever its length. */
    public RawPeer sendRecord(ContentType type, byte[] fragment) throws IOException {
        return send(record(type, recordVersion, fragment));
    }

    /** Writes one message, framed (RFC 5246 §7.4), in as many handshake records of at most 2^14 bytes as it needs. */
    public RawPeer sendHandshake(HandshakeMessage message) throws IOException {
        return sendHandshakeBytes(HandshakeFrame.of(message).bytes());
    }

    /** Writes handshake-protocol bytes (framed messages, or anything) in records of at most 2^14 bytes. */
    public RawPeer sendHandshakeBytes(byte[] handshakeBytes) throws IOException {
        return send(handshakeRecords(recordVersion, handshakeBytes));
    }

    /** Writes one alert record in the clear. */
    public RawPeer sendAlert(AlertLevel level, AlertDescription description) throws IOException {
        return sendRecord(ContentType.ALERT, new Alert(level, description).encode());
    }

    /** The bytes of one record. */
    public static byte[] record(ContentType type, ProtocolVersion version, byte[] fragment) {
        return new ByteWriter(HEADER_LENGTH + fragment.length).u8(type.code()).u16(version.code())
                .u16(fragment.length).bytes(fragment).toByteArray();
    }

    /** Handshake-protocol bytes cut into handshake records of at most 2^14 bytes (RFC 5246 §6.2.1). */
    public static byte[] handshakeRecords(ProtocolVersion version, byte[] handshakeBytes) {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        for (int offset = 0; offset < handshakeBytes.length; offset += MAX_FRAGMENT) {
            int end = Math.min(handshakeBytes.length, offset + MAX_FRAGMENT);
            records.writeBytes(record(ContentType.HANDSHAKE, version, Arrays.copyOfRange(handshakeBytes, offset, end)));
        }
        return records.toByteArray();
    }

    /** Half-closes: the server reads end of stream, and can still answer. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Ends the connection with a TCP reset (SO_LINGER 0), as a crashed or impatient peer does. */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** Reads until the first alert in the clear, the end of the stream, a reset, or {@code bound}. */
    public Reply awaitAlert(Duration bound) throws IOException {
        return read(bound, reply -> !reply.alerts().isEmpty());
    }

    /** Reads until the end of the stream, a reset or {@code bound}, through any alerts. */
    public Reply awaitEnd(Duration bound) throws IOException {
        return read(bound, reply -> false);
    }

    /** Reads until the server sent this handshake message in the clear, or an alert, or the end. */
    public Reply awaitHandshake(HandshakeType type, Duration bound) throws IOException {
        return read(bound, reply -> !reply.alerts().isEmpty() || reply.handshakeTypes().contains(type));
    }

    /**
     * Reads the server's first flight: until its ServerHelloDone, its ChangeCipherSpec (a resumption: what
     * follows is protected), an alert, the end of the stream, a reset, or {@code bound}.
     */
    public Reply awaitFlight(Duration bound) throws IOException {
        return read(bound, reply -> !reply.alerts().isEmpty() || reply.changeCipherSpec()
                || reply.handshakeTypes().contains(HandshakeType.SERVER_HELLO_DONE));
    }

    private Reply read(Duration bound, Predicate<Reply> done) throws IOException {
        Reading reading = new Reading();
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        while (true) {
            Reply.Ending ending = reading.nextRecord(deadline);
            if (ending != null) {
                return reading.reply(ending, start);
            }
            Reply sofar = reading.reply(Reply.Ending.ANSWERED, start);
            if (done.test(sofar)) {
                return sofar.alerts().isEmpty() ? sofar : reading.reply(Reply.Ending.ALERT, start);
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** What one read has seen so far. */
    private final class Reading {
        private final List<Alert> alerts = new ArrayList<>();
        private final List<HandshakeType> handshakeTypes = new ArrayList<>();
        private final ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        private ServerHello serverHello;
        private boolean changeCipherSpec;
        private int encryptedAlerts;
        private long bytesRead;

        /** Reads one record; returns how the exchange ended, or null if it goes on. */
        Reply.Ending nextRecord(long deadline) throws IOException {
            byte[] header = new byte[HEADER_LENGTH];
            Reply.Ending ending = readFully(header, deadline);
            if (ending != null) {
                return ending;
            }
            byte[] fragment = new byte[((header[3] & 0xFF) << 8) | (header[4] & 0xFF)];
            ending = readFully(fragment, deadline);
            if (ending != null) {
                return ending;
            }
            int type = header[0] & 0xFF;
            if (type == ContentType.CHANGE_CIPHER_SPEC.code()) {
                changeCipherSpec = true;
            } else if (type == ContentType.ALERT.code()) {
                if (changeCipherSpec) {
                    encryptedAlerts++;
                } else {
                    alerts.add(alert(fragment));
                }
            } else if (type == ContentType.HANDSHAKE.code() && !changeCipherSpec) {
                handshake.writeBytes(fragment);
                parseHandshake();
            }
            return null;
        }

        private Alert alert(byte[] fragment) {
            try {
                return Alert.decode(fragment);
            } catch (TlsAlertException e) {
                throw new AssertionError("the server sent a malformed alert " + Arrays.toString(fragment), e);
            }
        }

        private void parseHandshake() {
            byte[] bytes = handshake.toByteArray();
            int offset = 0;
            while (bytes.length - offset >= HandshakeFrame.HEADER_LENGTH) {
                int length = ((bytes[offset + 1] & 0xFF) << 16) | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
                if (bytes.length - offset - HandshakeFrame.HEADER_LENGTH < length) {
                    break;
                }
                byte[] body = Arrays.copyOfRange(bytes, offset + HandshakeFrame.HEADER_LENGTH,
                        offset + HandshakeFrame.HEADER_LENGTH + length);
                try {
                    HandshakeType type = HandshakeType.fromCode(bytes[offset] & 0xFF);
                    handshakeTypes.add(type);
                    if (type == HandshakeType.SERVER_HELLO && serverHello == null) {
                        serverHello = ServerHello.decode(body);
                    }
                } catch (TlsAlertException e) {
                    throw new AssertionError("the server sent a handshake message we cannot decode", e);
                }
                offset += HandshakeFrame.HEADER_LENGTH + length;
            }
            handshake.reset();
            handshake.write(bytes, offset, bytes.length - offset);
        }

        private Reply.Ending readFully(byte[] buffer, long deadline) throws IOException {
            int filled = 0;
            while (filled < buffer.length) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Reply.Ending.TIMEOUT;
                }
                socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
                int n;
                try {
                    n = in.read(buffer, filled, buffer.length - filled);
                } catch (SocketTimeoutException e) {
                    return Reply.Ending.TIMEOUT;
                } catch (SocketException e) {
                    return Reply.Ending.RESET;
                }
                if (n < 0) {
                    return Reply.Ending.EOF;
                }
                filled += n;
                bytesRead += n;
            }
            return null;
        }

        Reply reply(Reply.Ending ending, long start) {
            return new Reply(ending, alerts, encryptedAlerts, handshakeTypes, Optional.ofNullable(serverHello),
                    changeCipherSpec, bytesRead, Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
    }
}
