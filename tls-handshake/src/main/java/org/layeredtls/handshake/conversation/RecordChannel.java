package org.layeredtls.handshake.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.RecordLimits;

/**
 * The record layer of a conversation, kept small and permissive on purpose: it frames, protects and opens
 * records with tls-record's {@link ConnectionState}s (RFC 5246 §6.2), but checks nothing a probe may want to
 * break, and it also writes whatever raw bytes it is given. Every record in both directions goes to the
 * {@link RecordTrace}.
 *
 * <p>Reading stops at a deadline without losing bytes: a header or fragment read in part is kept for the next
 * call, so "silence for N ms" can be expected in the middle of a conversation.
 */
final class RecordChannel {

    /** A record read: its header's fields and its fragment, opened if a read state was current. */
    record Record(int type, int version, byte[] fragment, boolean protectedRecord) {
    }

    /** How a read ended when no record came. */
    enum Ending { TIMEOUT, EOF, RESET }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final RecordTrace trace;
    private ConnectionState readState;
    private ConnectionState writeState;
    private long readSequence;
    private long writeSequence;
    private ProtocolVersion writeVersion = ProtocolVersion.TLS1_0;
    private byte[] partial = new byte[0]; // bytes of the next record read so far
    private Ending ending;
    private java.io.ByteArrayOutputStream held; // writes kept for one TCP write, while holding


