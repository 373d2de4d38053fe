package org.layeredtls.handshake.engine;

import java.io.IOException;
import java.util.Objects;
import java.util.OptionalLong;

import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.state.Connection;
import org.layeredtls.record.RecordFraming;

/**
 * A whole TLS connection — record layer, Alert, ChangeCipherSpec, the handshake state machines,
 * renegotiation, close — driven by bytes in and bytes out, with no socket and no thread of its own.
 * The caller moves bytes between the engine and the transport, whatever the transport is:
 *
 * <pre>
 *   engine.beginHandshake();                       // a client queues its ClientHello
 *   send(engine.readOutput());                     // records to send, whenever pendingOutput() &gt; 0
 *   engine.offerInput(received, 0, n);             // bytes from the peer, cut anywhere
 *   engine.writeApplicationData(data, 0, len);     // once isHandshakeDone()
 *   engine.readApplicationData(buffer, 0, size);   // what the peer sent; -1 once it closed
 * </pre>
 *
 * <p>{@link #offerInput} buffers the bytes and processes every record that is complete; a partial
 * record waits for the rest, so the record layer below never waits for input. ({@link #bufferInput}
 * and {@link #processRecord()} do the same one record at a time.) Errors are
 * {@link org.layeredtls.alert.TlsAlertException} (found here: its fatal alert is queued in the
 * output, to be sent before the transport is closed) or
 * {@link org.layeredtls.alert.TlsAlertReceivedException} (the peer's fatal alert); once
 * {@link #isClosed()} the caller sends what is left and closes the transport. Observers and
 * interceptors of the {@link TlsConfig} see the same events as over a {@code TlsSocket}.
 *
 * <p>There is no clock thread: {@link #handshakeDeadline()} says when the running handshake must
 * be over ({@code TlsConfig.handshakeTimeout}) and {@link #checkHandshakeTimeout} enforces it.
 *
 * <p>One thread may offer input while another writes application data; each side is serialised.
 */
public final class TlsEngine {

    private final TlsConfig config;
    private final Connection connection;
    private final InboundBuffer inbound = new InboundBuffer();
    private final OutboundBuffer outbound = new OutboundBuffer();
    private final Object inputLock = new Object();

    private TlsEngine(TlsConfig config, boolean client, String peerHost, int peerPort) {
        this.config = Objects.requireNonNull(config, "config");
        this.connection = new Connection(config, client, peerHost, peerPort, inbound, outbound);
    }

    /**
     * A client engine for the server at {@code peerHost:peerPort}: SNI and the certificate's name
     * check use {@code peerHost} unless {@link TlsConfig#serverName()} is set; the two together key
     * the client's session store.
     */
    public static TlsEngine client(TlsConfig config, String peerHost, int peerPort) {
        return new TlsEngine(config, true, peerHost, peerPort);
    }

    /** A server engine. */
    public static TlsEngine server(TlsConfig config) {
        return new TlsEngine(config, false, null, 0);
    }

    /** A client and a server engine that one thread can run against each other (see {@link EnginePair}). */
    public static EnginePair pair(TlsConfig clientConfig, TlsConfig serverConfig) {
        return new EnginePair(client(clientConfig, EnginePair.PEER_HOST, EnginePair.PEER_PORT), server(serverConfig));
    }

    // ------------------------------------------------------------------ bytes in

    /** Starts the first handshake: a client queues its ClientHello, a server waits for one. Once only. */
    public void beginHandshake() throws IOException {
        synchronized (inputLock) {
            connection.beginHandshake();
        }
    }

    /**
     * Bytes received from the peer, cut anywhere: they are buffered, and every record now complete
     * is processed (a partial one waits for the rest). Input after the connection is closed, or
     * after the peer's close_notify, is discarded.
     */
    public void offerInput(byte[] input, int offset, int length) throws IOException {
        synchronized (inputLock) {
            bufferInput(input, offset, length);
            while (processRecord()) {
                // each complete record in turn
            }
        }
    }

