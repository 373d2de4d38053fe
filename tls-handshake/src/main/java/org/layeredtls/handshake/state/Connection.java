package org.layeredtls.handshake.state;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.OptionalLong;

import org.layeredtls.alert.Alert;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.AlertProtocol;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.ccs.ChangeCipherSpecProtocol;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.DecodeContext;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeMessages;
import org.layeredtls.handshake.message.HandshakeReassembler;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.HelloRequest;
import org.layeredtls.handshake.message.V2ClientHello;
import org.layeredtls.handshake.suite.KeyExchangeAlgorithm;
import org.layeredtls.record.CbcRecordSplitting;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.RecordLayer;
import org.layeredtls.record.RecordObserver;
import org.layeredtls.record.TLSPlaintext;

/**
 * One TLS connection: the four SSL sub-protocols wired together, driven by records the caller has
 * already received. {@link #processNextRecord()} hands one record to the protocol of its content
 * type — alerts to the Alert protocol, ChangeCipherSpec to the current handshake state, handshake
 * messages (reassembled across records) to the state machine, application data to a queue the
 * application reads once the first handshake is done. Any error found on the way is queued as its
 * fatal alert, and the connection is over.
 *
 * <p>The connection has no socket and no thread: it reads records from an input that the caller
 * fills before each call ({@code org.layeredtls.handshake.engine.TlsEngine} makes sure a whole
 * record is there, so the record layer never waits) and writes records to an output the caller
 * empties. One thread may process records while another writes: a renegotiation that runs while
 * reading switches the write keys under the same lock that application writes take.
 *
 * <p>Research hooks (package {@code intercept}, all off by default) sit on both sides: what we send
 * goes through {@link InterceptedOutput}; the peer's records through {@link InterceptedRecordInput}
 * before the record layer, and its messages through {@link InterceptedInput} before the state machine.
 */
public final class Connection {

    final TlsConfig config;
    final boolean client;
    final RecordLayer records;
    final AlertProtocol alerts;
    final ChangeCipherSpecProtocol ccs;
    final InterceptedOutput intercepted; // research hook (org.layeredtls.handshake.intercept), null = none
    private final InterceptedInput interceptedInput; // research hook on the peer's messages, null = none
    private final InterceptedRecordInput interceptedRecords; // research hook on the peer's records, null = none
    private final HandshakeReassembler reassembler;
    private final Object writeLock = new Object();
    private final String peerHost;
    private final int peerPort;

    private volatile HandshakeState state;
    // The running handshake's state; null between handshakes, so that what a handshake learnt
    // (hellos, extensions, transcript, key exchange) is released when it ends. What the next
    // handshake needs is kept below: the session, the verify_data, the secure_renegotiation flag.
    private HandshakeContext handshake;
    private volatile boolean firstHandshakeDone;
    private volatile int handshakesCompleted;
    private volatile boolean renegotiationRefused;
    private volatile SessionInfo sessionInfo;
    private boolean secureRenegotiation;
    private byte[] clientVerifyData = new byte[0];
    private byte[] serverVerifyData = new byte[0];
    private Runnable invalidateSession = () -> { };
    // TLS 1.3 once its handshake is done: KeyUpdate, NewSessionTicket (null before, and for TLS 1.2 and below)
    private volatile Tls13PostHandshake tls13;
    // what the last handshake leaves for keying material exporters (RFC 8446 §7.5, RFC 5705); null before
    private volatile KeyingMaterialExporter exporter;
    private final org.layeredtls.ccs.Tls13CompatibilityCcs compatibilityCcs = new org.layeredtls.ccs.Tls13CompatibilityCcs();

    private final ApplicationDataQueue applicationData = new ApplicationDataQueue();
    // TLS 1.3 0-RTT (RFC 8446 §4.2.10): a client's data to send, a server's data received; what became of it
    private byte[] earlyDataToSend;
    private final ApplicationDataQueue earlyData = new ApplicationDataQueue();
    private volatile org.layeredtls.handshake.api.EarlyDataStatus earlyDataStatus = org.layeredtls.handshake.api.EarlyDataStatus.NOT_SENT;
    private volatile boolean inputEnded; // the transport's stream ended
    private volatile boolean closed; // the Alert protocol closed the connection (fatal alert, close_notify answered)

