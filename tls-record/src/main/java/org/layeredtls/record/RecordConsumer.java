package org.layeredtls.record;

import java.io.IOException;

/** Takes the fragments of one content type, in order, as the {@link RecordDispatcher} reads them. */
@FunctionalInterface
public interface RecordConsumer {

    void accept(TLSPlaintext record) throws IOException;
}
