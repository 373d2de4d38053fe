package org.layeredtls.handshake.intercept;

import java.io.IOException;

/**
 * A research hook on the Record layer's read path (set with
 * {@link org.layeredtls.handshake.api.TlsConfig.Builder#incomingRecordInterceptor}): it sees each
 * record the peer sent exactly as it came off the wire (header and protected fragment), before the
 * record layer checks, decrypts or counts it, and returns the bytes the record layer reads instead:
 *
 * <ul>
 *   <li>pass: {@code return record.bytes();}</li>
 *   <li>replace: changed bytes (a flipped bit in a protected fragment: this side answers {@code bad_record_mac});</li>
 *   <li>drop: an empty array;</li>
 *   <li>inject: more records before or after it;</li>
 *   <li>delay: keep the bytes and return them with a later record.</li>
 * </ul>
 *
 * The bytes returned need not end on a record boundary: a partial record waits for what the next
 * call returns, as it would on the wire. The record layer then treats them as the peer's: sequence
 * numbers, keys and every check follow what it reads, and the observer's {@code recordRead} reports
 * them. Why before decryption: this is the wire, as the outgoing {@link RecordInterceptor} sees it;
 * plaintext handshake messages are {@link IncomingHandshakeInterceptor}'s.
 */
@FunctionalInterface
public interface IncomingRecordInterceptor {

    byte[] intercept(IncomingRecord record) throws IOException;
}