    // Limits against hostile peers (TlsConfig, README "Limits and policies").
    private volatile long handshakeDeadline; // System.nanoTime(); meaningful only while handshakeRunning
    private volatile boolean handshakeRunning;
    private final NoProgressLimits noProgress;
    private final ClientRenegotiationPolicy clientRenegotiations;
    private boolean helloRequestSent; // a server's renegotiation: the next ClientHello answers our HelloRequest
    private volatile boolean ownRenegotiation; // renegotiate() was called: until that handshake ends or is refused

    /**
     * @param peerHost  a client's peer: the default server name and, with {@code peerPort}, the
     *                  session store key ({@code null} for a server)
     * @param input     where records are read from; holds a whole record before each {@link #processNextRecord()}
     * @param output    where records are written
     */
    public Connection(TlsConfig config, boolean client, String peerHost, int peerPort, InputStream input, OutputStream output) {
        this.config = config;
        this.client = client;
        this.peerHost = peerHost;
        this.peerPort = peerPort;
        this.noProgress = new NoProgressLimits(config.warningAlertLimit(), config.emptyRecordLimit());
        this.clientRenegotiations = new ClientRenegotiationPolicy(config);
        this.reassembler = HandshakeReassembler.withMaxCertificateList(config.maxCertificateList());
        this.interceptedRecords = config.incomingRecordInterceptor() == null ? null
                : new InterceptedRecordInput(input, config.incomingRecordInterceptor());
        this.records = new RecordLayer(interceptedRecords == null ? input : interceptedRecords, output, () -> closed = true);
        // TlsObserver.NONE is not RecordObserver.NONE: given as is, the record layer copied every record for nobody
        this.records.setObserver(config.observer() == TlsObserver.NONE ? RecordObserver.NONE : config.observer());
        this.records.setPaddingPolicy(config.paddingPolicy()); // TLS 1.3 records only (RFC 8446 §5.4)
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
        this.interceptedInput = config.incomingHandshakeInterceptor() == null ? null
                : new InterceptedInput(client, config.incomingHandshakeInterceptor(), config.maxCertificateList());
    }

    /** The key under which a client keeps sessions for this server. */
    String peerKey() {
        String name = config.serverName() != null ? config.serverName() : peerHost;
        return name + ":" + peerPort;
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
        if (name.indexOf(':') >= 0) {
            return true; // IPv6
        }
        for (int i = 0; i < name.length(); i++) { // digits and dots only: IPv4 (String.matches compiles a regex per call)
            char c = name.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return !name.isEmpty();
    }

    /** SSL 3.0's way for a client to say it has no certificate (RFC 6101 §5.6.6). */
    void sendNoCertificateWarning() throws IOException {
        sendWarning(AlertDescription.NO_CERTIFICATE_RESERVED);
    }

    // ------------------------------------------------------------------ the handshake

    /** Starts the first handshake (a client sends its ClientHello; a server waits for one); once only. */
    public void beginHandshake() throws IOException {
        if (state == null) {
            try {
                begin();
            } catch (TlsAlertException e) {
                throw fail(e);
            }
        }
    }

    /**
     * Starts a new handshake on an established connection. A client sends a new ClientHello; a
     * server sends HelloRequest, and the handshake runs when the client answers (a client may
     * refuse with a no_renegotiation warning: see {@link #renegotiationRefused()}).
     */
    public void renegotiate() throws IOException {
        if (!firstHandshakeDone) {
            throw new IllegalStateException("handshake layer: renegotiation needs a completed first handshake");
        }
        if (tls13 != null) {
            throw new IllegalStateException("handshake layer: TLS 1.3 has no renegotiation (RFC 8446 §4.6.3: use keyUpdate)");
        }
        if (!secureRenegotiation) {
            throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, org.layeredtls.alert.TlsLayer.HANDSHAKE,
                    "the peer does not support secure renegotiation (RFC 5746); insecure renegotiation is refused");
        }
        ownRenegotiation = true;
        try {
            if (client) {
                begin();
            } else {
                renegotiationRefused = false;
                helloRequestSent = true;
                // The same path as every outgoing message (observer, research hook), through a context
                // of its own: RFC 5246 §7.4.1.1, HelloRequest is no part of the handshake it asks for.
                HandshakeContext hello = new HandshakeContext(this);
                hello.send(new HelloRequest());
                hello.flush();
            }
        } catch (TlsAlertException e) {
            throw fail(e);
        }
    }

