package org.layeredtls.handshake.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.layeredtls.alert.Alert;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.relay.Direction;
import org.layeredtls.handshake.relay.RecordVerdict;
import org.layeredtls.handshake.relay.RelayInterceptor;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.RecordHeader;
import org.layeredtls.record.lab.Lab;
import org.layeredtls.record.lab.LabResult;

/**
 * The truncation attack (Berbecaru–Lioy 2007; Smyth–Pironti 2013): a man in the middle closes the
 * TCP connection after part of a message, so the reader gets the first records and then the end of
 * the stream. RFC 5246 §7.2.1 gives the reader the means to tell: an orderly end is announced by
 * close_notify, so a stream that ends without it was cut. Whether anyone notices is up to the reader.
 */
public final class TruncationLab implements Lab {

    /** The server's message, sent in two records: the attacker keeps the first only. */
    static final String FIRST_RECORD = "Meeting at 10:00 ";
    static final String SECOND_RECORD = "is cancelled.\n";
    /**
     * TLS 1.2: the attacker tells application data from the rest by the record's type. (In TLS 1.3 every
     * protected record says application_data on the wire; the attacker would count records instead.)
     */
    static final ProtocolVersion VERSION = ProtocolVersion.TLS1_2;

    @Override
    public String name() {
        return "truncation";
    }

    @Override
    public String layer() {
        return "alert";
    }

    @Override
    public String summary() {
        return "a man in the middle cuts a message before close_notify; a reader that waits for close_notify notices";
    }

    @Override
    public LabResult run(PrintStream out) throws Exception {
        try (LabServer server = new LabServer(Pki.server().versions(VERSION, VERSION).build(), TruncationLab::sendMessage);
             LabRelay attacker = new LabRelay(server.port(), CutAfterFirstApplicationData::new)) {
            out.println("Server: this stack; it sends \"" + FIRST_RECORD + "\" and \"" + SECOND_RECORD.strip()
                    + "\" in two records, then close_notify.");
            out.println("Man in the middle: forwards the first application data record, then closes both TCP connections.");
            out.println();
            out.println("0. No attacker: what a reader gets.");
            Reading direct = read(server.port());
            out.println("   " + direct.describe());
            out.println();
            out.println("1. Vulnerable: a reader that takes the end of the stream for the end of the message.");
            Reading cut = read(attacker.port());
            out.println("   " + cut.describe());
            boolean naiveFooled = cut.text().equals(FIRST_RECORD);
            out.println("   naive reader: the message is \"" + cut.text().strip() + "\""
                    + (naiveFooled ? " (believed complete: the attack worked)" : ""));
            out.println();
            out.println("2. Countermeasure: a reader that accepts a message only if close_notify ended it (RFC 5246 §7.2.1).");
            boolean noticed = !cut.closeNotify();
            out.println("   careful reader: " + (noticed
                    ? "TRUNCATED: the stream ended without close_notify; the " + cut.text().length()
                            + " bytes read are not trusted"
                    : "accepted"));
            out.println();
            out.println("Our stack reads -1 at the end in both cases; the Alert layer tells them apart:");
            out.println("close_notify came " + (direct.closeNotify() ? "with" : "without") + " the whole message, "
                    + (cut.closeNotify() ? "and with" : "not with") + " the cut one.");
            boolean demonstrated = direct.closeNotify() && direct.text().equals(FIRST_RECORD + SECOND_RECORD);
            return new LabResult(naiveFooled, noticed && demonstrated,
                    "the cut stream ended after " + cut.text().length() + " of " + (FIRST_RECORD + SECOND_RECORD).length()
                            + " bytes without close_notify: the naive reader took \"" + cut.text().strip()
                            + "\" for the message, the reader that waits for close_notify reported the truncation");
        }
    }

    private static void sendMessage(TlsSocket connection) throws IOException {
        OutputStream out = connection.getOutputStream();
        out.write(FIRST_RECORD.getBytes(StandardCharsets.US_ASCII)); // one write, one record
        out.write(SECOND_RECORD.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** What a reader got: the bytes until the end of the stream, and whether close_notify came. */
    record Reading(String text, boolean closeNotify) {
        String describe() {
            return "read \"" + text.strip() + "\" (" + text.length() + " bytes), then the end of the stream; close_notify "
                    + (closeNotify ? "received" : "NOT received");
        }
    }

    /** Reads everything the server sends; the observer hears the Alert layer's close_notify. */
    private static Reading read(int port) throws IOException {
        AtomicBoolean closeNotify = new AtomicBoolean();
        TlsObserver alerts = new TlsObserver() {
            @Override
            public void alertReceived(Alert alert) {
                if (alert.isCloseNotify()) {
                    closeNotify.set(true);
                }
            }
        };
        TlsConfig config = Pki.client().versions(VERSION, VERSION).observer(alerts).build();
        try (TlsSocket client = TlsSocket.connect("127.0.0.1", port, config)) {
            client.socket().setSoTimeout(LabServer.READ_TIMEOUT_MILLIS);
            InputStream in = client.getInputStream();
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            in.transferTo(message);
            return new Reading(message.toString(StandardCharsets.US_ASCII), closeNotify.get());
        }
    }

    /** The attacker: the server's first application data record passes; at the next record of any kind, both connections close. */
    public static final class CutAfterFirstApplicationData implements RelayInterceptor {
        private boolean firstPassed;

        @Override
        public synchronized RecordVerdict record(Direction direction, RecordHeader header, byte[] record) {
            if (direction.fromClient()) {
                return RecordVerdict.pass(record);
            }
            if (firstPassed) {
                return RecordVerdict.truncate();
            }
            if (header.type() == ContentType.APPLICATION_DATA) {
                firstPassed = true;
            }
            return RecordVerdict.pass(record);
        }
    }
}
