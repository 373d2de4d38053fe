package org.layeredtls.handshake.relay;

import java.util.List;

/**
 * What the relay does with one record an interceptor saw: forward these records (whole records,
 * 5-byte header included) in its place, or cut both TCP connections at once, without forwarding
 * anything (no close_notify reaches either side: a truncation attack, RFC 5246 §7.2.1).
 *
 * @param records          the records to forward, in order (empty: the record is dropped)
 * @param closeConnection  whether the relay closes both connections instead
 */
public record RecordVerdict(List<byte[]> records, boolean closeConnection) {

    public RecordVerdict {
        records = List.copyOf(records);
    }

    /** Forward the record unchanged. */
    public static RecordVerdict pass(byte[] record) {
        return new RecordVerdict(List.of(record), false);
    }

    /** Forward these records instead (the original among them, to inject before or after it). */
    public static RecordVerdict replace(byte[]... records) {
        return new RecordVerdict(List.of(records), false);
    }

    /** Forward nothing. */
    public static RecordVerdict drop() {
        return new RecordVerdict(List.of(), false);
    }

    /** Close both TCP connections without forwarding this record. */
    public static RecordVerdict truncate() {
        return new RecordVerdict(List.of(), true);
    }
}
