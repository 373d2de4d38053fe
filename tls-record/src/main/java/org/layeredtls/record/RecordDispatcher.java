package org.layeredtls.record;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

/**
 * Hands each record read to whoever consumes its content type: the Alert protocol, the
 * ChangeCipherSpec protocol, the Handshake protocol, the application. Fragments of one type
 * arrive in order; a type nobody consumes right now is {@code unexpected_message} (RFC 5246 §6).
 */
public final class RecordDispatcher {

    private final RecordLayer records;
    private final Map<ContentType, RecordConsumer> consumers = new EnumMap<>(ContentType.class);

    public RecordDispatcher(RecordLayer records) {
        this.records = records;
    }

    /** Sets (or, with {@code null}, removes) the consumer of one content type. */
    public RecordDispatcher on(ContentType type, RecordConsumer consumer) {
        if (consumer == null) {
            consumers.remove(type);
        } else {
            consumers.put(type, consumer);
        }
        return this;
    }

    /**
     * Reads one record and hands it to its consumer.
     *
     * @return false if the stream ended cleanly before a record
     */
    public boolean dispatchNext() throws IOException {
        TLSPlaintext record = records.readRecord();
        if (record == null) {
            return false;
        }
        RecordConsumer consumer = consumers.get(record.type());
        if (consumer == null) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, TlsLayer.RECORD,
                    "a " + record.type() + " record arrived when none was expected");
        }
        consumer.accept(record);
        return true;
    }
}
