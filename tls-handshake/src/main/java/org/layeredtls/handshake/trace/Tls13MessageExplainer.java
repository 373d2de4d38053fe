package org.layeredtls.handshake.trace;

import org.layeredtls.handshake.message.CertificateVerify;
import org.layeredtls.handshake.message.EncryptedExtensions;
import org.layeredtls.handshake.message.Finished;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.KeyUpdate;
import org.layeredtls.handshake.message.Tls13Certificate;
import org.layeredtls.handshake.message.Tls13CertificateRequest;
import org.layeredtls.handshake.message.Tls13NewSessionTicket;

/**
 * The bytes of the messages TLS 1.3 added or changed, field by field (RFC 8446 §4.3.1, §4.3.2, §4.4.2,
 * §4.4.3, §4.4.4, §4.6.1, §4.6.3); {@link MessageExplainer} walks the others and the message header.
 */
final class Tls13MessageExplainer {

    private Tls13MessageExplainer() {
    }

    /** Where RFC 8446 defines the message (TLS 1.3 redefined them all). */
    static String section(HandshakeType type) {
        return "RFC 8446 §" + switch (type) {
            case CLIENT_HELLO -> "4.1.2";
            case SERVER_HELLO -> "4.1.3";
            case NEW_SESSION_TICKET -> "4.6.1";
            case END_OF_EARLY_DATA -> "4.5";
            case ENCRYPTED_EXTENSIONS -> "4.3.1";
            case CERTIFICATE -> "4.4.2";
            case CERTIFICATE_REQUEST -> "4.3.2";
            case CERTIFICATE_VERIFY -> "4.4.3";
            case FINISHED -> "4.4.4";
            case KEY_UPDATE -> "4.6.3";
            case MESSAGE_HASH -> "4.4.1";
            default -> "4 (not a TLS 1.3 message)";
        };
    }

    /** Walks the body of {@code message} if it is in its TLS 1.3 form; returns whether it was. */
    static boolean body(ByteWalk w, HandshakeMessage message, boolean tls13) {
        if (message instanceof EncryptedExtensions) {
            extensionBlock(w, "the server's answers to the client's extensions that do not shape the keys, now encrypted (RFC 8446 §4.3.1)");
        } else if (message instanceof Tls13Certificate m) {
            w.vector(1, "certificate_request_context", "empty in the handshake; echoes CertificateRequest's in post-handshake authentication (RFC 8446 §4.4.2)");
            w.number(3, "certificate_list length = " + w.peekNumber(3) + ": the chain, the sender's own certificate first");
            for (var entry : m.certificateList()) {
                w.number(3, "cert_data length = " + entry.certData().length);
                w.field(entry.certData().length, "X.509 certificate (DER): " + MessageExplainer.subject(entry.certData()));
                extensionBlock(w, "this certificate's own extensions (OCSP status, SCTs), new in TLS 1.3");
            }
        } else if (message instanceof Tls13CertificateRequest) {
            w.vector(1, "certificate_request_context", "an identifier the client's Certificate echoes (empty in the handshake)");
            extensionBlock(w, "what the server accepts: signature_algorithms is required (RFC 8446 §4.3.2)");
        } else if (message instanceof Tls13NewSessionTicket) {
            w.number(4, "ticket_lifetime = " + Integer.toUnsignedString(w.peekNumber(4)) + " s: at most 7 days (RFC 8446 §4.6.1)");
            w.number(4, "ticket_age_add = " + Integer.toUnsignedString(w.peekNumber(4))
                    + ": added to the ticket's age the client reports, so that the age does not identify the client on the wire");
            w.vector(1, "ticket_nonce", "makes each ticket's PSK different: HKDF-Expand-Label(resumption_master_secret, \"resumption\", ticket_nonce)");
            w.vector(2, "ticket", "the PSK's identity: opaque to the client, the server finds the session state behind it");
            extensionBlock(w, "early_data's max_early_data_size, if the server takes 0-RTT data");
        } else if (message instanceof KeyUpdate m) {
            w.field(1, "request_update = " + (m.updateRequested() ? "update_requested(1): the peer must answer with its own KeyUpdate"
                    : "update_not_requested(0)") + "; from the next record on, the sender's traffic secret is the next one (RFC 8446 §7.2)");
        } else if (tls13 && message instanceof CertificateVerify) {
            w.field(2, "signature algorithm = " + Names.signatureScheme(w.peekNumber(2)));
            w.vector(2, "signature", "over 64 spaces, the context string (\"TLS 1.3, server CertificateVerify\" or client),"
                    + " a zero byte and the transcript hash: proves the sender holds its certificate's key (RFC 8446 §4.4.3)");
        } else if (tls13 && message instanceof Finished) {
            w.rest("verify_data: HMAC(finished_key, Transcript-Hash(the handshake so far)), finished_key from the sender's"
                    + " handshake traffic secret: proves both sides saw the same handshake (RFC 8446 §4.4.4)");
        } else {
            return false;
        }
        return true;
    }

    /** RFC 8446 §4.2: Extension extensions<0..2^16-1>, each explained. */
    private static void extensionBlock(ByteWalk w, String meaning) {
        int length = w.number(2, "extensions length = " + w.peekNumber(2) + ": " + meaning);
        w.nested(length, "trailing bytes the extensions' own lengths do not account for", MessageExplainer::extensionList);
    }
}
