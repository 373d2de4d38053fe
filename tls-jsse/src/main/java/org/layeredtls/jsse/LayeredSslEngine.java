package org.layeredtls.jsse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BiFunction;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.engine.TlsEngine;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.RecordFraming;
import org.layeredtls.record.RecordLimits;

/**
 * A JSSE {@link SSLEngine} over a LayeredTLS {@link TlsEngine}: {@code wrap} hands out the records the engine
 * has made (whole records, as many as fit) or protects the caller's application data into a new one;
 * {@code unwrap} takes exactly one whole record out of the caller's buffer and gives the engine it, then hands
 * out the application data it carried. The engine owns no thread: there are no delegated tasks
 * ({@link #getDelegatedTask()} is always null, the handshake runs inside {@code wrap} and {@code unwrap}).
 *
 * <p>Until the handshake begins ({@link #beginHandshake()}, or the first {@code wrap} or {@code unwrap}) the
 * engine only collects its mode and parameters; then the connection's {@link TlsConfig} is built from them
 * ({@link LayeredSslContextSpi#connectionConfig}) and they cannot change. The mode must be set first, as in
 * SunJSSE. Failures are {@link SSLHandshakeException}s during the handshake and {@link SSLException}s after,
 * with the stack's alert exception as the cause; the fatal alert then waits to be wrapped (NEED_WRAP).
 * {@code wrap} and {@code unwrap} may be called from different threads: each call holds the engine's lock.
 */
final class LayeredSslEngine extends SSLEngine {

    /** RFC 5246 §6.2.3: the most a record adds to its plaintext (header, compression, protection). */
    static final int RECORD_EXPANSION = RecordLimits.HEADER_LENGTH + RecordLimits.MAX_COMPRESSION_EXPANSION
            + RecordLimits.MAX_PROTECTION_EXPANSION;

    private final LayeredSslContextSpi context;
    private final EngineParameters parameters;
    private final OutgoingRecords outgoing = new OutgoingRecords();
    private TlsEngine tls; // null until the handshake begins
    private SentCertificates sent;
    private LayeredSslSession session;
    private int handshakesReported; // FINISHED is reported once for each handshake completed
    private boolean inboundClosedEarly; // closeInbound() / closeOutbound() before the handshake began
    private boolean outboundClosedEarly;
    private volatile BiFunction<SSLEngine, List<String>, String> protocolSelector;

    LayeredSslEngine(LayeredSslContextSpi context, String peerHost, int peerPort) {
        super(peerHost, peerPort);
        this.context = context;
        this.parameters = new EngineParameters(context.engineGetDefaultSSLParameters());
    }

    // ------------------------------------------------------------------ the handshake

