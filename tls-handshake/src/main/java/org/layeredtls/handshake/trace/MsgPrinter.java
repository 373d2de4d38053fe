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

    private void print(String arrow, TLSPlaintext record) {
        StringBuilder text = new StringBuilder(arrow).append(Names.versionName(record.version())).append(", ")
                .append(Names.contentType(record.type()).replaceAll(" \\(.*", ""))
                .append(String.format(" [length %04x]", record.length())).append('\n');
        byte[] bytes = record.fragment();
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
