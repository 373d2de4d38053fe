package org.layeredtls.handshake.engine;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import org.layeredtls.alert.TlsException;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.record.RecordLimits;

/**
 * Runs a {@link TlsEngine} over a blocking {@link Socket}: what {@code TlsSocket} is made of. Each
 * call loops "read from the socket, offer the bytes to the engine, send what the engine queued"
 * until the engine has what the call waits for (the handshake done, application data, the peer's
 * close_notify). Whatever the engine queues is sent before an error is thrown (its fatal alert
 * first), and the socket is closed once the engine says the connection is over.
 *
 * <p>One thread may read while another writes: reads (and handshakes) hold one lock, and each
 * batch of the engine's output is written to the socket whole, under another.
 */
public final class SocketDriver {

    private final Socket socket;
    private final TlsEngine engine;
    private InputStream socketInput; // the socket's streams, taken at the first use: it may be connected after this is made
    private OutputStream socketOutput;
    private HandshakeDeadline boundedInput;
    // Fair: a writer that found the first handshake running waits here for it to end; an unfair lock let
    // the reader that ran the handshake take it straight back for its read and block in the socket with it,
    // so the writer never wrote what the peer waited for (seen against the JDK's echo server).
    private final ReentrantLock readLock = new ReentrantLock(true);
    private final ReentrantLock sendLock = new ReentrantLock();
    // An idle connection waits for a record header: 5 bytes. A fragment is read into an array of its
    // own size, made for the read, so that no buffer of the largest record size lives with the connection.
    private final byte[] header = new byte[RecordLimits.HEADER_LENGTH];
    // A send that failed while a read was answering the peer (a TLS 1.3 KeyUpdate, a close_notify):
    // the read goes on to the peer's own close_notify, and the next write reports this failure.
    private IOException answerSendFailure;

    public SocketDriver(Socket socket, TlsEngine engine) {
        this.socket = socket;
        this.engine = engine;
    }

    private InputStream socketInput() throws IOException {
        if (socketInput == null) {
            socketInput = socket.getInputStream();
            boundedInput = new HandshakeDeadline(socketInput, socket, engine);
        }
        return socketInput;
    }

    public TlsEngine engine() {
        return engine;
    }

    /** Runs the first handshake if it has not run yet. */
    public void handshake() throws IOException {
        if (engine.isHandshakeDone()) {
            return;
        }
        readLock.lock();
        try {
            if (engine.isHandshakeDone()) {
                return;
            }
            step(engine::beginHandshake);
            while (!engine.isHandshakeDone()) {
                nextRecord();
                requireOpenDuringHandshake(engine.isHandshakeDone());
            }
        } finally {
            readLock.unlock();
        }
    }

    /**
     * A new handshake on the established connection; returns when it has completed, or when the peer
     * refused it (a no_renegotiation warning, see {@link TlsEngine#renegotiationRefused()}).
     */
    public void renegotiate() throws IOException {
        handshake();
        readLock.lock();
        try {
            int before = engine.handshakesCompleted();
            step(engine::renegotiate);
            while (engine.handshakesCompleted() == before && !engine.renegotiationRefused()) {
                nextRecord();
                requireOpenDuringHandshake(engine.handshakesCompleted() != before || engine.renegotiationRefused());
            }
        } finally {
            readLock.unlock();
        }
    }

    /** RFC 5246 §7.2.1: the peer's close_notify during a handshake ends it (the engine has answered it). */
    private void requireOpenDuringHandshake(boolean handshakeOver) throws EOFException {
        if (!handshakeOver && engine.isInboundClosed()) {
            throw new EOFException("handshake layer: the peer sent close_notify during the handshake");
        }
    }

