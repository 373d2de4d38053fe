package org.layeredtls.ccs;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

/**
 * The ChangeCipherSpec message (RFC 5246 §7.1): one byte, of value 1.
 *
 * <pre>
 * struct {
 *     enum { change_cipher_spec(1), (255) } type;
 * } ChangeCipherSpec;
 * </pre>
 *
 * It is a protocol of its own, not a handshake message, so that it travels in a record of its own
 * (content type 20) and marks exactly where the new keys begin.
 */
public record ChangeCipherSpec() {

    /** The only legal value of the message's one byte. */
    public static final int CHANGE_CIPHER_SPEC = 1;

    public static final ChangeCipherSpec INSTANCE = new ChangeCipherSpec();

    private static final byte[] WIRE = {CHANGE_CIPHER_SPEC};

    /**
     * Decodes the whole content of a ChangeCipherSpec record.
     *
     * @throws TlsAlertException {@code unexpected_message} for a content other than the single
     *         byte 1 (see the module README for why this alert and not {@code decode_error})
     */
    public static ChangeCipherSpec decode(byte[] content) throws TlsAlertException {
        if (content.length != 1) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, TlsLayer.CHANGE_CIPHER_SPEC,
                    "a ChangeCipherSpec is exactly 1 byte, this one has " + content.length);
        }
        if (content[0] != CHANGE_CIPHER_SPEC) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, TlsLayer.CHANGE_CIPHER_SPEC,
                    "a ChangeCipherSpec holds the value 1, not " + (content[0] & 0xFF));
        }
        return INSTANCE;
    }

    /** The single wire byte. */
    public byte[] encode() {
        return WIRE.clone();
    }
}
