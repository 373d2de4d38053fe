package org.layeredtls.cwmp.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.layeredtls.alert.Alert;
import org.layeredtls.alert.AlertLevel;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.cwmp.rpc.MessageSummary;
import org.layeredtls.cwmp.rpc.Rpc;
import org.layeredtls.cwmp.soap.SoapEnvelope;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.trace.KeyLogWriter;
import org.layeredtls.handshake.message.Finished;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.TLSCiphertext;
import org.layeredtls.record.TLSCompressed;
import org.layeredtls.record.TLSPlaintext;

/**
 * A {@link TlsObserver} that prints one connection the way a capture viewer shows it: each record
 * with its header (content type, version, length on the wire) and, below it, what the record
 * carries: the handshake message and its key fields, the ChangeCipherSpec, the alert, or the
 * decrypted application data (the HTTP request or response and the SOAP method inside). Records
 * protected by the negotiated cipher are marked, with the length of their plaintext.
 *
 * <p>A TLS 1.3 connection is shown as what it is ({@link Tls13RecordView}): each protected record with its
 * outer header ({@code 17 03 03 ...}) and, decrypted, its inner content type; a line where each direction's
 * keys change, naming the traffic secret (no ChangeCipherSpec protocol); the change_cipher_spec as the
 * middlebox-compatibility gesture; encrypted alerts. {@link #timeline()} gives the frame numbers of our
 * Finished, our first application data and the peer's fatal alert, for the demo's account of a refusal.
 *
 * <p>The observer sees the connection from one side (here: the CPE's), so "sent" is that side.
 */
public final class CaptureTrace implements TlsObserver {

    /** How much to print. */
    public enum Detail { QUIET, NORMAL, VERBOSE }

    private final PrintStream out;
    private volatile Detail detail;
    private final String self;
    private final String peer;
    private final List<String> lines = new ArrayList<>();
    private int frame;
    private boolean writeProtected;
    private boolean readProtected;
    private volatile boolean enabled = true;
    private volatile KeyLogWriter keyLog;
    // For the key log of resumed sessions (RFC 5246 §7.3: an abbreviated handshake keeps the master secret of
    // the session it resumes). This trace watches one client talking to one server, whose session store holds
    // one session per server: the session resumed is the last one a full handshake made.
    /** Whether this connection ran a key exchange: a peer CCS without one is an abbreviated handshake. */
    private boolean keyExchangeThisConnection;
    /** Whether the watched side is the client (it sent the ClientHello). */
    private boolean selfIsClient = true;
    /** The TLS 1.3 view of this connection, or null while it is not (yet) TLS 1.3. */
    private Tls13RecordView tls13;
    private Timeline timeline = Timeline.NONE;

    /**
     * When things happened on the current connection, as frame numbers (0: not yet): the record that carried
     * our Finished, the first application data we sent after it, and the fatal alert the peer sent.
     */
    public record Timeline(int ownFinished, int applicationDataSent, int fatalAlertReceived) {
        static final Timeline NONE = new Timeline(0, 0, 0);
    }

    /**
     * @param self the name of the side this observer watches (e.g. "CPE")
     * @param peer the other side (e.g. "ACS")
     */
    public CaptureTrace(PrintStream out, Detail detail, String self, String peer) {
        this.out = out;
        this.detail = detail;
        this.self = self;
        this.peer = peer;
    }

    /** Changes how much is printed from now on. */
    public void setDetail(Detail detail) {
        this.detail = detail;
    }