    @Override
    public synchronized void beginHandshake() throws SSLException {
        if (tls == null) {
            if (inboundClosedEarly || outboundClosedEarly) {
                throw new SSLException("the engine is closed: no handshake can begin");
            }
            begin();
        } else if (tls.isHandshakeDone() && !tls.isHandshaking() && !tls.isClosed()) {
            try {
                tls.renegotiate(); // RFC 5746: a new handshake on the established connection
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }

    private void begin() throws SSLException {
        if (!parameters.modeSet()) {
            throw new IllegalStateException("the client/server mode has not been set: call setUseClientMode first");
        }
        boolean client = parameters.clientMode();
        SentCertificates watcher = new SentCertificates();
        TlsConfig config;
        try {
            config = context.connectionConfig(parameters.current(), client, getPeerHost(), watcher);
        } catch (SSLException e) {
            throw e;
        } catch (IOException e) {
            throw new SSLException(e.getMessage(), e);
        }
        BiFunction<SSLEngine, List<String>, String> selector = protocolSelector;
        if (!client && selector != null) {
            config = config.toBuilder().alpnSelector(offered -> selector.apply(this, offered)).build();
        }
        if (!client && config.certifiedKeys().isEmpty()) {
            throw new SSLHandshakeException("a server needs its key: init the SSLContext with a KeyManager that holds one");
        }
        TlsEngine engine = client ? TlsEngine.client(config, getPeerHost(), getPeerPort()) : TlsEngine.server(config);
        try {
            engine.beginHandshake();
        } catch (IOException e) {
            throw failure(e);
        }
        sent = watcher;
        tls = engine;
        parameters.freeze();
    }

    /** None: the handshake's work is done inside wrap and unwrap. */
    @Override
    public Runnable getDelegatedTask() {
        return null;
    }

    @Override
    public synchronized HandshakeStatus getHandshakeStatus() {
        outgoing.takeFrom(tls);
        if (!outgoing.isEmpty()) {
            return HandshakeStatus.NEED_WRAP; // records wait: a flight, an alert, a close_notify
        }
        if (tls == null || tls.isClosed()) {
            return HandshakeStatus.NOT_HANDSHAKING;
        }
        if ((!tls.isHandshakeDone() || tls.isHandshaking()) && !tls.isInboundClosed()) {
            return HandshakeStatus.NEED_UNWRAP;
        }
        return HandshakeStatus.NOT_HANDSHAKING;
    }

    // FINISHED once, in the result of the call that completed a handshake and handed out its last record
    private HandshakeStatus statusAfterCall() {
        HandshakeStatus status = getHandshakeStatus();
        if (tls != null && status != HandshakeStatus.NEED_WRAP && tls.handshakesCompleted() > handshakesReported) {
            handshakesReported = tls.handshakesCompleted();
            return HandshakeStatus.FINISHED;
        }
        return status;
    }

    // ------------------------------------------------------------------ wrap: records out

    @Override
    public synchronized SSLEngineResult wrap(ByteBuffer[] sources, int offset, int length, ByteBuffer destination)
            throws SSLException {
        BufferSequence data = new BufferSequence(sources, offset, length, false);
        BufferSequence.requireWritable(destination);
        if (tls == null && !outboundClosedEarly) {
            begin(); // SunJSSE's rule too: the first wrap begins the handshake
        }
        checkHandshakeTimeout();
        outgoing.takeFrom(tls);
        int consumed = 0;
        int produced = 0;
        if (!outgoing.isEmpty()) {
            if (outgoing.nextRecordLength() > destination.remaining()) {
                return new SSLEngineResult(Status.BUFFER_OVERFLOW, getHandshakeStatus(), 0, 0);
            }
            produced = outgoing.moveTo(destination);
        } else if (tls != null && tls.isHandshakeDone() && !tls.isOutboundClosed() && data.remaining() > 0) {
            // RFC 5246 §6.2.1: at most 2^14 bytes of plaintext a record; what the destination holds after expansion
            int room = destination.remaining() - RECORD_EXPANSION;
            if (room <= 0) {
                return new SSLEngineResult(Status.BUFFER_OVERFLOW, getHandshakeStatus(), 0, 0);
            }
            consumed = (int) Math.min(Math.min(data.remaining(), RecordLimits.MAX_PLAINTEXT_LENGTH), room);
            try {
                tls.writeApplicationData(data.take(consumed));
            } catch (IOException e) {
                throw failure(e);
            }
            outgoing.takeFrom(tls);
            produced = outgoing.moveTo(destination);
        }
        Status status = isOutboundDone() ? Status.CLOSED : Status.OK;
        return new SSLEngineResult(status, statusAfterCall(), consumed, produced);
    }

    // ------------------------------------------------------------------ unwrap: one record in

    @Override
    public synchronized SSLEngineResult unwrap(ByteBuffer source, ByteBuffer[] destinations, int offset, int length)
            throws SSLException {
        if (source == null) {
            throw new IllegalArgumentException("the source buffer is null");
        }
        BufferSequence plaintext = new BufferSequence(destinations, offset, length, true);
        if (tls == null && !inboundClosedEarly) {
            begin(); // the first unwrap begins the handshake (a server's usual start)
        }
        checkHandshakeTimeout();
        if (tls != null && tls.availableApplicationData() > 0) {
            int produced = plaintext.fill(tls); // data a record carried that did not fit last time
            return new SSLEngineResult(isInboundDone() ? Status.CLOSED : Status.OK, statusAfterCall(), 0, produced);
        }
        if (isInboundDone()) {
            return new SSLEngineResult(Status.CLOSED, getHandshakeStatus(), 0, 0);
        }
        byte[] header = BufferSequence.peek(source, Math.min(source.remaining(), RecordLimits.HEADER_LENGTH));
        int recordLength = tls.recordLength(header, 0, header.length);
        if (recordLength == RecordFraming.UNKNOWN || recordLength > source.remaining()) {
            return new SSLEngineResult(Status.BUFFER_UNDERFLOW, getHandshakeStatus(), 0, 0);
        }
        if (header[0] == ContentType.APPLICATION_DATA.code() && plaintext.remaining() < plaintextBound(recordLength)) {
            return new SSLEngineResult(Status.BUFFER_OVERFLOW, getHandshakeStatus(), 0, 0);
        }
        byte[] record = new byte[recordLength];
        source.get(record);
        try {
            tls.bufferInput(record, 0, record.length);
            tls.processRecord();
        } catch (IOException e) {
            throw failure(e);
        }
        int produced = plaintext.fill(tls);
        return new SSLEngineResult(isInboundDone() ? Status.CLOSED : Status.OK, statusAfterCall(), recordLength, produced);
    }

    // the most plaintext a record of this length carries: its fragment, or 2^14 bytes when DEFLATE may have shrunk it
    private int plaintextBound(int recordLength) {
        SessionInfo info = tls.sessionInfo();
        boolean compressed = info != null && info.compression() != CompressionMethod.NULL;
        return compressed ? RecordLimits.MAX_PLAINTEXT_LENGTH
                : Math.min(recordLength - RecordLimits.HEADER_LENGTH, RecordLimits.MAX_PLAINTEXT_LENGTH);
    }

    // no clock thread: the handshake's deadline (TlsConfig.handshakeTimeout) is checked on each call
    private void checkHandshakeTimeout() throws SSLException {
        if (tls != null && tls.handshakeDeadline().isPresent()) {
            try {
                tls.checkHandshakeTimeout(System.nanoTime());
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }

    private SSLException failure(IOException cause) {
        SSLException failure = tls == null || !tls.isHandshakeDone()
                ? new SSLHandshakeException(cause.getMessage()) : new SSLException(cause.getMessage());
        failure.initCause(cause);
        return failure;
    }

    // ------------------------------------------------------------------ close (RFC 5246 §7.2.1)

    /** Queues close_notify (after the handshake began): the next wrap hands it out. */
    @Override
    public synchronized void closeOutbound() {
        if (tls == null) {
            outboundClosedEarly = true;
            return;
        }
        try {
            tls.closeOutbound();
        } catch (IOException e) {
            // the connection failed while closing: nothing more can be sent, so the outbound side is done
            outboundClosedEarly = true;
        }
    }

    @Override
    public synchronized boolean isOutboundDone() {
        outgoing.takeFrom(tls);
        return outgoing.isEmpty() && (tls == null ? outboundClosedEarly : tls.isOutboundClosed() || outboundClosedEarly);
    }

    /**
     * No more input will come. Without the peer's close_notify that may be a truncation attack: as in SunJSSE, an
     * {@link SSLException} says so (after the handshake began), and our close_notify is queued.
     */
    @Override
    public synchronized void closeInbound() throws SSLException {
        if (tls == null) {
            inboundClosedEarly = true;
            return;
        }
        if (tls.isInboundClosed()) {
            return;
        }
        try {
            tls.endOfInput();
            tls.closeOutbound();
        } catch (IOException e) {
            throw failure(e);
        }
        throw new SSLException("closing inbound before receiving the peer's close_notify: a truncation attack is possible"
                + " (RFC 5246 §7.2.1)");
    }

    @Override
    public synchronized boolean isInboundDone() {
        if (tls == null) {
            return inboundClosedEarly;
        }
        return tls.isInboundClosed() && tls.availableApplicationData() == 0;
    }

    // ------------------------------------------------------------------ the session

    @Override
    public synchronized SSLSession getSession() {
        SessionInfo info = tls == null ? null : tls.sessionInfo();
        if (info == null) {
            return new LayeredSslSession(null, null, getPeerHost(), getPeerPort(), context.sessionContext(parameters.clientMode()));
        }
        if (session == null || session.info() != info) {
            session = new LayeredSslSession(info, sent.chain(), getPeerHost(), getPeerPort(),
                    context.sessionContext(parameters.clientMode()));
        }
        session.accessed();
        return session;
    }

    /** While a handshake runs: a session that shows the buffer sizes and the peer (what is agreed comes with getSession()). */
    @Override
    public synchronized SSLSession getHandshakeSession() {
        if (tls == null || tls.isClosed() || (tls.isHandshakeDone() && !tls.isHandshaking())) {
            return null;
        }
        return new LayeredSslSession(null, null, getPeerHost(), getPeerPort(), context.sessionContext(parameters.clientMode()));
    }

    @Override
    public synchronized String getApplicationProtocol() {
        SessionInfo info = tls == null ? null : tls.sessionInfo();
        if (info == null) {
            return null;
        }
        return info.applicationProtocol() == null ? "" : info.applicationProtocol();
    }

    /**
     * A server's choice of application protocol among the client's (RFC 7301 §3.2), made during the handshake
     * in place of the first of {@code SSLParameters.getApplicationProtocols()} the client offers: "" for no ALPN,
     * null or a protocol not offered for a no_application_protocol alert ({@code TlsConfig.alpnSelector}).
     * Set before the handshake begins.
     */
    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
        protocolSelector = selector;
    }

    @Override
    public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return protocolSelector;
    }

    /** Not known before the handshake ends: the stack tells what was agreed when it is. */
    @Override
    public String getHandshakeApplicationProtocol() {
        return null;
    }

    // ------------------------------------------------------------------ parameters (before the handshake)

    @Override
    public String[] getSupportedCipherSuites() {
        return CipherSuiteNames.supported();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return parameters.current().getCipherSuites().clone();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        parameters.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return ProtocolNames.SUPPORTED.toArray(String[]::new);
    }

    @Override
    public String[] getEnabledProtocols() {
        return parameters.current().getProtocols().clone();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        parameters.setEnabledProtocols(protocols);
    }

    @Override
    public void setUseClientMode(boolean mode) {
        parameters.setClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return parameters.clientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        parameters.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return parameters.current().getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        parameters.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return parameters.current().getWantClientAuth();
    }

    /** Recorded only: this stack always may create a new session. */
    @Override
    public void setEnableSessionCreation(boolean flag) {
        parameters.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return parameters.enableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return SslParametersCopy.copy(parameters.current());
    }

    /** By JSSE's rules (null lists keep the current ones); a {@link LayeredSslParameters} also sets this engine's hooks. */
    @Override
    public void setSSLParameters(SSLParameters update) {
        parameters.set(update);
    }

    @Override
    public String toString() {
        return "LayeredSslEngine[" + (parameters.clientMode() ? "client" : "server") + ", " + getPeerHost() + ":"
                + getPeerPort() + ", " + (tls == null ? "not begun" : tls.isHandshakeDone() ? "handshake done" : "handshaking") + "]";
    }
}