    /**
     * Buffers bytes received from the peer without processing them: {@link #processRecord()} then
     * takes them one record at a time, for a caller that wants to stop as soon as it has what it
     * waits for (the blocking adapter does, as {@code SSLEngine.unwrap} does).
     */
    public void bufferInput(byte[] input, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, input.length);
        synchronized (inputLock) {
            if (!connection.isInboundClosed()) {
                inbound.append(input, offset, length);
            }
        }
    }

    /**
     * Processes the next buffered record, if all of it is there (RFC 5246 §6.2.1: its header says
     * how long it is).
     *
     * @return whether a record was processed; false when more input is needed, or nothing more will be read
     */
    public boolean processRecord() throws IOException {
        synchronized (inputLock) {
            if (connection.isInboundClosed()) {
                inbound.clear(); // RFC 5246 §7.2.1: after close_notify, what follows is discarded
                return false;
            }
            int recordLength = inbound.nextRecordLength(connection.mayReceiveSslv2ClientHello(),
                    connection.receiveFragmentLimit());
            if (recordLength == RecordFraming.UNKNOWN || recordLength > inbound.buffered()) {
                return false;
            }
            try {
                connection.processNextRecord();
            } catch (IOException | RuntimeException e) {
                inbound.clear();
                throw e;
            }
            return true;
        }
    }

    /**
     * How many more input bytes complete the next record: the rest of its 5-byte header while that is
     * incomplete, 0 when a whole record is buffered. A caller that reads no more than this never
     * reads past the record it needs (the blocking adapter does, to keep no large buffer while idle).
     */
    public int inputNeeded() {
        synchronized (inputLock) {
            return inbound.bytesNeeded(connection.mayReceiveSslv2ClientHello(), connection.receiveFragmentLimit());
        }
    }

    /**
     * The wire length of the record that starts at {@code input[offset]}, by this connection's framing
     * rules now (RFC 5246 §6.2.1; a server's first record may be an SSLv2-compatible ClientHello), or
     * {@link RecordFraming#UNKNOWN} while fewer bytes than a header are there. Nothing is buffered: an
     * {@code SSLEngine.unwrap} asks this first, so that an incomplete record stays in the caller's buffer
     * (BUFFER_UNDERFLOW). A header the record layer will refuse counts as a header alone: buffered and
     * processed, it raises the record layer's alert.
     */
    public int recordLength(byte[] input, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, input.length);
        synchronized (inputLock) {
            return RecordFraming.recordLength(input, offset, length, connection.mayReceiveSslv2ClientHello(),
                    connection.receiveFragmentLimit());
        }
    }

    public void offerInput(byte[] input) throws IOException {
        offerInput(input, 0, input.length);
    }

    /**
     * The transport's stream ended (bytes still buffered are an incomplete record). During the first handshake (or a renegotiation we asked for)
     * that is a fatal decode_error, as OpenSSL 3.0 answers; afterwards reads see the end of the
     * stream, after an {@link java.io.EOFException} if it ended inside a record.
     */
    public void endOfInput() throws IOException {
        synchronized (inputLock) {
            if (connection.isInboundClosed()) {
                return;
            }
            var insideARecord = inbound.buffered() == 0 ? null
                    : inbound.endedInsideARecord(connection.mayReceiveSslv2ClientHello(), connection.receiveFragmentLimit());
            inbound.clear();
            connection.inputEnded(insideARecord);
        }
    }

    // ------------------------------------------------------------------ bytes out

    /** How many bytes of records wait to be sent. */
    public int pendingOutput() {
        return outbound.pending();
    }

    /** Takes up to {@code length} bytes of records to send; returns how many (0 when none wait). */
    public int readOutput(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        return outbound.read(buffer, offset, length);
    }

    /** Takes every byte waiting to be sent (an empty array when none). */
    public byte[] readOutput() {
        return outbound.readAll();
    }

    // ------------------------------------------------------------------ application data

    /**
     * Protects application data into records (at most the fragment limit each; SSL 3.0/TLS 1.0 CBC
     * splits 1/n&minus;1 against BEAST) and queues them in the output. An empty write sends one
     * empty record.
     *
     * @throws IllegalStateException before the first handshake is done
     */
    public void writeApplicationData(byte[] data, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, data.length);
        connection.writeApplicationData(data, offset, length);
    }

    public void writeApplicationData(byte[] data) throws IOException {
        writeApplicationData(data, 0, data.length);
    }

    /** Received application data not yet read. */
    public int availableApplicationData() {
        return connection.availableApplicationData();
    }

    /** Reads received application data: the count, 0 when none is there yet, -1 once the peer has closed and all is read. */
    public int readApplicationData(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        int n = connection.readApplicationData(buffer, offset, length);
        return n == 0 && length > 0 && connection.isInboundClosed() ? -1 : n;
    }

    // ------------------------------------------------------------------ TLS 1.3 0-RTT data (RFC 8446 §4.2.10)

    /**
     * Client, before {@link #beginHandshake()}: data to send as 0-RTT early data when the handshake resumes
     * with a ticket that allows as much. Early data can be replayed by an attacker: send only what may
     * safely arrive twice. If {@link #earlyDataStatus()} ends {@code REJECTED}, it was not delivered.
     */
    public void writeEarlyData(byte[] data) {
        connection.offerEarlyData(data);
    }

    /** What became of 0-RTT data on this connection (final once the handshake is done). */
    public org.layeredtls.handshake.api.EarlyDataStatus earlyDataStatus() {
        return connection.earlyDataStatus();
    }

    /** Server: takes up to {@code length} bytes of the client's accepted 0-RTT data (kept apart: it may be a replay). */
    public int readEarlyData(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        return connection.readEarlyData(buffer, offset, length);
    }

    /** Server: accepted 0-RTT bytes not yet taken. */
    public int availableEarlyData() {
        return connection.availableEarlyData();
    }

    // ------------------------------------------------------------------ the connection's life

    /**
     * A new handshake on an established connection (RFC 5746 secure renegotiation only): a client
     * queues a ClientHello, a server a HelloRequest. It has completed when {@link #handshakesCompleted()}
     * goes up, or been refused when {@link #renegotiationRefused()}.
     */
    public void renegotiate() throws IOException {
        synchronized (inputLock) {
            connection.renegotiate();
        }
    }

    /**
     * TLS 1.3 (RFC 8446 §4.6.3): queues a KeyUpdate and changes our write keys; {@code requestPeerUpdate}
     * asks the peer to change its own too.
     */
    public void keyUpdate(boolean requestPeerUpdate) throws IOException {
        connection.keyUpdate(requestPeerUpdate);
    }

    /**
     * TLS 1.3, a server (RFC 8446 §4.6.2): queues a CertificateRequest after the handshake. The client's answer
     * arrives as input like application data; once checked, {@link #sessionInfo()} holds its certificate chain.
     *
     * @throws IllegalStateException on a client, before a TLS 1.3 handshake, when the client did not offer
     *                               post_handshake_auth, or while an earlier request awaits its answer
     */
    public void requestClientCertificate() throws IOException {
        connection.requestClientCertificate();
    }

    /** Whether the client offered post-handshake authentication (RFC 8446 §4.2.6). */
    public boolean postHandshakeAuthOffered() {
        return connection.postHandshakeAuthOffered();
    }

    /** Queues close_notify (once): our direction is closed. The peer's close_notify closes the connection. */
    public void closeOutbound() throws IOException {
        connection.closeOutbound();
    }

    /** When the running handshake must be over, a {@link System#nanoTime()} value; empty when none runs. */
    public OptionalLong handshakeDeadline() {
        return connection.handshakeDeadline();
    }

    /** Fails the running handshake with a fatal handshake_failure if {@code nanoTime} is past its deadline. */
    public void checkHandshakeTimeout(long nanoTime) throws IOException {
        synchronized (inputLock) {
            connection.checkHandshakeTimeout(nanoTime);
        }
    }

    /** The bytes of record buffers the engine's record layer holds now (tests: what an idle engine keeps). */
    int recordBufferedBytes() {
        return connection.recordBufferedBytes();
    }

    public boolean isHandshakeDone() {
        return connection.isHandshakeDone();
    }

    /** Whether a handshake runs (the first or a renegotiation), or one we asked for is awaited. */
    public boolean isHandshaking() {
        return connection.isHandshaking();
    }

    public int handshakesCompleted() {
        return connection.handshakesCompleted();
    }

    /** Whether the peer refused our last renegotiation (no_renegotiation), or we refused its. */
    public boolean renegotiationRefused() {
        return connection.renegotiationRefused();
    }

    /** Whether nothing more will be read: the peer's close_notify, a fatal alert, or the end of the input. */
    public boolean isInboundClosed() {
        return connection.isInboundClosed();
    }

    /** Whether nothing more will be written: our close_notify or a fatal alert is queued. */
    public boolean isOutboundClosed() {
        return connection.isOutboundClosed();
    }

    /** Whether the connection is over (a fatal alert, or the peer's close_notify answered): send the output left, close the transport. */
    public boolean isClosed() {
        return connection.isClosed();
    }

    /** What the last completed handshake agreed on; {@code null} before the first one completes. */
    public SessionInfo sessionInfo() {
        return connection.sessionInfo();
    }

    /**
     * Keying material exported from the last handshake (RFC 8446 §7.5 in TLS 1.3, RFC 5705 in TLS 1.0–1.2):
     * {@code length} bytes for {@code label}, with {@code context} ({@code null}: no context, which in
     * TLS 1.2 differs from an empty one). Both ends of a connection get the same bytes.
     *
     * @throws IllegalStateException         before the first handshake is done
     * @throws IllegalArgumentException      for a label the RFCs reserve, or a length out of range
     * @throws UnsupportedOperationException under SSL 3.0, which has no exporter
     */
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        return connection.exportKeyingMaterial(label, context, length);
    }

    public boolean isClient() {
        return connection.isClient();
    }

    /** A client's peer as given to {@link #client}; {@code null} for a server. */
    public String peerHost() {
        return connection.peerHost();
    }

    public int peerPort() {
        return connection.peerPort();
    }

    public TlsConfig config() {
        return config;
    }
}