    /** Reads application data; -1 once the peer has closed (close_notify, or the stream ended). */
    public int read(byte[] buffer, int offset, int length) throws IOException {
        handshake();
        if (length == 0) {
            return 0;
        }
        readLock.lock();
        try {
            while (engine.availableApplicationData() == 0) {
                if (engine.isInboundClosed()) {
                    return -1;
                }
                nextRecord();
            }
            return engine.readApplicationData(buffer, offset, length);
        } finally {
            readLock.unlock();
        }
    }

    /** Application data that can be read without blocking. */
    public int available() {
        return engine.availableApplicationData();
    }

    /** Writes application data (an empty write sends one empty record). */
    public void write(byte[] buffer, int offset, int length) throws IOException {
        handshake();
        requireWritable();
        writing(() -> engine.writeApplicationData(buffer, offset, length));
    }

    /** TLS 1.3: sends KeyUpdate (asking the peer to update too when {@code requestPeerUpdate}) and changes our write keys. */
    public void keyUpdate(boolean requestPeerUpdate) throws IOException {
        handshake();
        requireWritable();
        writing(() -> engine.keyUpdate(requestPeerUpdate));
    }

    /** TLS 1.3, a server: sends a CertificateRequest after the handshake (RFC 8446 §4.6.2); reads take the answer. */
    public void requestClientCertificate() throws IOException {
        handshake();
        requireWritable();
        writing(engine::requestClientCertificate);
    }

    /**
     * Sends close_notify (once), waits a bounded time for the peer's close_notify or end of stream
     * ({@code TlsConfig.closeTimeout}), and closes the socket.
     */
    public void close() throws IOException {
        try {
            if (!socket.isClosed()) {
                step(engine::closeOutbound);
            }
            awaitPeerClose();
        } catch (IOException alreadyGone) {
            // The peer may have closed first; the socket is closed below either way.
        } finally {
            socket.close();
        }
    }

    /**
     * RFC 5246 §7.2.1: the peer answers our close_notify with its own. Closing the socket before
     * it arrives makes our TCP answer it with a reset, which the peer sees as an error; so read,
     * for at most the close timeout, until the peer's close_notify or the end of its stream (the
     * engine discards whatever else comes). Skipped when another thread is reading (it will see the
     * socket close) or when the connection is already over.
     */
    private void awaitPeerClose() throws IOException {
        long timeoutMillis = engine.config().closeTimeout().toMillis();
        if (timeoutMillis == 0 || socket.isClosed() || engine.isInboundClosed() || !readLock.tryLock()) {
            return;
        }
        try {
            socket.setSoTimeout((int) Math.min(timeoutMillis, Integer.MAX_VALUE));
            long deadline = System.nanoTime() + engine.config().closeTimeout().toNanos();
            while (!engine.isInboundClosed() && !socket.isClosed() && System.nanoTime() < deadline) {
                if (engine.processRecord()) {
                    continue;
                }
                int wanted = engine.inputNeeded();
                byte[] buffer = bufferFor(wanted);
                int n = socketInput().read(buffer, 0, wanted);
                if (n < 0) {
                    return; // the peer closed its end: no reset either way
                }
                engine.bufferInput(buffer, 0, n);
            }
        } catch (SocketTimeoutException | TlsException notClean) {
            // no close_notify in time, or the peer's fatal alert / a malformed record: close anyway
        } finally {
            readLock.unlock();
        }
    }

    public SessionInfo sessionInfo() {
        return engine.sessionInfo();
    }

    public boolean isHandshakeDone() {
        return engine.isHandshakeDone();
    }

    public boolean renegotiationRefused() {
        return engine.renegotiationRefused();
    }

    // ------------------------------------------------------------------ moving bytes

    /**
     * Processes one record: the next one buffered if all of it is there, else after one more read
     * from the socket (bounded by the handshake's time while one runs) of no more than the record
     * still needs. Records are processed one
     * at a time, so each call stops as soon as it has what it waits for, as reading record by
     * record from the socket did: what comes after stays buffered for the next call.
     */
    private void nextRecord() throws IOException {
        step(engine.isHandshakeDone(), () -> {
            if (engine.processRecord()) {
                return;
            }
            int wanted = engine.inputNeeded();
            byte[] buffer = bufferFor(wanted);
            socketInput();
            int n = boundedInput.read(buffer, 0, wanted);
            if (n < 0) {
                engine.endOfInput();
            } else {
                engine.bufferInput(buffer, 0, n);
            }
        });
    }