    private void begin() throws IOException {
        handshake = new HandshakeContext(this);
        handshake.secureRenegotiation = secureRenegotiation;
        handshake.clientVerifyData = clientVerifyData;
        handshake.serverVerifyData = serverVerifyData;
        handshakeDeadline = System.nanoTime() + config.handshakeTimeout().toNanos();
        handshakeRunning = true;
        compatibilityCcs.firstClientHelloSeen(); // a client sends it now; a server hears of TLS 1.3 only from one
        HandshakeState first = client ? ClientHandshake.start(handshake) : new ServerHandshake.ExpectClientHello();
        moveTo(first);
    }

    /**
     * The transport's stream ended ({@code insideARecord}: with part of a record buffered). During
     * the first handshake or one we asked for, that ends the handshake: RFC 5246 names no alert for
     * it; OpenSSL 3.0 answers a fatal decode_error ("unexpected eof while reading"), even to a peer
     * that sent nothing, and so do we: a close_notify would announce the orderly close of a
     * connection that never got going, and the half-made session must never be resumed. Otherwise
     * reads see the end of the stream (after an {@link EOFException} if it ended inside a record).
     */
    public void inputEnded(EOFException insideARecord) throws IOException {
        inputEnded = true;
        if (closed) {
            return;
        }
        if (!firstHandshakeDone || ownRenegotiation) {
            TlsAlertException ended = HandshakeContext.alert(AlertDescription.DECODE_ERROR,
                    "the peer's stream ended during the handshake" + (insideARecord == null ? "" : ", inside a record"));
            if (insideARecord != null) {
                ended.addSuppressed(insideARecord);
            }
            throw fail(ended);
        }
        if (insideARecord != null) {
            throw insideARecord;
        }
    }

