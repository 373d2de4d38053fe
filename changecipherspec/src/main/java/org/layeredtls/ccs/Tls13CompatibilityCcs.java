package org.layeredtls.ccs;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

/**
 * What is left of ChangeCipherSpec in TLS 1.3: a gesture for middleboxes (RFC 8446 Appendix D.4).
 * TLS 1.3 changes keys without it ({@code RecordLayer.installReadState}); but boxes on the path that
 * only let through what looks like a TLS 1.2 resumption drop a connection with no CCS, so in
 * "middlebox compatibility mode" each side sends one, in the clear, right after its first flight
 * (the server after its ServerHello or HelloRetryRequest, the client before its second flight), and
 * the receiver throws it away. This class is the receiver's rule, one object per connection:
 *
 * <pre>
 *   a CCS of exactly 01, in the clear, between the first ClientHello and the peer's Finished   → dropped
 *   any other content (02, empty, 01 01)                                                     → unexpected_message
 *   a CCS before the first ClientHello or after the peer's Finished                         → unexpected_message
 *   a protected CCS (inner content type 20)                       → unexpected_message (the record layer's check)
 * </pre>
 *
 * <p>RFC 8446 §5: "An implementation may receive an unencrypted record of type change_cipher_spec
 * consisting of the single byte value 0x01 at any time after the first ClientHello message has been
 * sent or received and before the peer's Finished message has been received and MUST simply drop it
 * without further processing." The record layer passes an unprotected CCS up unopened, even where it
 * expects protected records; the handshake hands its content to {@link #receive}.
 */
public final class Tls13CompatibilityCcs {

    private boolean firstClientHelloSeen;
    private boolean peerFinishedReceived;
    private int dropped;

    /** The first ClientHello was sent (client) or received (server): a CCS may arrive from now on. */
    public void firstClientHelloSeen() {
        this.firstClientHelloSeen = true;
    }

    /** The peer's Finished arrived: from now on a CCS is an unexpected record. */
    public void peerFinishedReceived() {
        this.peerFinishedReceived = true;
    }

    /** Whether a compatibility CCS would be dropped now. */
    public boolean isWindowOpen() {
        return firstClientHelloSeen && !peerFinishedReceived;
    }

    /**
     * Judges the content of one change_cipher_spec record received in the clear under TLS 1.3: returns
     * when it is the compatibility CCS, to be dropped "without further processing".
     *
     * @throws TlsAlertException {@code unexpected_message} for any other content, and for a CCS outside
     *         the window (§5: "MUST be treated as an unexpected record type")
     */
    public void receive(byte[] content) throws TlsAlertException {
        if (!isWindowOpen()) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, TlsLayer.CHANGE_CIPHER_SPEC,
                    "a TLS 1.3 change_cipher_spec " + (firstClientHelloSeen ? "after the peer's Finished"
                            : "before the first ClientHello"));
        }
        if (content.length != 1 || content[0] != ChangeCipherSpec.CHANGE_CIPHER_SPEC) {
            // RFC 8446 §5: "receives any other change_cipher_spec value ... MUST abort the handshake"
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, TlsLayer.CHANGE_CIPHER_SPEC,
                    "a TLS 1.3 change_cipher_spec must be the single byte 01, this one has " + content.length
                            + " bytes" + (content.length == 1 ? " (" + (content[0] & 0xFF) + ")" : ""));
        }
        dropped++;
    }

    /** How many compatibility CCS records were dropped so far (for observers and tests). */
    public int droppedCount() {
        return dropped;
    }

    /** The CCS a side in middlebox compatibility mode sends, in the clear: the single byte 01. */
    public static byte[] message() {
        return ChangeCipherSpec.INSTANCE.encode();
    }
}