    RecordChannel(Socket socket, RecordTrace trace) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.trace = trace;
    }

    /** The version written in the headers of the records we send (the first ClientHello's is {3,1}, as OpenSSL). */
    void writeVersion(ProtocolVersion version) {
        this.writeVersion = version;
    }

    ProtocolVersion writeVersion() {
        return writeVersion;
    }

    /** Our ChangeCipherSpec went out: protect what we write from now on (RFC 5246 §7.1); null keeps the clear. */
    void changeWriteState(ConnectionState state) {
        writeState = state;
        writeSequence = 0;
    }

    /** The peer's ChangeCipherSpec came: open what we read from now on (RFC 5246 §7.1). */
    void changeReadState(ConnectionState state) {
        readState = state;
        readSequence = 0;
    }

    boolean writesProtected() {
        return writeState != null;
    }

    /** Writes one record of {@code type}, protected if our write state is, with the header version set. */
    void write(int type, byte[] plaintext) throws IOException {
        write(type, writeVersion.code(), plaintext, bytes -> bytes);
    }

    /** Writes one record and lets {@code tamper} change the finished record (header and protected fragment). */
    void write(int type, int version, byte[] plaintext, java.util.function.UnaryOperator<byte[]> tamper)
            throws IOException {
        byte[] fragment = plaintext;
        if (writeState != null) {
            ContentType contentType = contentType(type);
            byte[] sealed = new byte[plaintext.length + writeState.protection().maxExpansion()];
            int length = writeState.protection().seal(writeSequence++, contentType, ProtocolVersion.fromCode(version),
                    plaintext, 0, plaintext.length, sealed, 0);
            fragment = Arrays.copyOf(sealed, length);
        }
        byte[] record = tamper.apply(header(type, version, fragment));
        trace.sent(type, version, plaintext.length, record.length - RecordLimits.HEADER_LENGTH, writeState != null);
        send(record);
    }

    private void send(byte[] bytes) throws IOException {
        if (held != null) {
            held.writeBytes(bytes);
        } else {
            out.write(bytes);
            out.flush();
        }
    }

    /** From now on, keeps what is written, to send it all in one write at {@link #releaseWrites()}. */
    void holdWrites() {
        if (held == null) {
            held = new java.io.ByteArrayOutputStream();
        }
    }

    /** Sends everything held in one write (a flight in one TCP segment, as far as the network allows). */
    void releaseWrites() throws IOException {
        if (held != null) {
            byte[] bytes = held.toByteArray();
            held = null;
            trace.note("(" + bytes.length + " held bytes written at once)");
            send(bytes);
        }
    }

    /** Half-closes (shutdownOutput) or resets (SO_LINGER 0, then close) the TCP connection. */
    void closeTransport(boolean reset) throws IOException {
        trace.note(reset ? "(connection reset)" : "(output shut down)");
        if (reset) {
            socket.setSoLinger(true, 0);
            socket.close();
        } else {
            socket.shutdownOutput();
        }
    }

    /** Writes bytes as they are: records with any header, or anything else. */
    void writeRaw(byte[] bytes) throws IOException {
        trace.sentRaw(bytes);
        send(bytes);
    }

    static byte[] header(int type, int version, byte[] fragment) {
        return new ByteWriter(RecordLimits.HEADER_LENGTH + fragment.length).u8(type).u16(version)
                .u16(fragment.length).bytes(fragment).toByteArray();
    }

    /** The next record, or null if none came before {@code deadline} (nanoTime) or the stream ended: see {@link #ending()}. */
    Record read(long deadline) throws IOException {
        ending = null;
        if (!fill(RecordLimits.HEADER_LENGTH, deadline)) {
            return null;
        }
        int length = ((partial[3] & 0xFF) << 8) | (partial[4] & 0xFF);
        if (!fill(RecordLimits.HEADER_LENGTH + length, deadline)) {
            return null;
        }
        int type = partial[0] & 0xFF;
        int version = ((partial[1] & 0xFF) << 8) | (partial[2] & 0xFF);
        byte[] fragment = Arrays.copyOfRange(partial, RecordLimits.HEADER_LENGTH, partial.length);
        byte[] header = Arrays.copyOf(partial, RecordLimits.HEADER_LENGTH);
        partial = new byte[0];
        if (readState == null) {
            trace.received(type, version, length, fragment.length, false);
            return new Record(type, version, fragment, false);
        }
        byte[] opened = new byte[fragment.length];
        try {
            int openedLength = readState.protection().open(readSequence++, contentType(type),
                    ProtocolVersion.fromCode(version), fragment, 0, fragment.length, opened, 0);
            trace.received(type, version, length, openedLength, true);
            return new Record(type, version, Arrays.copyOf(opened, openedLength), true);
        } catch (TlsAlertException | IllegalArgumentException e) {
            trace.received(type, version, length, -1, true);
            throw new UnopenableRecord(e.getMessage(), header);
        }
    }

    /** How the last {@link #read} that returned null ended. */
    Ending ending() {
        return ending;
    }

    /** A protected record that did not open with our keys. */
    static final class UnopenableRecord extends IOException {
        private final byte[] header;

        UnopenableRecord(String why, byte[] header) {
            super(why);
            this.header = header.clone();
        }

        byte[] header() {
            return header.clone();
        }
    }

    private boolean fill(int wanted, long deadline) throws IOException {
        while (partial.length < wanted) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                ending = Ending.TIMEOUT;
                return false;
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            byte[] buffer = new byte[wanted - partial.length];
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                ending = Ending.TIMEOUT;
                return false;
            } catch (SocketException e) {
                ending = Ending.RESET;
                return false;
            }
            if (n < 0) {
                ending = Ending.EOF;
                return false;
            }
            byte[] grown = Arrays.copyOf(partial, partial.length + n);
            System.arraycopy(buffer, 0, grown, partial.length, n);
            partial = grown;
        }
        return true;
    }

    /**
     * The content type to MAC a protected record under.
     *
     * @throws IllegalArgumentException for a code the record layer has no type for: such a record can only be
     *                                  sent in the clear (a script error, not the peer's)
     */
    private static ContentType contentType(int code) {
        try {
            return ContentType.fromCode(code);
        } catch (TlsAlertException e) {
            throw new IllegalArgumentException("content type " + code + " cannot be protected: send it before "
                    + "ChangeCipherSpec, or as raw bytes", e);
        }
    }
}
