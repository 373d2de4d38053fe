package org.layeredtls.handshake.relay.examples;

import java.util.EnumSet;
import java.util.Set;

import org.layeredtls.handshake.relay.Direction;
import org.layeredtls.handshake.relay.RecordVerdict;
import org.layeredtls.handshake.relay.RelayInterceptor;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.RecordHeader;

/**
 * A truncation attack (RFC 5246 §7.2.1): the first alert record either side sends after its
 * ChangeCipherSpec (in a connection that ends normally, its close_notify; the relay needs no key
 * to see the record type) is never forwarded: both TCP connections are closed instead. The peers
 * see the connection end without close_notify: who notices, and how, is the experiment.
 */
public final class TruncateBeforeCloseNotify implements RelayInterceptor {

    private final Set<Direction> changedCipherSpec = EnumSet.noneOf(Direction.class);

    @Override
    public synchronized RecordVerdict record(Direction direction, RecordHeader header, byte[] record) {
        if (header.type() == ContentType.CHANGE_CIPHER_SPEC) {
            changedCipherSpec.add(direction);
        } else if (header.type() == ContentType.ALERT && changedCipherSpec.contains(direction)) {
            return RecordVerdict.truncate();
        }
        return RecordVerdict.pass(record);
    }
}