    /** Turns printing on or off (records are still counted). */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Appends each new session's master secret to {@code file} in the NSS key log format. */
    public void keyLogFile(java.nio.file.Path file) {
        try {
            this.keyLog = file == null ? null : KeyLogWriter.appendingTo(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the key log " + file, e);
        }
    }

    @Override
    public synchronized void masterSecretDerived(byte[] clientRandom, byte[] masterSecret) {
        KeyLogWriter log = keyLog;
        if (log != null) {
            log.masterSecretDerived(clientRandom, masterSecret);
        }
    }

    /** A TLS 1.3 secret, as the NSS key log names it (Wireshark needs these: TLS 1.3 has no master secret line). */
    @Override
    public synchronized void tls13SecretDerived(byte[] clientRandom, String label, byte[] secret) {
        KeyLogWriter log = keyLog;
        if (log != null) {
            log.tls13SecretDerived(clientRandom, label, secret);
        }
    }

    /** The current (last) connection's timeline. */
    public synchronized Timeline timeline() {
        return timeline;
    }

    /** Every line printed so far (also when disabled: not kept). */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public synchronized void recordWritten(long sequenceNumber, TLSPlaintext plaintext, TLSCompressed compressed,
                                           TLSCiphertext ciphertext) {
        record(sequenceNumber, self + " -> " + peer, plaintext, compressed, ciphertext, writeProtected);
    }

    @Override
    public synchronized void recordRead(long sequenceNumber, TLSCiphertext ciphertext, TLSCompressed compressed,
                                        TLSPlaintext plaintext) {
        record(sequenceNumber, peer + " -> " + self, plaintext, compressed, ciphertext, readProtected);
    }

    @Override
    public synchronized void writeStateChanged(ConnectionState newState) {
        writeProtected = true;
        keyChange(newState, true);
    }

    @Override
    public synchronized void readStateChanged(ConnectionState newState) {
        readProtected = true;
        keyChange(newState, false);
    }

    /** RFC 8446 §7: in TLS 1.3 each direction's keys change on their own, where the handshake says; the capture says so. */
    private void keyChange(ConnectionState newState, boolean write) {
        if (newState.isTls13()) {
            String line = tls13View().keyChange(write, write ? self : peer);
            if (detail != Detail.QUIET) {
                print("        " + line);
            }
        }
    }

    private Tls13RecordView tls13View() {
        if (tls13 == null) {
            tls13 = new Tls13RecordView(selfIsClient);
        }
        return tls13;
    }

    /** A ServerHello that selects TLS 1.3 (RFC 8446 §4.2.1: in supported_versions) makes this a TLS 1.3 connection. */
    private void noteVersion(HandshakeMessage message) {
        try {
            if (message instanceof ServerHello hello && hello.negotiatedVersion().equals(ProtocolVersion.TLS1_3)) {
                tls13View();
            }
        } catch (TlsAlertException malformed) {
            // not a version we can name: the state machine answers it with its alert
        }
    }

    @Override
    public synchronized void handshakeMessageSent(HandshakeMessage message, byte[] bytes) {
        if (message instanceof ClientHello) {
            keyExchangeThisConnection = false;
            selfIsClient = true;
        } else if (message instanceof Finished) {
            timeline = new Timeline(frame, 0, timeline.fatalAlertReceived());
        }
        noteVersion(message);
        noteKeyExchange(message);
        message(message);
    }

    @Override
    public synchronized void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
        if (message instanceof ClientHello) {
            selfIsClient = false;
        }
        noteVersion(message);
        noteKeyExchange(message);
        message(message);
    }

    private void noteKeyExchange(HandshakeMessage message) {
        if (message instanceof org.layeredtls.handshake.message.ClientKeyExchange) {
            keyExchangeThisConnection = true;
        }
    }

    private void message(HandshakeMessage message) {
        if (detail == Detail.QUIET) {
            return;
        }
        List<String> described = HandshakeDescriber.describe(message, detail == Detail.VERBOSE);
        print("        " + described.get(0));
        for (String line : described.subList(1, described.size())) {
            print("        " + line);
        }
    }

    private void record(long sequenceNumber, String direction, TLSPlaintext plaintext, TLSCompressed compressed,
                        TLSCiphertext ciphertext, boolean protectedRecord) {
        if (plaintext.type() == ContentType.HANDSHAKE && sequenceNumber == 0 && isClientHello(plaintext)) {
            writeProtected = false; // the first record of a new connection: nothing is protected yet
            readProtected = false;
            protectedRecord = false;
            tls13 = null;
            timeline = Timeline.NONE;
            print("");
            print("  ---- new TLS connection ----");
        }
        boolean sent = direction.startsWith(self);
        if (tls13 != null) {
            protectedRecord = Tls13RecordView.isProtected(plaintext.type(), protectedRecord);
        }
        frame++;
        String header = String.format(Locale.ROOT, "  #%-3d %-10s %-17s %s  length %d", frame, direction,
                name(ciphertext.type()), ciphertext.version().displayName()
                        + String.format(Locale.ROOT, " (0x%04x)", ciphertext.version().code()), ciphertext.length());
        if (protectedRecord && tls13 != null) {
            header += "  " + Tls13RecordView.protectedRecordNote(plaintext, compressed, ciphertext);
        } else if (protectedRecord) {
            header += "  [encrypted; plaintext " + plaintext.length() + " bytes]";
        }
        print(header);
        byte[] content = plaintext.fragment();
        switch (plaintext.type()) {
            case CHANGE_CIPHER_SPEC -> {
                if (tls13 != null) {
                    print("        " + Tls13RecordView.compatibilityChangeCipherSpec(content));
                    return;
                }
                print("        ChangeCipherSpec (" + (content.length == 1 ? content[0] : "?")
                    + "): from now on " + (direction.startsWith(self) ? self : peer) + "'s records are protected");
                if (!direction.startsWith(self) && !keyExchangeThisConnection) {
                    resumed(); // the client's view: the server's CCS came before any key exchange
                }
            }
            case ALERT -> alertRecord(content, sent);
            case APPLICATION_DATA -> {
                if (sent && timeline.ownFinished() > 0 && timeline.applicationDataSent() == 0) {
                    timeline = new Timeline(timeline.ownFinished(), frame, timeline.fatalAlertReceived());
                }
                applicationData(content);
            }
            default -> { }
        }
    }

