package org.layeredtls.handshake.relay;

import java.util.List;

import org.layeredtls.record.RecordHeader;

/**
 * What {@code layeredtls relay -intercept CLASS} loads (a public class with a public no-argument
 * constructor): it sees every record in both directions, and every handshake message that passes
 * in the clear (before its sender's ChangeCipherSpec), and may modify, drop or inject either.
 * One instance serves one relayed connection; the relay calls it from one thread per direction.
 *
 * <p>The relay forwards what the interceptor returns and traces what it forwards: the peers, not
 * the relay, decide what a tampering leads to (a Finished that no longer matches the transcript,
 * an RFC 7507 downgrade check, a missing renegotiation_info).
 */
public interface RelayInterceptor {

    /**
     * One record as it arrived, header included.
     *
     * @param header the record's 5-byte header, decoded
     * @param record the whole record on the wire (header and fragment)
     */
    default RecordVerdict record(Direction direction, RecordHeader header, byte[] record) {
        return RecordVerdict.pass(record);
    }

    /**
     * One handshake message in the clear, reassembled from its records: {@code msg_type},
     * the 3-byte length and the body (RFC 5246 §7.4). The relay frames what comes back into a
     * handshake record of the same version; the message is dropped when the list is empty.
     */
    default List<byte[]> handshakeMessage(Direction direction, byte[] message) {
        return List.of(message);
    }
}
