package org.layeredtls.record;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

/**
 * The 2-byte header of the SSL 2.0 record that carries an SSLv2-compatible ClientHello (RFC 5246
 * Appendix E.2; the SSL 2.0 draft, §1.2): {@code msg_length}, whose high bit says "2-byte header, no
 * padding" and whose other 15 bits are the length of the message that follows (msg_type, version,
 * cipher_spec_length, session_id_length, challenge_length, then the three fields).
 *
 * <pre>
 *   80 1c 01 03 03 ...     msg_length 0x801c: 28 bytes follow; msg_type 1, CLIENT-HELLO; version {3,3}
 * </pre>
 */
final class Sslv2RecordHeader {

    /** msg_length: two bytes. */
    static final int LENGTH = 2;
    /** SSL 2.0's MSG-CLIENT-HELLO, the message's first byte. */
    static final int MSG_TYPE_CLIENT_HELLO = 1;
    /** msg_type, version and the three 2-byte lengths: the message's fixed fields. */
    static final int CLIENT_HELLO_FIXED_LENGTH = 9;

    private Sslv2RecordHeader() {
    }

    /**
     * Whether a record whose first bytes (at least 3) are these is an SSL 2.0 CLIENT-HELLO: the high bit
     * set (no content type is 0x80 or more) and msg_type 1. OpenSSL makes the same test on its first record.
     */
    static boolean startsClientHello(byte[] firstBytes) {
        return (firstBytes[0] & 0x80) != 0 && firstBytes[LENGTH] == MSG_TYPE_CLIENT_HELLO;
    }

    /**
     * The length of the message after the header, checked before it is read.
     *
     * @throws TlsAlertException {@code decode_error} below the fixed fields (OpenSSL: "length too
     *         short"); {@code record_overflow} above {@code limit}
     */
    static int messageLength(byte[] header, int limit) throws TlsAlertException {
        int length = ((header[0] & 0x7F) << 8) | (header[1] & 0xFF);
        if (length < CLIENT_HELLO_FIXED_LENGTH) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, TlsLayer.RECORD,
                    "an SSL 2.0 CLIENT-HELLO record of " + length + " bytes is shorter than its fixed fields");
        }
        if (length > limit) {
            throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW, TlsLayer.RECORD,
                    "an SSL 2.0 CLIENT-HELLO record of " + length + " bytes exceeds " + limit);
        }
        return length;
    }
}