    /** The server's ChangeCipherSpec came with no key exchange: an abbreviated handshake. */
    private void resumed() {
        print("        (abbreviated handshake: the session is resumed, no Certificate and no key exchange)");
    }

    private static boolean isClientHello(TLSPlaintext plaintext) {
        byte[] fragment = plaintext.fragment();
        return fragment.length > 0 && fragment[0] == 1;
    }

    private void alertRecord(byte[] content, boolean sent) {
        Alert decoded = decodeAlert(content);
        String note = tls13 != null && decoded != null ? Tls13RecordView.alertNote(decoded, sent ? self : peer) : "";
        print("        Alert " + alert(content) + note);
        if (!sent && decoded != null && decoded.level() == AlertLevel.FATAL) {
            timeline = new Timeline(timeline.ownFinished(), timeline.applicationDataSent(), frame);
        }
    }

    private static Alert decodeAlert(byte[] content) {
        try {
            return Alert.decode(content);
        } catch (TlsAlertException malformed) {
            return null;
        }
    }

    static String name(ContentType type) {
        return switch (type) {
            case HANDSHAKE -> "Handshake(22)";
            case CHANGE_CIPHER_SPEC -> "ChangeCipherSpec(20)";
            case ALERT -> "Alert(21)";
            case APPLICATION_DATA -> "ApplicationData(23)";
        };
    }

    private static String alert(byte[] content) {
        Alert alert = decodeAlert(content);
        return alert == null ? "(" + content.length + " bytes)"
                : alert.level() + " " + alert.description().rfcName() + " (" + alert.description().code() + ")";
    }

    /** The decrypted HTTP message: its first line, the CWMP-relevant headers, and the SOAP method. */
    private void applicationData(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? "" : text.substring(0, end);
        String body = end < 0 ? text : text.substring(end + 4);
        if (!head.isEmpty()) {
            String[] headers = head.split("\r\n");
            print("        " + headers[0]);
            for (int i = 1; i < headers.length; i++) {
                String h = headers[i].toLowerCase(Locale.ROOT);
                if (detail == Detail.VERBOSE || h.startsWith("content-type") || h.startsWith("content-length")
                        || h.startsWith("set-cookie") || h.startsWith("cookie") || h.startsWith("www-authenticate")) {
                    print("          " + headers[i]);
                }
            }
        }
        if (!body.isBlank()) {
            print("        SOAP: " + soapSummary(body.getBytes(StandardCharsets.UTF_8)));
            if (detail == Detail.VERBOSE) {
                for (String line : body.split("\n")) {
                    print("          | " + line);
                }
            }
        } else if (head.startsWith("POST") && head.toLowerCase(Locale.ROOT).contains("content-length: 0")) {
            print("        (empty POST: the CPE has nothing more to say)");
        }
    }

    private static String soapSummary(byte[] xml) {
        try {
            SoapEnvelope envelope = SoapEnvelope.decode(xml);
            return envelope.body() == null ? "(empty Body)" : MessageSummary.of(Rpc.decode(envelope.body()));
        } catch (Exception e) {
            return "(" + xml.length + " bytes, not a whole envelope)";
        }
    }

    private void print(String line) {
        lines.add(line);
        if (enabled) {
            out.println(line);
        }
    }
}
