package org.layeredtls.handshake.trace;

import java.io.PrintStream;

import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.record.TLSCiphertext;
import org.layeredtls.record.TLSCompressed;
import org.layeredtls.record.TLSPlaintext;

/**
 * Prints each record's plaintext in hex, after {@code openssl s_client -msg}:
 * {@code >>> TLS 1.2, Handshake [length 00b3]} for what we send, {@code <<<} for what we receive,
 * then the bytes, 16 to a line.
 */
public final class MsgPrinter implements TlsObserver {

    private final PrintStream out;

    public MsgPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void recordWritten(long sequenceNumber, TLSPlaintext plaintext, TLSCompressed compressed, TLSCiphertext ciphertext) {
        print(">>> ", plaintext);
    }

    @Override
    public void recordRead(long sequenceNumber, TLSCiphertext ciphertext, TLSCompressed compressed, TLSPlaintext plaintext) {
        print("<<< ", plaintext);
    }

    /**
     * An SSLv2-compatible ClientHello: OpenSSL's {@code -msg} prints its message bytes (after the 2-byte
     * header) as "Not TLS data or unknown version (version=2, content_type=0)"; so does this.
     */
    @Override
    public void sslv2RecordRead(byte[] header, byte[] message) {
        print("<<< Not TLS data or unknown version (version=2, content_type=0)", message);
    }

    private void print(String arrow, TLSPlaintext record) {
        print(arrow + Names.versionName(record.version()) + ", "
                + Names.contentType(record.type()).replaceAll(" \\(.*", ""), record.fragment());
    }

    private void print(String title, byte[] bytes) {
        StringBuilder text = new StringBuilder(title).append(String.format(" [length %04x]", bytes.length)).append('\n');
        for (int i = 0; i < bytes.length; i += 16) {
            text.append("   ");
            for (int j = i; j < Math.min(bytes.length, i + 16); j++) {
                text.append(String.format(" %02x", bytes[j] & 0xFF));
            }
            text.append('\n');
        }
        synchronized (out) {
            out.print(text);
            out.flush();
        }
    }
}
