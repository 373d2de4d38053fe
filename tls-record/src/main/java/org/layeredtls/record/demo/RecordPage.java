package org.layeredtls.record.demo;

import java.io.IOException;
import java.nio.file.Path;

import org.layeredtls.record.RecordObserver;

/**
 * An illustrated page of the records the demo writes ({@code record-demo -html FILE}). The page
 * writer lives in the handshake module (it maps bytes to fields with the handshake's explainer),
 * which this module cannot see: the {@code layeredtls} launcher, which sees both, hands one in.
 */
public interface RecordPage {

    /** Watches the writing record layer. */
    RecordObserver observer();

    /**
     * TLS 1.3: the writer is about to be given this key and iv without a handshake; the page shows them,
     * and each record's nonce (RFC 8446 §5.3).
     */
    default void tls13Keys(byte[] writeKey, byte[] writeIv) {
    }

    /** Writes the page of what {@link #observer()} saw. */
    void write(Path file, String title) throws IOException;
}
