package org.layeredtls.handshake.intercept;

import java.io.IOException;

/**
 * A research hook on the Record layer's write path (set with
 * {@link org.layeredtls.handshake.api.TlsConfig.Builder#recordInterceptor}): it sees each record
 * this side writes, header and protected fragment, just before it goes to the wire, and returns
 * the bytes to write instead. Return {@code record.bytes()} to pass it, changed bytes to tamper
 * with it (a flipped bit in a protected fragment: the peer answers {@code bad_record_mac}), an
 * empty array to drop it, or more bytes to inject records before or after it.
 *
 * <p>The connection's {@link org.layeredtls.handshake.api.TlsObserver} still sees the record as the
 * layer made it; sequence numbers and keys go on as if it had been sent.
 */
@FunctionalInterface
public interface RecordInterceptor {

    byte[] intercept(OutgoingRecord record) throws IOException;
}
