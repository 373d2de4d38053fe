package org.layeredtls.handshake.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.TLSCiphertext;
import org.layeredtls.record.TLSCompressed;
import org.layeredtls.record.TLSPlaintext;

/** An observer that keeps the plaintext lengths of the application-data records one side writes, in order. */
public final class WrittenApplicationData implements TlsObserver {

    /** The lengths so far; safe to read from another thread. */
    public final List<Integer> lengths = new CopyOnWriteArrayList<>();

    @Override
    public void recordWritten(long sequenceNumber, TLSPlaintext plaintext, TLSCompressed compressed,
                              TLSCiphertext ciphertext) {
        if (plaintext.type() == ContentType.APPLICATION_DATA) {
            lengths.add(plaintext.length());
        }
    }
}