    /** Where to read {@code wanted} bytes: the header array, or one made for a fragment. */
    private byte[] bufferFor(int wanted) {
        return wanted <= header.length ? header : new byte[wanted];
    }

    @FunctionalInterface
    private interface EngineStep {
        void run() throws IOException;
    }

    /** Runs one step of the engine, then sends what it queued (an error's fatal alert too) and closes the socket if the connection is over. */
    private void step(EngineStep step) throws IOException {
        step(false, step);
    }

    /**
     * As {@link #step(EngineStep)}; when {@code readingAfterHandshake}, what the engine queued is its answer
     * to the record just read (RFC 8446 §4.6.3: the KeyUpdate a peer requested; RFC 5246 §7.2.1: our
     * close_notify). A peer may close its side right after asking: a failure to send the answer then must
     * not hide the records already on their way (its data, its close_notify), so it is kept for the next
     * write instead of ending the read.
     */
    private void step(boolean readingAfterHandshake, EngineStep step) throws IOException {
        try {
            step.run();
        } catch (IOException | RuntimeException e) {
            try {
                sendOutput();
            } catch (IOException gone) {
                e.addSuppressed(gone);
            }
            closeSocketIfOver();
            throw e;
        }
        if (readingAfterHandshake) {
            try {
                sendAnswers();
            } catch (IOException gone) {
                if (answerSendFailure == null) {
                    answerSendFailure = gone;
                }
            }
        } else {
            sendOutput();
        }
        closeSocketIfOver();
    }

    /** A write after an answer could not be sent fails as that send did: the socket's write side is gone. */
    private void requireWritable() throws IOException {
        if (answerSendFailure != null) {
            SocketException gone = new SocketException("the connection can no longer be written to: sending our answer to the peer failed ("
                    + answerSendFailure.getMessage() + ")");
            gone.initCause(answerSendFailure);
            throw gone;
        }
    }

    /**
     * A write's step: the records it queues are made and sent under the send lock, so a reader never
     * finds them waiting and never sends them itself (a reader blocked in a socket write reads nothing,
     * and an echoing peer then never drains the window either side waits on).
     */
    private void writing(EngineStep step) throws IOException {
        sendLock.lock();
        try {
            step(step);
        } finally {
            sendLock.unlock();
        }
        sendAnswers();
    }

    /** Writes the engine's queued records to the socket, in one write, in the order they were made; waits for the send lock. */
    private void sendOutput() throws IOException {
        sendLock.lock();
        try {
            flushQueued();
        } finally {
            sendLock.unlock();
        }
        sendAnswers();
    }

    /**
     * Sends what a read queued (a KeyUpdate answer, our close_notify) without waiting for the send lock:
     * when another thread holds it, that thread sends whatever is queued once it lets go (it comes here
     * too), so nothing stays behind and a reader never waits on a writer blocked by a full TCP window.
     */
    private void sendAnswers() throws IOException {
        while (engine.pendingOutput() > 0 && sendLock.tryLock()) {
            try {
                flushQueued();
            } finally {
                sendLock.unlock();
            }
        }
    }

    /** Under the send lock: every queued record, in one socket write, in the order they were made. */
    private void flushQueued() throws IOException {
        byte[] records = engine.readOutput();
        if (records.length > 0) {
            if (socketOutput == null) {
                socketOutput = socket.getOutputStream();
            }
            socketOutput.write(records);
            socketOutput.flush();
        }
    }

    private void closeSocketIfOver() throws IOException {
        if (engine.isClosed()) {
            socket.close();
        }
    }
}
