package org.layeredtls.handshake.state;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayDeque;

import org.layeredtls.alert.Alert;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.AlertObserver;
import org.layeredtls.alert.AlertProtocol;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.ccs.ChangeCipherSpecProtocol;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeMessages;
import org.layeredtls.handshake.message.HandshakeReassembler;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.HelloRequest;
import org.layeredtls.handshake.message.V2ClientHello;
import org.layeredtls.record.CbcRecordSplitting;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.RecordLayer;
import org.layeredtls.record.TLSPlaintext;

/**
 * One TLS connection: the four SSL sub-protocols wired together over a socket. Reading drives
 * everything: each record read goes to the protocol of its content type — alerts to the Alert
 * protocol, ChangeCipherSpec to the current handshake state, handshake messages (reassembled
 * across records) to the state machine, application data to the application once the first
 * handshake is done. Any error found on the way is sent as its fatal alert, and the socket closed.
 *
 * <p>One thread may read while another writes; a renegotiation that runs while reading switches
 * the write keys under the same lock that application writes take.
 */
public final class Connection {

    final TlsConfig config;
    final boolean client;
    final Socket socket;
    final RecordLayer records;
    final AlertProtocol alerts;
    final ChangeCipherSpecProtocol ccs;
    final InterceptedOutput intercepted; // research hook (org.layeredtls.handshake.intercept), null = none
    private final HandshakeReassembler reassembler;
    private final java.util.concurrent.locks.ReentrantLock readLock = new java.util.concurrent.locks.ReentrantLock();
    private final Object writeLock = new Object();

    private HandshakeState state;
    private HandshakeContext handshake;
    private boolean firstHandshakeDone;
    private int handshakesCompleted;
    private boolean renegotiationRefused;
    private SessionInfo sessionInfo;
    private boolean secureRenegotiation;
    private byte[] clientVerifyData = new byte[0];
    private byte[] serverVerifyData = new byte[0];
    private Runnable invalidateSession = () -> { };

    private String peerHost;
    private int peerPort;

    private final ArrayDeque<byte[]> applicationData = new ArrayDeque<>();
    private int applicationDataOffset;

    // Limits against hostile peers (TlsConfig, README "Limits and policies").
    private final HandshakeDeadline handshakeDeadline;
    private final NoProgressLimits noProgress;
    private final ClientRenegotiationPolicy clientRenegotiations;
    private boolean helloRequestSent; // a server's renegotiation: the next ClientHello answers our HelloRequest

