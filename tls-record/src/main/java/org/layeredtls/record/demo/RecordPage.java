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

    /** Writes the page of what {@link #observer()} saw. */
    void write(Path file, String title) throws IOException;
}