    /**
     * The handshake's time ({@code TlsConfig.handshakeTimeout}) is up at {@code nanoTime} (a
     * {@link System#nanoTime()} value): a fatal handshake_failure. RFC 5246 §7.2.2 names it for a
     * sender "unable to negotiate an acceptable set of security parameters", which a handshake that
     * never completes is; it is fatal, so the half-made session can never be resumed.
     * ({@code user_canceled} is a warning followed by close_notify: it would look like an orderly
     * close, which this is not.) Before the deadline, or with no handshake running, nothing happens.
     */
    public void checkHandshakeTimeout(long nanoTime) throws IOException {
        if (handshakeRunning && !closed && nanoTime - handshakeDeadline >= 0) {
            throw fail(new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, org.layeredtls.alert.TlsLayer.HANDSHAKE,
                    "handshake timeout: the handshake did not complete in time (TlsConfig.handshakeTimeout)"));
        }
    }

    /** When the running handshake must be over (a {@link System#nanoTime()} value); empty when none runs. */
    public OptionalLong handshakeDeadline() {
        return handshakeRunning ? OptionalLong.of(handshakeDeadline) : OptionalLong.empty();
    }

    /** Whether the next record may be an SSLv2-compatible ClientHello (RFC 5246 Appendix E.2): a server's first. */
    public boolean mayReceiveSslv2ClientHello() {
        return !client && config.acceptSslv2ClientHello() && records.isAtFirstRecord();
    }

    /** The largest plaintext fragment the record layer accepts now. */
    public int receiveFragmentLimit() {
        return records.receiveFragmentLimit();
    }

    /**
     * Reads one record (the caller has made sure all of it is in the input) and hands it to the
     * protocol of its type. Once we have sent close_notify only alerts are looked at: RFC 5246
     * §7.2.1, we wait for the peer's close_notify and discard whatever else comes; in TLS 1.3 the
     * peer's direction stays open until its own close_notify (RFC 8446 §6.1).
     */
    public void processNextRecord() throws IOException {
        if (interceptedRecords == null) {
            processRecord();
            return;
        }
        try { // research hook: the record goes to the interceptor; the record layer reads what it returns
            interceptedRecords.interceptNextRecord(mayReceiveSslv2ClientHello(), receiveFragmentLimit());
        } catch (TlsAlertException e) {
            throw fail(e);
        }
        while (!isInboundClosed() && interceptedRecords.hasWholeRecord(mayReceiveSslv2ClientHello(), receiveFragmentLimit())) {
            processRecord();
        }
    }

    private void processRecord() throws IOException {
        int handshakesBefore = handshakesCompleted;
        try {
            if (mayReceiveSslv2ClientHello()) {
                byte[] v2Hello = records.readSslv2ClientHello(); // RFC 5246 Appendix E.2
                if (v2Hello != null) {
                    receiveV2ClientHello(v2Hello);
                    return;
                }
            }
            TLSPlaintext record = records.readRecord();
            if (records.lastRecordSkipped()) {
                return; // a rejected 0-RTT record (RFC 8446 §4.2.10)
            }
            // RFC 8446 §6.1: in TLS 1.3 our close_notify closes our direction only; the peer's goes on
            boolean halfClosed = alerts.followsTls13Rules() && alerts.fatalAlert() == null;
            if (alerts.isOutboundClosed() && !halfClosed) {
                if (record.type() == ContentType.ALERT) {
                    alerts.receive(record.fragment()); // the peer's close_notify closes the connection
                }
                return;
            }
            noProgress.received(record);
            switch (record.type()) {
                case ALERT -> receiveAlert(record.fragment());
                case CHANGE_CIPHER_SPEC -> interceptChangeCipherSpec(record.fragment());
                case HANDSHAKE -> {
                    for (HandshakeFrame frame : reassembler.add(record.fragment())) {
                        interceptHandshake(frame);
                    }
                }
                case APPLICATION_DATA -> receiveApplicationData(record);
            }
            if (handshakesCompleted != handshakesBefore) {
                releaseHandshakeBuffers();
            }
        } catch (TlsAlertException e) {
            throw fail(e);
        }
    }

    /**
     * A handshake just ended with this record: the record buffers it grew (to the size of the biggest flight
     * record, the certificate chain: 3-7 KB a side, TLS 1.3 more as it encrypts the flight) are dropped, so an
     * idle connection keeps none; application data sizes them again to what it needs. The reading side is
     * between records here; the writing side is released under the writers' lock.
     */
    private void releaseHandshakeBuffers() {
        records.releaseReadBuffers();
        synchronized (writeLock) {
            records.releaseWriteBuffers();
        }
    }

    /** The bytes of record buffers this connection's record layer holds now (both directions). */
    public int recordBufferedBytes() {
        return records.bufferedBytes();
    }

    /**
     * An error found here ends the connection: its fatal alert is queued, after any handshake bytes a
     * research hook left in its record. After our close_notify nothing more is written (RFC 5246
     * §7.2.1): the connection just ends.
     */
    private TlsAlertException fail(TlsAlertException error) {
        if (alerts.isOutboundClosed() && alerts.fatalAlert() == null) {
            closed = true;
            return error;
        }
        synchronized (writeLock) {
            flushInterceptedRecord();
            return alerts.fail(error);
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
            ownRenegotiation = false;
            handshakeRunning = false; // our renegotiation will not happen: nothing to time out
        } else if (alert.description().equals(AlertDescription.NO_CERTIFICATE_RESERVED)
                && state instanceof ServerHandshake.ExpectClientCertificate expecting) {
            // SSL 3.0 (RFC 6101 §5.4.2): a client without a certificate says so with this warning.
            moveTo(expecting.noCertificate(handshake));
        }
    }

    /** Research hook: the peer's message goes to the interceptor, the state machine gets what it delivers. */
    private void interceptHandshake(HandshakeFrame frame) throws IOException {
        if (interceptedInput == null) {
            receiveHandshake(frame);
            return;
        }
        for (HandshakeFrame delivered : interceptedInput.message(frame)) {
            receiveHandshake(delivered);
        }
    }

    /** Research hook: the interceptor may deliver messages before the peer's ChangeCipherSpec, or drop it. */
    private void interceptChangeCipherSpec(byte[] fragment) throws IOException {
        if (interceptedInput == null) {
            receiveChangeCipherSpec(fragment);
            return;
        }
        boolean pass = interceptedInput.changeCipherSpec();
        for (HandshakeFrame delivered : interceptedInput.takeDelivered()) {
            receiveHandshake(delivered);
        }
        if (pass) {
            receiveChangeCipherSpec(fragment);
        }
    }

    private void receiveChangeCipherSpec(byte[] fragment) throws IOException {
        if (tls13 != null || handshake != null && ProtocolVersion.TLS1_3.equals(handshake.version)) {
            // RFC 8446 §5: a CCS of 0x01 before the peer's Finished is dropped; any other is unexpected_message
            compatibilityCcs.receive(fragment); // dropped: it changes nothing
            return;
        }
        if (reassembler.hasPartialMessage() || (interceptedInput != null && interceptedInput.hasPartialMessage())) {
            // RFC 5246 §7.1: the CCS may not split a handshake message.
            throw HandshakeContext.alert(AlertDescription.UNEXPECTED_MESSAGE, "ChangeCipherSpec in the middle of a handshake message");
        }
        HandshakeState next = current().changeCipherSpec(handshake);
        ccs.receive(fragment);
        records.setRequiredReadVersion(handshake.version);
        moveTo(next);
    }

    private void receiveApplicationData(TLSPlaintext record) throws TlsAlertException {
        if (!firstHandshakeDone && !client && handshake != null && handshake.tls13 != null) {
            Tls13EarlyData.received(handshake, current(), record.fragment(), earlyData); // 0-RTT, or unexpected
            return;
        }
        if (!firstHandshakeDone) {
            throw HandshakeContext.alert(AlertDescription.UNEXPECTED_MESSAGE, "application data before the first handshake finished");
        }
        if (!current().allowsApplicationData()) { // RFC 5246 §7.4.9: a renegotiation's CCS, then Finished
            throw HandshakeContext.alert(AlertDescription.UNEXPECTED_MESSAGE,
                    "application data between the peer's ChangeCipherSpec and its Finished");
        }
        applicationData.add(record.fragment());
    }

    private void receiveHandshake(HandshakeFrame frame) throws IOException {
        if (tls13 != null) { // RFC 8446 §4.6: after a TLS 1.3 handshake, only post-handshake messages
            HandshakeMessage message = decodeReceived(frame, decodeContext());
            config.observer().handshakeMessageReceived(message, frame.bytes());
            tls13.receive(message, frame.bytes(), reassembler.hasPartialMessage());
            return;
        }
        if (frame.type() == HandshakeType.HELLO_REQUEST) {
            if (!client) {
                throw HandshakeContext.alert(AlertDescription.UNEXPECTED_MESSAGE, "a server never receives HelloRequest");
            }
            HandshakeMessage request = decodeReceived(frame, decodeContext());
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
            TlsAlertException unexpected = HandshakeState.unexpected(state, frame.type().toString());
            config.observer().undecodableHandshakeReceived(frame.bytes(), unexpected.getMessage());
            throw unexpected;
        }
        HandshakeMessage message = decodeReceived(frame, handshake.decodeContext());
        config.observer().handshakeMessageReceived(message, frame.bytes());
        moveTo(current().handle(handshake, new ReceivedMessage(message, frame)));
    }

    /** Decodes a received message; one that does not parse is reported raw to the observer before its alert. */
    private HandshakeMessage decodeReceived(HandshakeFrame frame, DecodeContext context) throws TlsAlertException {
        try {
            return HandshakeMessages.decode(frame, context);
        } catch (TlsAlertException e) {
            config.observer().undecodableHandshakeReceived(frame.bytes(), e.getMessage());
            throw e;
        }
    }

    /** How to decode a message: the running handshake knows; between handshakes, the session's version. */
    DecodeContext decodeContext() {
        if (handshake != null) {
            return handshake.decodeContext();
        }
        if (tls13 != null) { // RFC 8446 §4.4.4: a post-handshake Finished is as long as the suite's hash
            return DecodeContext.tls13(tls13.secrets().suite.prfHash());
        }
        return DecodeContext.of(sessionInfo != null ? sessionInfo.version() : ProtocolVersion.TLS1_2);
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
        handshake = null; // the handshake's state goes: only what a renegotiation needs stays
        handshakeRunning = false;
        sessionInfo = done.sessionInfo();
        secureRenegotiation = done.secureRenegotiation;
        clientVerifyData = done.clientVerifyData;
        serverVerifyData = done.serverVerifyData;
        invalidateSession = done.invalidation();
        exporter = done.exporter();
        if (done.tls13 != null) {
            compatibilityCcs.peerFinishedReceived(); // RFC 8446 §5: a CCS from now on is unexpected_message
            Tls13Secrets secrets = done.tls13.secrets();
            tls13 = new Tls13PostHandshake(this, secrets, done.tls13.postHandshakeAuth(secrets));
        }
        if (done.maxFragmentLength > 0) {
            records.setSendFragmentLimit(done.maxFragmentLength);
            records.setReceiveFragmentLimit(done.maxFragmentLength);
        }
        firstHandshakeDone = true;
        ownRenegotiation = false;
        handshakesCompleted++;
    }

    // ------------------------------------------------------------------ writing

    void writeHandshake(byte[] bytes) throws IOException {
        synchronized (writeLock) {
            records.write(ContentType.HANDSHAKE, bytes);
        }
    }

    /** An outgoing handshake message handed to the research hook (see HandshakeContext.send). */
    void interceptHandshake(HandshakeMessage message, byte[] bytes, org.layeredtls.handshake.prf.TranscriptHash transcript,
                            org.layeredtls.handshake.prf.Tls13Transcript tls13Transcript, boolean hashed) throws IOException {
        synchronized (writeLock) {
            intercepted.message(message, bytes, transcript, tls13Transcript, hashed);
        }
    }

    /** TLS 1.3: our records are protected with {@code next} from the next one on (RFC 8446 §5: no CCS). */
    void installWriteState(ConnectionState next) {
        synchronized (writeLock) {
            records.installWriteState(next);
        }
    }

    /** RFC 8446 §D.4: the middlebox-compatibility change_cipher_spec, unprotected, changing nothing. */
    void sendCompatibilityChangeCipherSpec() throws IOException {
        synchronized (writeLock) {
            records.write(ContentType.CHANGE_CIPHER_SPEC, org.layeredtls.ccs.Tls13CompatibilityCcs.message());
        }
    }

    /** TLS 1.3: a post-handshake message (KeyUpdate, NewSessionTicket) under the write lock, then {@code after} (a key change). */
    void writePostHandshake(HandshakeMessage message, Runnable after) throws IOException {
        writePostHandshake(java.util.List.of(message), after);
    }

    /** TLS 1.3: post-handshake messages (a CertificateRequest, or the answer to one), in order, then {@code after}. */
    void writePostHandshake(java.util.List<HandshakeMessage> messages, Runnable after) throws IOException {
        java.util.List<byte[]> frames = messages.stream().map(m -> HandshakeFrame.of(m).bytes()).toList();
        synchronized (writeLock) {
            if (alerts.isOutboundClosed()) {
                return; // RFC 8446 §4.6.3: nothing more after our close_notify
            }
            for (byte[] bytes : frames) {
                records.write(ContentType.HANDSHAKE, bytes);
            }
            after.run();
            records.flush();
        }
        for (int i = 0; i < messages.size(); i++) {
            config.observer().handshakeMessageSent(messages.get(i), frames.get(i));
        }
    }

    Object writeLock() {
        return writeLock;
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
                intercepted.reportCutShort();
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

    /** Takes up to {@code length} bytes of received application data; 0 when none is queued. */
    public int readApplicationData(byte[] buffer, int offset, int length) {
        return applicationData.read(buffer, offset, length);
    }

    // ------------------------------------------------------------------ 0-RTT data (RFC 8446 §4.2.10)

    /**
     * Client: application data to send as TLS 1.3 0-RTT data, before {@link #beginHandshake()}. It goes only
     * on a resumption whose ticket allows as much; {@link #earlyDataStatus()} then says whether it arrived.
     */
    public void offerEarlyData(byte[] data) {
        if (!client || state != null) {
            throw new IllegalStateException("handshake layer: early data is a client's, before its handshake starts");
        }
        earlyDataToSend = data.clone();
    }

    byte[] earlyDataToSend() {
        return earlyDataToSend;
    }

    /** Client: the 0-RTT records, under the early traffic keys already installed. */
    void writeEarlyData(byte[] data) throws IOException {
        synchronized (writeLock) {
            records.write(ContentType.APPLICATION_DATA, data, 0, data.length);
        }
    }

    void earlyDataStatus(org.layeredtls.handshake.api.EarlyDataStatus status) {
        earlyDataStatus = status;
    }

    /** Whether early data was offered, and taken or refused (final once the handshake is done). */
    public org.layeredtls.handshake.api.EarlyDataStatus earlyDataStatus() {
        return earlyDataStatus;
    }

    /** Server: takes up to {@code length} bytes of the client's accepted 0-RTT data; 0 when none is queued. */
    public int readEarlyData(byte[] buffer, int offset, int length) {
        return earlyData.read(buffer, offset, length);
    }

    /** Server: accepted 0-RTT data not yet taken. */
    public int availableEarlyData() {
        return earlyData.available();
    }

    /** Received application data not yet taken. */
    public int availableApplicationData() {
        return applicationData.available();
    }

    /** Sends application data in as many records as the fragment limit (and the CBC 1/n-1 split) needs. */
    public void writeApplicationData(byte[] buffer, int offset, int length) throws IOException {
        if (!firstHandshakeDone) {
            throw new IllegalStateException("handshake layer: application data waits for the first handshake");
        }
        synchronized (writeLock) {
            if (alerts.isOutboundClosed()) {
                throw new IOException("handshake layer: the connection is closed for writing");
            }
            if (tls13 != null) {
                tls13.writeApplicationData(buffer, offset, length); // RFC 8446 §5.5: KeyUpdate at the usage limit
            } else {
                records.write(ContentType.APPLICATION_DATA, buffer, offset, length);
            }
            records.flush();
        }
    }

    /**
     * TLS 1.3 (RFC 8446 §4.6.3): sends KeyUpdate and changes our write keys; with {@code requestPeerUpdate}
     * the peer is asked to change its own too (s_client's {@code K}; {@code k} does not ask).
     */
    public void keyUpdate(boolean requestPeerUpdate) throws IOException {
        if (tls13 == null) {
            throw new IllegalStateException("handshake layer: KeyUpdate needs a completed TLS 1.3 handshake");
        }
        try {
            tls13.sendKeyUpdate(requestPeerUpdate);
        } catch (TlsAlertException e) {
            throw fail(e);
        }
    }

    /**
     * TLS 1.3, a server (RFC 8446 §4.6.2): sends a CertificateRequest after the handshake; the client's answer
     * is read with the application data, and once its Finished checks out {@link #sessionInfo()} holds the
     * client's new certificate chain (and {@code TlsObserver.clientAuthenticatedAfterHandshake} is told).
     *
     * @throws IllegalStateException with no completed TLS 1.3 handshake, on a client, when the client did not
     *                               offer post_handshake_auth, or while an earlier request awaits its answer
     */
    public void requestClientCertificate() throws IOException {
        if (tls13 == null || client) {
            throw new IllegalStateException("handshake layer: post-handshake authentication is a TLS 1.3 server's request");
        }
        try {
            tls13.auth().requestClientCertificate();
        } catch (TlsAlertException e) {
            throw fail(e);
        }
    }

    /** TLS 1.3 after its handshake (null before, and for TLS 1.2 and below): for scripted peers in this package's tests. */
    Tls13PostHandshake postHandshake() {
        return tls13;
    }

    /** Whether the client offered post-handshake authentication (RFC 8446 §4.2.6); false before a TLS 1.3 handshake. */
    public boolean postHandshakeAuthOffered() {
        Tls13PostHandshake after = tls13;
        return after != null && after.auth().offered();
    }

    /** RFC 8446 §4.6.2: the client proved its certificate after the handshake: the session says so from now on. */
    void clientAuthenticatedAfterHandshake(java.util.List<org.layeredtls.handshake.cert.Certificate> chain) {
        sessionInfo = sessionInfo.withPeerCertificates(chain);
    }

    /** Sends close_notify (once; nothing after a fatal alert): RFC 5246 §7.2.1, our direction is closed. */
    public void closeOutbound() throws IOException {
        synchronized (writeLock) {
            flushInterceptedRecord();
            alerts.sendCloseNotify();
        }
    }

    // ------------------------------------------------------------------ what the caller asks

    /**
     * Keying material exported from this connection's last handshake: RFC 8446 §7.5 in TLS 1.3, RFC 5705 in
     * TLS 1.0 to 1.2 ({@code context} null: none, which in TLS 1.2 differs from an empty one).
     *
     * @throws IllegalStateException         before the first handshake is done
     * @throws IllegalArgumentException      for a label the RFCs reserve, or a length out of range
     * @throws UnsupportedOperationException under SSL 3.0, which has no exporter
     */
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        KeyingMaterialExporter current = exporter;
        if (current == null) {
            throw new IllegalStateException("no keying material to export before the handshake is done");
        }
        return current.export(label, context, length);
    }

    public SessionInfo sessionInfo() {
        return sessionInfo;
    }

    public boolean isHandshakeDone() {
        return firstHandshakeDone;
    }

    /** Whether a handshake runs, or one we asked for is awaited (a server's HelloRequest). */
    public boolean isHandshaking() {
        return handshakeRunning || ownRenegotiation;
    }

    /** How many handshakes have completed on this connection (the first one and each renegotiation). */
    public int handshakesCompleted() {
        return handshakesCompleted;
    }

    /** Whether the peer's last offer to renegotiate was refused, or it refused ours. */
    public boolean renegotiationRefused() {
        return renegotiationRefused;
    }

    /** Whether the peer has sent close_notify, a fatal alert ended the connection, or the stream ended. */
    public boolean isInboundClosed() {
        return alerts.isInboundClosed() || inputEnded || closed;
    }

    /** Whether the peer has sent close_notify (not a fatal alert, not the stream's end). */
    public boolean closeNotifyReceived() {
        return alerts.isInboundClosed() && alerts.fatalAlert() == null;
    }

    /** Whether we have sent close_notify or a fatal alert: nothing more is written. */
    public boolean isOutboundClosed() {
        return alerts.isOutboundClosed();
    }

    /** Whether the connection is over (a fatal alert, or the peer's close_notify answered): the transport may close. */
    public boolean isClosed() {
        return closed;
    }

    public boolean isClient() {
        return client;
    }

    public String peerHost() {
        return peerHost;
    }

    public int peerPort() {
        return peerPort;
    }
}