    public Connection(Socket socket, TlsConfig config, boolean client) throws IOException {
        this.socket = socket;
        this.config = config;
        this.client = client;
        this.handshakeDeadline = new HandshakeDeadline(socket.getInputStream(), socket);
        this.noProgress = new NoProgressLimits(config.warningAlertLimit(), config.emptyRecordLimit());
        this.clientRenegotiations = new ClientRenegotiationPolicy(config);
        this.reassembler = HandshakeReassembler.withMaxCertificateList(config.maxCertificateList());
        this.records = new RecordLayer(handshakeDeadline, new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 15), socket);
        this.records.setObserver(config.observer());
        this.alerts = new AlertProtocol(records, () -> invalidateSession.run(), config.observer());
        this.ccs = new ChangeCipherSpecProtocol(records, config.observer());
        // Research hooks: see org.layeredtls.handshake.intercept.
        var recordInterceptor = config.recordInterceptor();
        if (recordInterceptor != null) {
            records.setRecordInterceptor((type, sequenceNumber, record) -> recordInterceptor.intercept(
                    new org.layeredtls.handshake.intercept.OutgoingRecord(type, sequenceNumber, record)));
        }
        this.intercepted = config.handshakeInterceptor() == null ? null
                : new InterceptedOutput(this, config.handshakeInterceptor());
    }

    /** The host and port this client connected to: the default server name and the session store key. */
    public void setPeer(String host, int port) {
        this.peerHost = host;
        this.peerPort = port;
    }

    /** The key under which a client keeps sessions for this server. */
    String peerKey() {
        String name = config.serverName() != null ? config.serverName()
                : peerHost != null ? peerHost : socket.getInetAddress().getHostAddress();
        return name + ":" + (peerPort != 0 ? peerPort : socket.getPort());
    }

    /** The name a client sends in SNI: the configured server name, or the host connected to; never an IP literal (RFC 6066 §3). */
    String sniHostName() {
        String name = config.serverName() != null ? config.serverName() : peerHost;
        return name == null || isIpLiteral(name) ? null : name;
    }

    /** The name the server certificate must match: the configured server name, or the host connected to. */
    String expectedPeerName() {
        return config.serverName() != null ? config.serverName() : peerHost;
    }

    private static boolean isIpLiteral(String name) {
        return name.indexOf(':') >= 0 || name.matches("[0-9.]+");
    }

    /** SSL 3.0's way for a client to say it has no certificate (RFC 6101 §5.6.6). */
    void sendNoCertificateWarning() throws IOException {
        sendWarning(AlertDescription.NO_CERTIFICATE_RESERVED);
    }

    // ------------------------------------------------------------------ the handshake

    /** Runs the first handshake if it has not run yet. */
    public void handshake() throws IOException {
        if (firstHandshakeDone) {
            return;
        }
        readLock.lock();
        try {
            if (firstHandshakeDone) {
                return;
            }
            if (state == null) {
                begin();
            }
            runUntilConnected();
        } finally {
            readLock.unlock();
        }
    }

    /**
     * Starts a new handshake on an established connection. A client sends a new ClientHello; a
     * server sends HelloRequest, and the handshake runs when the client answers (a client may
     * refuse with a no_renegotiation warning, which ends this call without a new handshake).
     */
    public void renegotiate() throws IOException {
        handshake();
        readLock.lock();
        try {
            if (!secureRenegotiation) {
                throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, org.layeredtls.alert.TlsLayer.HANDSHAKE,
                        "the peer does not support secure renegotiation (RFC 5746); insecure renegotiation is refused");
            }
            int before = handshakesCompleted;
            if (client) {
                begin();
            } else {
                renegotiationRefused = false;
                helloRequestSent = true;
                // The same path as every outgoing message (observer, research hook); RFC 5246 §7.4.1.1: not hashed.
                handshake.send(new HelloRequest());
                handshake.flush();
            }
            while (handshakesCompleted == before && !renegotiationRefused) {
                if (!processNextRecordOfHandshake()) {
                    throw streamEndedDuringHandshake(null);
                }
            }
        } finally {
            readLock.unlock();
        }
    }

    private void begin() throws IOException {
        handshake = new HandshakeContext(this);
        handshake.secureRenegotiation = secureRenegotiation;
        handshake.clientVerifyData = clientVerifyData;
        handshake.serverVerifyData = serverVerifyData;
        handshakeDeadline.start(config.handshakeTimeout());
        HandshakeState first = client ? ClientHandshake.start(handshake) : new ServerHandshake.ExpectClientHello();
        moveTo(first);
    }

    private void runUntilConnected() throws IOException {
        while (!(state instanceof HandshakeState.Connected)) {
            if (!processNextRecordOfHandshake()) {
                throw streamEndedDuringHandshake(null);
            }
        }
    }

    /**
     * {@link #processNextRecord()} while a handshake runs: the stream ending inside a record ends the
     * handshake, and so does the peer's close_notify (RFC 5246 §7.2.1: it closes the peer's side, and
     * the Alert protocol has answered it and closed the connection).
     */
    private boolean processNextRecordOfHandshake() throws IOException {
        boolean read;
        try {
            read = processNextRecord();
        } catch (EOFException insideARecord) {
            throw streamEndedDuringHandshake(insideARecord);
        }
        if (read && alerts.isInboundClosed()) {
            throw new EOFException("handshake layer: the peer sent close_notify during the handshake");
        }
        return read;
    }

    /**
     * The peer's stream ended before the handshake completed, between records or inside one. RFC 5246
     * names no alert for it; OpenSSL 3.0 answers a fatal decode_error ("unexpected eof while reading"),
     * even to a peer that sent nothing, and so do we: a close_notify would announce the orderly close
     * of a connection that never got going, and the half-made session must never be resumed.
     */
    private IOException streamEndedDuringHandshake(EOFException insideARecord) {
        TlsAlertException ended = HandshakeContext.alert(AlertDescription.DECODE_ERROR,
                "the peer's stream ended during the handshake" + (insideARecord == null ? "" : ", inside a record"));
        if (insideARecord != null) {
            ended.addSuppressed(insideARecord);
        }
        flushInterceptedRecord();
        return alerts.fail(ended);
    }

    /**
     * Reads one record and hands it to the protocol of its type.
     *
     * @return false when the stream ended before a record
     */
    private boolean processNextRecord() throws IOException {
        try {
            if (!client && config.acceptSslv2ClientHello() && records.isAtFirstRecord()) {
                byte[] v2Hello = records.readSslv2ClientHello(); // RFC 5246 Appendix E.2
                if (v2Hello != null) {
                    receiveV2ClientHello(v2Hello);
                    return true;
                }
            }
            TLSPlaintext record = records.readRecord();
            if (record == null) {
                return false;
            }
            noProgress.received(record);
            switch (record.type()) {
                case ALERT -> receiveAlert(record.fragment());
                case CHANGE_CIPHER_SPEC -> {
                    if (reassembler.hasPartialMessage()) {
                        // RFC 5246 §7.1: the CCS may not split a handshake message.
                        throw HandshakeContext.alert(AlertDescription.UNEXPECTED_MESSAGE,
                                "ChangeCipherSpec in the middle of a handshake message");
                    }
                    HandshakeState next = current().changeCipherSpec(handshake);
                    ccs.receive(record.fragment());
                    records.setRequiredReadVersion(handshake.version);
                    moveTo(next);
                }
                case HANDSHAKE -> {
                    for (HandshakeFrame frame : reassembler.add(record.fragment())) {
                        receiveHandshake(frame);
                    }
                }
                case APPLICATION_DATA -> {
                    if (!firstHandshakeDone) {
                        throw HandshakeContext.alert(AlertDescription.UNEXPECTED_MESSAGE,
                                "application data before the first handshake finished");
                    }
                    if (!current().allowsApplicationData()) { // RFC 5246 §7.4.9: a renegotiation's CCS, then Finished
                        throw HandshakeContext.alert(AlertDescription.UNEXPECTED_MESSAGE,
                                "application data between the peer's ChangeCipherSpec and its Finished");
                    }
                    if (record.length() > 0) {
                        applicationData.add(record.fragment());
                    }
                }
            }
            return true;
        } catch (TlsAlertException e) {
            flushInterceptedRecord();
            throw alerts.fail(e);
        }
    }

    private HandshakeState current() throws TlsAlertException {
        if (state == null) {
            throw HandshakeContext.alert(AlertDescription.UNEXPECTED_MESSAGE, "nothing is expected before the handshake starts");
        }
        return state;
    }

    private void receiveAlert(byte[] fragment) throws IOException {
        Alert alert = alerts.receive(fragment);
        if (alert.description().equals(AlertDescription.NO_RENEGOTIATION)) {
            renegotiationRefused = true;
            handshakeDeadline.stop(); // our renegotiation will not happen: nothing to time out
        } else if (alert.description().equals(AlertDescription.NO_CERTIFICATE_RESERVED)
                && state instanceof ServerHandshake.ExpectClientCertificate expecting) {
            // SSL 3.0 (RFC 6101 §5.4.2): a client without a certificate says so with this warning.
            moveTo(expecting.noCertificate(handshake));
        }
    }

    private void receiveHandshake(HandshakeFrame frame) throws IOException {
        if (frame.type() == HandshakeType.HELLO_REQUEST) {
            if (!client) {
                throw HandshakeContext.alert(AlertDescription.UNEXPECTED_MESSAGE, "a server never receives HelloRequest");
            }
            HandshakeMessage request = HandshakeMessages.decode(frame, handshake.decodeContext());
            config.observer().handshakeMessageReceived(request, frame.bytes());
            helloRequest();
            return;
        }
        if (!client && frame.type() == HandshakeType.CLIENT_HELLO && state instanceof HandshakeState.Connected) {
            if (!acceptRenegotiation()) {
                return;
            }
            begin();
        }
        if (!current().expects(frame.type())) {
            // RFC 5246 §7.4: the type alone makes it unexpected_message, before its body is read.
            throw HandshakeState.unexpected(state, frame.type().toString());
        }
        HandshakeMessage message = HandshakeMessages.decode(frame, handshake.decodeContext());
        config.observer().handshakeMessageReceived(message, frame.bytes());
        moveTo(current().handle(handshake, new ReceivedMessage(message, frame)));
    }

    /**
     * An SSLv2-compatible ClientHello as the first record (RFC 5246 Appendix E.2): the server goes on
     * with the ClientHello it stands for, and the transcript takes the SSL 2.0 message bytes.
     */
    private void receiveV2ClientHello(byte[] message) throws IOException {
        ClientHello hello = V2ClientHello.decode(message).toClientHello();
        config.observer().handshakeMessageReceived(hello, message);
        moveTo(current().handle(handshake, ReceivedMessage.v2ClientHello(hello, message)));
    }

    /** RFC 5246 §7.4.1.1: a client ignores HelloRequest during a handshake; otherwise it may renegotiate. */
    private void helloRequest() throws IOException {
        if (!(state instanceof HandshakeState.Connected)) {
            return;
        }
        if (config.allowRenegotiation() && secureRenegotiation) {
            begin();
        } else {
            refuseRenegotiation();
        }
    }

    /** A ClientHello on an established connection: renegotiation started by the client. */
    private boolean acceptRenegotiation() throws IOException {
        boolean askedFor = helloRequestSent;
        helloRequestSent = false;
        if (secureRenegotiation && (askedFor ? config.allowRenegotiation() : clientRenegotiations.accept())) {
            return true;
        }
        // Off by default, as OpenSSL 3; when on, beyond TlsConfig.clientRenegotiationLimit per window.
        refuseRenegotiation();
        return false;
    }

    /**
     * RFC 5246 §7.2.2 / RFC 5746 §4.4: a renegotiation is declined with a no_renegotiation warning.
     * SSL 3.0 has no such alert and no way to refuse at warning level, so there the refusal is a
     * fatal handshake_failure (RFC 5746 §4.5, as OpenSSL does).
     */
    private void refuseRenegotiation() throws IOException {
        if (sessionInfo != null && sessionInfo.version().isSsl3()) {
            throw HandshakeContext.alert(AlertDescription.HANDSHAKE_FAILURE,
                    "SSL 3.0 has no no_renegotiation alert: a refused renegotiation is fatal (RFC 5746 §4.5)");
        }
        sendWarning(AlertDescription.NO_RENEGOTIATION);
    }

    private void sendWarning(AlertDescription description) throws IOException {
        synchronized (writeLock) {
            flushInterceptedRecord();
            alerts.sendWarning(description);
        }
    }

    private void moveTo(HandshakeState next) {
        String from = state == null ? "Start" : state.name();
        state = next;
        config.observer().handshakeStateChanged(client, from, next.name());
        if (next instanceof HandshakeState.Connected) {
            handshakeCompleted();
        }
    }

    private void handshakeCompleted() {
        HandshakeContext done = handshake;
        handshakeDeadline.stop();
        firstHandshakeDone = true;
        handshakesCompleted++;
        sessionInfo = done.sessionInfo();
        secureRenegotiation = done.secureRenegotiation;
        clientVerifyData = done.clientVerifyData;
        serverVerifyData = done.serverVerifyData;
        invalidateSession = done.invalidation();
        if (done.maxFragmentLength > 0) {
            records.setSendFragmentLimit(done.maxFragmentLength);
            records.setReceiveFragmentLimit(done.maxFragmentLength);
        }
    }

    // ------------------------------------------------------------------ writing

    void writeHandshake(byte[] bytes) throws IOException {
        synchronized (writeLock) {
            records.write(ContentType.HANDSHAKE, bytes);
        }
    }

    /** An outgoing handshake message handed to the research hook (see HandshakeContext.send). */
    void interceptHandshake(HandshakeMessage message, byte[] bytes, org.layeredtls.handshake.prf.TranscriptHash transcript,
                            boolean hashed) throws IOException {
        synchronized (writeLock) {
            intercepted.message(message, bytes, transcript, hashed);
        }
    }

    void sendChangeCipherSpec(ConnectionState next) throws IOException {
        synchronized (writeLock) {
            records.setPendingWriteState(next);
            // BEAST countermeasure for the application data the new state protects (SSL 3.0/TLS 1.0 CBC).
            records.setCbcRecordSplitting(config.cbcRecordSplitting()
                    && CbcRecordSplitting.isNeeded(records.writeVersion(), next.cipherSpec()));
            if (intercepted != null && !intercepted.changeCipherSpec()) {
                records.activatePendingWriteState(); // research hook dropped the CCS: our keys switch all the same
                return;
            }
            ccs.send();
        }
    }

    /** Research hook: handshake bytes an interceptor left in its current record go out before an alert does. */
    private void flushInterceptedRecord() {
        if (intercepted == null) {
            return;
        }
        synchronized (writeLock) {
            try {
                intercepted.flushRecord();
            } catch (IOException gone) {
                // the socket is going away: the alert's own write reports it
            }
        }
    }

    void flush() throws IOException {
        synchronized (writeLock) {
            if (intercepted != null) {
                intercepted.flushRecord(); // research hook: the end of a flight ends its last record
            }
            records.flush();
        }
    }

    // ------------------------------------------------------------------ application data

    /** Reads application data; -1 once the peer has closed (close_notify, or the stream ended). */
    public int read(byte[] buffer, int offset, int length) throws IOException {
        handshake();
        if (length == 0) {
            return 0;
        }
        readLock.lock();
        try {
            while (applicationData.isEmpty()) {
                if (alerts.isInboundClosed() || !processNextRecord()) {
                    return -1;
                }
            }
            byte[] head = applicationData.peek();
            int n = Math.min(length, head.length - applicationDataOffset);
            System.arraycopy(head, applicationDataOffset, buffer, offset, n);
            applicationDataOffset += n;
            if (applicationDataOffset == head.length) {
                applicationData.poll();
                applicationDataOffset = 0;
            }
            return n;
        } finally {
            readLock.unlock();
        }
    }

    /** Bytes that can be read without blocking. */
    public int available() {
        readLock.lock();
        try {
            int total = -applicationDataOffset;
            for (byte[] chunk : applicationData) {
                total += chunk.length;
            }
            return Math.max(0, total);
        } finally {
            readLock.unlock();
        }
    }

    public void write(byte[] buffer, int offset, int length) throws IOException {
        handshake();
        synchronized (writeLock) {
            if (alerts.isOutboundClosed()) {
                throw new IOException("handshake layer: the connection is closed for writing");
            }
            records.write(ContentType.APPLICATION_DATA, buffer, offset, length);
            records.flush();
        }
    }

    /**
     * Sends close_notify (once), waits a bounded time for the peer's close_notify or end of stream
     * ({@code TlsConfig.closeTimeout}), and closes the socket.
     */
    public void close() throws IOException {
        try {
            synchronized (writeLock) {
                if (!socket.isClosed()) {
                    flushInterceptedRecord();
                    alerts.sendCloseNotify();
                }
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
     * for at most the close timeout, until the peer's close_notify or the end of its stream,
     * discarding whatever else comes. Skipped when another thread is reading (it will see the
     * socket close) or when the connection is already over.
     */
    private void awaitPeerClose() throws IOException {
        long timeoutMillis = config.closeTimeout().toMillis();
        if (timeoutMillis == 0 || socket.isClosed() || alerts.isInboundClosed() || !readLock.tryLock()) {
            return;
        }
        try {
            handshakeDeadline.stop();
            socket.setSoTimeout((int) Math.min(timeoutMillis, Integer.MAX_VALUE));
            long deadline = System.nanoTime() + config.closeTimeout().toNanos();
            while (!alerts.isInboundClosed() && !socket.isClosed() && System.nanoTime() < deadline) {
                TLSPlaintext record = records.readRecord();
                if (record == null) {
                    return; // the peer closed its end: no reset either way
                }
                if (record.type() == ContentType.ALERT) {
                    alerts.receive(record.fragment()); // close_notify closes the transport
                }
            }
        } catch (java.net.SocketTimeoutException | org.layeredtls.alert.TlsException notClean) {
            // no close_notify in time, or the peer's fatal alert / a malformed record: close anyway
        } finally {
            readLock.unlock();
        }
    }

    public SessionInfo sessionInfo() {
        return sessionInfo;
    }

    public boolean isHandshakeDone() {
        return firstHandshakeDone;
    }

    /** Whether the peer's last offer to renegotiate was refused, or it refused ours. */
    public boolean renegotiationRefused() {
        return renegotiationRefused;
    }

    public AlertObserver alertObserver() {
        return config.observer();
    }
}
