package org.layeredtls.record;

import org.layeredtls.alert.TlsAlertException;

/**
 * Where the next record ends, judged from the bytes at hand: what a reader that must never block
 * (a non-blocking engine) asks before it lets the {@link RecordLayer} read a record. RFC 5246
 * §6.2.1: the 5-byte header says how long the fragment after it is.
 *
 * <pre>
 *   fewer than 5 bytes                          → {@link #UNKNOWN}: wait for more
 *   a header the record layer refuses           → 5: the header alone makes it raise its alert
 *     (unknown type, not {3,x}, length over the limit)
 *   an SSL 2.0 CLIENT-HELLO (when allowed)      → 2 + msg_length (RFC 5246 Appendix E.2)
 *   any other header                            → 5 + length
 * </pre>
 */
public final class RecordFraming {

    /** Not enough bytes yet to say where the record ends. */
    public static final int UNKNOWN = -1;

    private RecordFraming() {
    }

    /**
     * How many bytes, from {@code offset}, the record layer reads for the next record.
     *
     * @param sslv2ClientHelloAllowed the record may be an SSL 2.0 CLIENT-HELLO (a server's first record)
     * @param receiveFragmentLimit    the record layer's plaintext limit ({@link RecordLayer#receiveFragmentLimit()})
     * @return the record's length on the wire, or {@link #UNKNOWN} while its header is incomplete
     */
    public static int recordLength(byte[] bytes, int offset, int length, boolean sslv2ClientHelloAllowed,
                                   int receiveFragmentLimit) {
        if (length < RecordLimits.HEADER_LENGTH) {
            return UNKNOWN;
        }
        byte[] header = java.util.Arrays.copyOfRange(bytes, offset, offset + RecordLimits.HEADER_LENGTH);
        if (sslv2ClientHelloAllowed && Sslv2RecordHeader.startsClientHello(header)) {
            try {
                return Sslv2RecordHeader.LENGTH + Sslv2RecordHeader.messageLength(header, receiveFragmentLimit);
            } catch (TlsAlertException refused) {
                return RecordLimits.HEADER_LENGTH;
            }
        }
        RecordHeader decoded;
        try {
            decoded = RecordHeader.decode(header);
        } catch (TlsAlertException refused) {
            return RecordLimits.HEADER_LENGTH;
        }
        int ciphertextLimit = receiveFragmentLimit + RecordLimits.MAX_COMPRESSION_EXPANSION
                + RecordLimits.MAX_PROTECTION_EXPANSION;
        if (decoded.version().major() != 3 || decoded.length() > ciphertextLimit) {
            return RecordLimits.HEADER_LENGTH;
        }
        return RecordLimits.HEADER_LENGTH + decoded.length();
    }
}
