package org.layeredtls.handshake.trace;

import java.io.PrintStream;
import java.util.Arrays;

import org.layeredtls.alert.Alert;
import org.layeredtls.alert.AlertLevel;
import org.layeredtls.record.TLSCiphertext;
import org.layeredtls.record.TLSCompressed;
import org.layeredtls.record.TLSPlaintext;

/**
 * Prints every record of a connection the way {@code openssl s_client -trace} does: a
 * {@code Sent Record} / {@code Received Record} block with the header (version, content type,
 * length on the wire), then the content, decoded from the plaintext: each handshake message
 * field by field (ClientHello's client_version, Random, session_id, cipher_suites by name,
 * compression_methods, extensions with their content; Certificate subjects; ServerKeyExchange
 * parameters and signature; Finished verify_data...), {@code change_cipher_spec (1)}, and alerts
 * as {@code Level=fatal(2), description=bad_record_mac(20)}. Values are in hex.
 *
 * <p>Like OpenSSL, it reads the messages off the records (so it shows what an interceptor really
 * sent, and messages split or coalesced across records); a protected record adds one line saying
 * how many bytes of plaintext its ciphertext carried. A protected TLS 1.3 record (RFC 8446 §5.2) is shown
 * decrypted as OpenSSL shows it: {@code Inner Content Type = Handshake (22)}, then its messages decoded
 * as TLS 1.3's (the version learnt from supported_versions). Thread-safe: each record is printed whole.
 */
public final class TracePrinter extends Tls13AwareObserver {

    private final PrintStream out;
    private final boolean showApplicationData;
    private final HandshakeView view = new HandshakeView();

    /** @param showApplicationData whether application data is printed in hex (off: only its length) */
    public TracePrinter(PrintStream out, boolean showApplicationData) {
        this.out = out;
        this.showApplicationData = showApplicationData;
    }

    public TracePrinter(PrintStream out) {
        this(out, false);
    }

    @Override
    public synchronized void recordWritten(long sequenceNumber, TLSPlaintext plaintext, TLSCompressed compressed,
                                           TLSCiphertext ciphertext) {
        print("Sent Record", true, plaintext, ciphertext, null);
    }

    @Override
    public synchronized void recordRead(long sequenceNumber, TLSCiphertext ciphertext, TLSCompressed compressed,
                                        TLSPlaintext plaintext) {
        print("Received Record", false, plaintext, ciphertext, null);
    }



    /**
     * A record a relay forwarded ({@code layeredtls relay}): {@code title} names its direction, the
     * client's records are read as a sender's, the server's as a receiver's; {@code plaintext} is
     * null when the record is protected and the relay has no key for it ({@code whyOpaque} says why).
     */
    public synchronized void recordRelayed(String title, boolean fromClient, TLSPlaintext plaintext,
                                           TLSCiphertext ciphertext, String whyOpaque) {
        print(title, fromClient, plaintext, ciphertext, whyOpaque);
    }

    /**
     * An SSLv2-compatible ClientHello (RFC 5246 Appendix E.2): its 2-byte SSL 2.0 header, then the
     * message field by field. OpenSSL 3.0's {@code -trace} prints nothing for it (its {@code -msg}
     * prints the message bytes as "Not TLS data or unknown version (version=2, content_type=0)").
     */
    @Override
    public synchronized void sslv2RecordRead(byte[] header, byte[] message) {
        TraceLines lines = new TraceLines();
        lines.line("Received Record");
        lines.line("Header:");
        lines.line("  SSLv2 record header = " + Names.hex(header) + " (high bit set: 2-byte header, RFC 5246 Appendix E.2)");
        lines.line("  Length = " + message.length);
        MessageTrace.printV2ClientHello(lines, message);
        print(lines);
    }

    private void print(TraceLines lines) {
        synchronized (out) {
            lines.lines().forEach(out::println);
            out.println();
            out.flush();
        }
    }

    private void print(String title, boolean outgoing, TLSPlaintext plaintext, TLSCiphertext ciphertext,
                       String whyOpaque) {
        TraceLines lines = new TraceLines();
        lines.line(title);
        lines.line("Header:");
        lines.line("  Version = " + Names.version(ciphertext.version()));
        lines.line("  Content Type = " + Names.contentType(ciphertext.type()));
        lines.line("  Length = " + ciphertext.length());
        if (plaintext == null) {
            lines.line("  Protected: " + ciphertext.length() + " bytes of ciphertext, not opened (" + whyOpaque + ")");
            print(lines);
            return;
        }
        boolean protectedRecord = !Arrays.equals(plaintext.fragment(), ciphertext.fragment());
        if (protectedRecord) {
            lines.line("  Protected: " + ciphertext.length() + " bytes of ciphertext carry " + plaintext.length()
                    + " bytes of plaintext");
        }
        if (hidesContentType(outgoing, ciphertext)) { // RFC 8446 §5.2: TLSInnerPlaintext.type
            lines.line("  Inner Content Type = " + Names.contentType(plaintext.type()));
        }
        content(lines, outgoing, plaintext);
        print(lines);
    }

    private void content(TraceLines lines, boolean outgoing, TLSPlaintext plaintext) {
        byte[] fragment = plaintext.fragment();
        switch (plaintext.type()) {
            case CHANGE_CIPHER_SPEC -> lines.line("    change_cipher_spec (" + (fragment.length == 1 ? fragment[0] : Names.hex(fragment)) + ")");
            case ALERT -> lines.line("    " + alert(fragment));
            case APPLICATION_DATA -> lines.line("    application_data (len=" + fragment.length + ")"
                    + (showApplicationData ? ": " + Names.hex(fragment) : ""));
            case HANDSHAKE -> {
                for (HandshakeView.Found found : view.add(outgoing, fragment)) {
                    if (found.message() != null) {
                        MessageTrace.print(lines, found.message(), found.frame().body().length);
                    } else if (found.frame() != null) {
                        lines.line("    " + found.frame().type().rfcName() + ", Length=" + found.frame().body().length
                                + " (does not decode: " + found.error() + ")");
                        lines.line("      " + Names.hex(found.frame().body()));
                    } else {
                        lines.line("    (not a handshake message: " + found.error() + ") " + Names.hex(fragment));
                    }
                }
                if (view.partial(outgoing)) {
                    lines.line("    (part of a handshake message continued in the next record)");
                }
            }
        }
    }

    /** "Level=fatal(2), description=bad_record_mac(20)". */
    static String alert(byte[] fragment) {
        if (fragment.length != Alert.LENGTH) {
            return "malformed alert " + Names.hex(fragment);
        }
        int level = fragment[0] & 0xFF;
        String levelName = level == AlertLevel.WARNING.code() ? "warning" : level == AlertLevel.FATAL.code() ? "fatal" : "unknown";
        int code = fragment[1] & 0xFF;
        return "Level=" + levelName + "(" + level + "), description="
                + org.layeredtls.alert.AlertDescription.fromCode(code).rfcName() + "(" + code + ")";
    }

    // Alerts are printed from their records above; the alert events themselves need no second line.
    @Override
    public void alertSent(Alert alert) {
    }
}
