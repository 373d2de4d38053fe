package org.layeredtls.handshake.trace;

import java.io.PrintStream;
import java.util.Arrays;

import org.layeredtls.record.TLSCiphertext;
import org.layeredtls.record.TLSCompressed;
import org.layeredtls.record.TLSPlaintext;

/**
 * Explains one session byte by byte: every record's 5-byte header, then every byte of its
 * plaintext mapped to the RFC field it encodes, with one line on what the field is for (the
 * random is "32 bytes, the client's contribution to the keys, and replay protection"; the Finished
 * "proves both sides saw the same handshake and hold the same keys"). A protected record gets a
 * summary of its protection (ciphertext, plaintext and overhead lengths) before its decrypted
 * content; a TLS 1.3 one, what its TLSInnerPlaintext holds (content, inner content type, padding) and
 * its per-record nonce. For teaching: the output is long.
 */
public final class ExplainPrinter extends Tls13AwareObserver {

    private final PrintStream out;
    private final HandshakeView view = new HandshakeView();

    public ExplainPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void recordWritten(long sequenceNumber, TLSPlaintext plaintext, TLSCompressed compressed,
                                           TLSCiphertext ciphertext) {
        explain(true, sequenceNumber, plaintext, compressed, ciphertext);
    }

    @Override
    public synchronized void recordRead(long sequenceNumber, TLSCiphertext ciphertext, TLSCompressed compressed,
                                        TLSPlaintext plaintext) {
        explain(false, sequenceNumber, plaintext, compressed, ciphertext);
    }



    private void explain(boolean outgoing, long sequenceNumber, TLSPlaintext plaintext, TLSCompressed compressed,
                         TLSCiphertext ciphertext) {
        TraceLines lines = new TraceLines();
        lines.line((outgoing ? "Sent" : "Received") + " record, sequence number " + sequenceNumber + ": "
                + Names.contentType(ciphertext.type()) + ", " + (5 + ciphertext.length()) + " bytes on the wire");
        RecordFields.header(new ByteWalk(RecordFields.headerBytes(ciphertext), lines, "  "), ciphertext);
        if (hidesContentType(outgoing, ciphertext)) {
            int zeros = compressed.length() - plaintext.length() - 1;
            lines.line("  fragment: " + ciphertext.length() + " bytes, the AEAD-sealed TLSInnerPlaintext (RFC 8446 §5.2): "
                    + plaintext.length() + " bytes of content, 1 byte of content type, " + zeros + " zero bytes of padding, "
                    + (ciphertext.length() - compressed.length()) + " bytes of tag. The nonce is this direction's write_iv XOR"
                    + " sequence number " + sequenceNumber + " (RFC 8446 §5.3), not sent; the header is the additional data.");
            lines.line("  inner content type = " + Names.contentType(plaintext.type()) + ": what the record really carries"
                    + " (the header's application_data is for middleboxes). Decrypted, its " + plaintext.length() + " bytes read:");
        } else if (!Arrays.equals(plaintext.fragment(), ciphertext.fragment())) {
            lines.line("  fragment: " + ciphertext.length() + " bytes protected with this direction's keys (explicit nonce or IV, "
                    + "encrypted content, MAC or AEAD tag: " + (ciphertext.length() - plaintext.length())
                    + " bytes of overhead); sequence number " + sequenceNumber + " is authenticated but not sent. "
                    + "Decrypted, its " + plaintext.length() + " bytes read:");
        }
        content(lines, outgoing, plaintext);
        synchronized (out) {
            lines.lines().forEach(out::println);
            out.println();
            out.flush();
        }
    }

    /** An SSLv2-compatible ClientHello (RFC 5246 Appendix E.2), its 2-byte header and its fields. */
    @Override
    public synchronized void sslv2RecordRead(byte[] header, byte[] message) {
        TraceLines lines = new TraceLines();
        lines.line("Received record, sequence number 0: an SSLv2-compatible ClientHello, " + (header.length + message.length)
                + " bytes on the wire");
        new ByteWalk(header, lines, "  ").field(header.length, "msg_length = " + message.length
                + ": high bit 1, an SSL 2.0 record with a 2-byte header (RFC 5246 Appendix E.2); not hashed");
        ByteWalk w = new ByteWalk(message, lines, "    ");
        try {
            w.field(1, "msg_type = " + (message[0] & 0xFF) + ": SSL 2.0 CLIENT-HELLO");
            w.field(2, "version = 0x" + Integer.toHexString(w.peekNumber(2)) + ": ClientHello.client_version");
            int specs = w.number(2, "cipher_spec_length = " + w.peekNumber(2) + ": 3 bytes per cipher spec");
            int sessionId = w.number(2, "session_id_length = " + w.peekNumber(2) + ": must be 0 (a V2 hello never resumes)");
            int challenge = w.number(2, "challenge_length = " + w.peekNumber(2) + ": 16 to 32 bytes");
            for (int i = 0; i + 3 <= specs; i += 3) {
                w.field(3, "cipher spec " + Names.v2CipherSpec(w.peekNumber(3)) + (w.peekNumber(3) >>> 16 == 0
                        ? ": a TLS suite, prefixed by a zero byte" : ""));
            }
            w.field(sessionId, "session_id");
            w.field(challenge, "challenge: ClientHello.random, right-aligned in 32 bytes with leading zeros");
            w.rest("bytes after the challenge: not part of a V2ClientHello");
        } catch (ByteWalk.Truncated | ArrayIndexOutOfBoundsException e) {
            lines.line("    (" + e.getMessage() + ")");
        }
        synchronized (out) {
            lines.lines().forEach(out::println);
            out.println();
            out.flush();
        }
    }

    private void content(TraceLines lines, boolean outgoing, TLSPlaintext plaintext) {
        byte[] fragment = plaintext.fragment();
        ByteWalk w = new ByteWalk(fragment, lines, "    ");
        switch (plaintext.type()) {
            case HANDSHAKE -> {
                for (HandshakeView.Found found : view.add(outgoing, fragment)) {
                    if (found.frame() == null) {
                        lines.line("    handshake bytes that do not frame: " + found.error());
                    } else {
                        MessageExplainer.explain(lines, "    ", found);
                    }
                }
                if (view.partial(outgoing)) {
                    lines.line("    (the start of a handshake message that continues in the next record: explained when complete)");
                }
            }
            default -> RecordFields.nonHandshake(w, plaintext, view.isTls13());
        }
    }
}
