package org.layeredtls.handshake.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.layeredtls.handshake.intercept.IncomingRecord;
import org.layeredtls.handshake.intercept.IncomingRecordInterceptor;
import org.layeredtls.record.RecordFraming;
import org.layeredtls.record.RecordLimits;

/**
 * What the record layer reads when the configuration has an {@link IncomingRecordInterceptor}: the
 * peer's records go, one at a time and as they came off the wire, to the interceptor, and the
 * bytes it returns queue here for the record layer. They need not end on a record boundary: a
 * partial record waits for the next bytes the interceptor returns.
 */
final class InterceptedRecordInput extends InputStream {

    private final InputStream wire;
    private final IncomingRecordInterceptor interceptor;
    private byte[] queued = new byte[0];
    private int start;
    private long index;

    InterceptedRecordInput(InputStream wire, IncomingRecordInterceptor interceptor) {
        this.wire = wire;
        this.interceptor = interceptor;
    }

    /**
     * Takes the next record off the wire (the caller has made sure all of it is there), hands it to
     * the interceptor and queues what it returns.
     */
    void interceptNextRecord(boolean sslv2ClientHelloAllowed, int receiveFragmentLimit) throws IOException {
        byte[] header = wire.readNBytes(RecordLimits.HEADER_LENGTH);
        int length = RecordFraming.recordLength(header, 0, header.length, sslv2ClientHelloAllowed, receiveFragmentLimit);
        byte[] record = Arrays.copyOf(header, Math.max(header.length, length));
        if (record.length > header.length) {
            wire.readNBytes(record, header.length, record.length - header.length);
        }
        byte[] replacement = interceptor.intercept(new IncomingRecord(index++, record));
        byte[] rest = Arrays.copyOfRange(queued, start, queued.length);
        ByteArrayOutputStream joined = new ByteArrayOutputStream(rest.length + replacement.length);
        joined.writeBytes(rest);
        joined.writeBytes(replacement);
        queued = joined.toByteArray();
        start = 0;
    }

    /** Whether a whole record is queued for the record layer. */
    boolean hasWholeRecord(boolean sslv2ClientHelloAllowed, int receiveFragmentLimit) {
        int length = RecordFraming.recordLength(queued, start, queued.length - start, sslv2ClientHelloAllowed,
                receiveFragmentLimit);
        return length != RecordFraming.UNKNOWN && length <= queued.length - start;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int available = queued.length - start;
        if (available < length) {
            // Connection lets the record layer read only when hasWholeRecord says so.
            throw new IllegalStateException("research hook: the record layer read " + length + " bytes, "
                    + available + " are queued");
        }
        System.arraycopy(queued, start, buffer, offset, length);
        start += length;
        if (start == queued.length) {
            queued = new byte[0];
            start = 0;
        }
        return length;
    }

    @Override
    public int available() {
        return queued.length - start;
    }
}
