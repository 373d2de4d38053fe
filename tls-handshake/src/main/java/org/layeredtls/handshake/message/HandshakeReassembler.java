package org.layeredtls.handshake.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

/**
 * Turns the fragments of consecutive handshake records back into whole messages. RFC 5246 §6.2.1:
 * "multiple client messages of the same ContentType MAY be coalesced into a single TLSPlaintext
 * record, or a single message MAY be fragmented across several records". So a message may span
 * many records (down to one byte each) and one record may hold several messages; this class
 * does not care where the record boundaries fall.
 *
 * <p>Two checks happen as soon as a 4-byte header is complete, before any body is buffered:
 * <ul>
 *   <li>an unknown type is {@code unexpected_message} ({@link HandshakeType#fromCode});</li>
 *   <li>a length above the type's bound ({@link HandshakeMessageLimits}: what a legal peer can
 *       send, and for Certificate the configured {@code max_cert_list}) is refused with
 *       {@code illegal_parameter}. The RFCs name no alert for this local policy; the length field
 *       is well-formed, so {@code decode_error} would be wrong, while {@code illegal_parameter}
 *       ("a field in the handshake was out of range", RFC 5246 §7.2.2) fits, and is what OpenSSL
 *       sends ("excessive message size"). The bound keeps a peer from making us buffer 16 MiB.</li>
 * </ul>
 *
 * <p>After an error the reassembler is unusable: the connection is over. The caller also uses
 * {@link #hasPartialMessage()} to refuse a ChangeCipherSpec or another content type in the
 * middle of a handshake message.
 */
public final class HandshakeReassembler {

    private final java.util.function.ToIntFunction<HandshakeType> maxBodyLength;
    private static final int FIRST_CAPACITY = 256;
    private static final byte[] NONE = new byte[0];

    // Grows when a message needs it, dropped when no message is partial: an idle connection keeps none.
    private byte[] buffer = NONE;
    private int size;
    private TlsAlertException failure;

    /** A reassembler with each type's legal bound and OpenSSL's default {@code max_cert_list}. */
    public HandshakeReassembler() {
        this(type -> HandshakeMessageLimits.maxBodyLength(type, HandshakeMessageLimits.DEFAULT_MAX_CERTIFICATE_LIST));
    }

    /** A reassembler refusing bodies longer than {@code maxMessageLength} bytes, whatever their type. */
    public HandshakeReassembler(int maxMessageLength) {
        this(type -> maxMessageLength);
        if (maxMessageLength < 0 || maxMessageLength > 0xFFFFFF) {
            throw new IllegalArgumentException("the limit must be 0..2^24-1, not " + maxMessageLength);
        }
    }

    /** A reassembler with each type's legal bound and Certificate bodies capped at {@code maxCertificateList}. */
    public static HandshakeReassembler withMaxCertificateList(int maxCertificateList) {
        return new HandshakeReassembler(type -> HandshakeMessageLimits.maxBodyLength(type, maxCertificateList));
    }

    private HandshakeReassembler(java.util.function.ToIntFunction<HandshakeType> maxBodyLength) {
        this.maxBodyLength = maxBodyLength;
    }

    /** Adds the fragment of one handshake record; returns the messages it completes, in order. */
    public List<HandshakeFrame> add(byte[] fragment) throws TlsAlertException {
        return add(fragment, 0, fragment.length);
    }

    /** Adds {@code fragment[offset .. offset+length)}; returns the messages it completes, in order. */
    public List<HandshakeFrame> add(byte[] fragment, int offset, int length) throws TlsAlertException {
        if (failure != null) {
            throw failure;
        }
        append(fragment, offset, length);
        List<HandshakeFrame> complete = new ArrayList<>();
        int start = 0;
        try {
            while (size - start >= HandshakeFrame.HEADER_LENGTH) {
                HandshakeType type = HandshakeType.fromCode(buffer[start] & 0xFF);
                int bodyLength = ((buffer[start + 1] & 0xFF) << 16) | ((buffer[start + 2] & 0xFF) << 8)
                        | (buffer[start + 3] & 0xFF);
                int limit = maxBodyLength.applyAsInt(type);
                if (bodyLength > limit) {
                    throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, TlsLayer.HANDSHAKE,
                            "excessive message size: " + type.rfcName() + " of " + bodyLength
                                    + " bytes, the limit is " + limit);
                }
                int total = HandshakeFrame.HEADER_LENGTH + bodyLength;
                if (size - start < total) {
                    break;
                }
                byte[] body = Arrays.copyOfRange(buffer, start + HandshakeFrame.HEADER_LENGTH, start + total);
                complete.add(new HandshakeFrame(type, body));
                start += total;
            }
        } catch (TlsAlertException e) {
            failure = e;
            throw e;
        }
        size -= start;
        if (size == 0) {
            buffer = NONE;
        } else {
            System.arraycopy(buffer, start, buffer, 0, size);
        }
        return complete;
    }

    /** Whether part of a message is buffered: a record of another type may not come now. */
    public boolean hasPartialMessage() {
        return size > 0;
    }

    /** How many bytes of an incomplete message are buffered. */
    public int bufferedLength() {
        return size;
    }

    private void append(byte[] fragment, int offset, int length) {
        if (size + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(Math.max(buffer.length * 2, FIRST_CAPACITY), size + length));
        }
        System.arraycopy(fragment, offset, buffer, size, length);
        size += length;
    }
}
