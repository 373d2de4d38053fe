package org.layeredtls.handshake.trace;

import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.message.CertificateEntry;
import org.layeredtls.handshake.message.EncryptedExtensions;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.KeyUpdate;
import org.layeredtls.handshake.message.Tls13Certificate;
import org.layeredtls.handshake.message.Tls13CertificateRequest;
import org.layeredtls.handshake.message.Tls13NewSessionTicket;

/**
 * The fields of the messages TLS 1.3 added or changed (RFC 8446 §4.3.1, §4.3.2, §4.4.2, §4.6.1, §4.6.3), with
 * the field names and indents of {@code openssl -trace}; {@link MessageTrace} prints the others.
 */
final class Tls13MessageTrace {

    private static final String I = "      ";

    private Tls13MessageTrace() {
    }

    /** OpenSSL's name for the message: Certificate, CertificateRequest, NewSessionTicket (not our Tls13 class names). */
    static String title(HandshakeMessage message) {
        return message.getClass().getSimpleName().replaceFirst("^Tls13", "");
    }

    /** Prints the fields of {@code message} if it is a TLS 1.3 message; returns whether it was one. */
    static boolean print(TraceLines out, HandshakeMessage message) {
        if (message instanceof EncryptedExtensions m) {
            extensions(out, I, m.extensions());
        } else if (message instanceof Tls13Certificate m) {
            out.line(I + "context " + Names.lenHex(m.requestContext()));
            int total = m.certificateList().stream().mapToInt(e -> 3 + e.certData().length + 2 + extensionsLength(e.extensions())).sum();
            out.line(I + "certificate_list, length=" + total);
            for (CertificateEntry entry : m.certificateList()) {
                out.line(I + "  ASN.1Cert, length=" + entry.certData().length);
                MessageTrace.certificate(out, I + "    ", entry.certData());
                extensions(out, I + "  ", entry.extensions());
            }
        } else if (message instanceof Tls13CertificateRequest m) {
            out.line(I + "request_context " + Names.lenHex(m.requestContext()));
            extensions(out, I, m.extensions());
        } else if (message instanceof Tls13NewSessionTicket m) {
            String in = I + "  "; // sic: OpenSSL indents these two more than other messages' fields
            out.line(in + "ticket_lifetime_hint=" + m.lifetimeSeconds());
            out.line(in + "ticket_age_add=" + m.ageAdd());
            out.line(in + "ticket_nonce " + Names.lenHex(m.nonce()));
            out.line(in + "ticket " + Names.lenHex(m.ticket()));
            extensions(out, in, m.extensions());
        } else if (message instanceof KeyUpdate m) {
            out.line(I + (m.updateRequested() ? "update_requested (1)" : "update_not_requested (0)"));
        } else {
            return false;
        }
        return true;
    }

    /** "No extensions", as OpenSSL, or each extension by name with its content. */
    private static void extensions(TraceLines out, String indent, Extensions extensions) {
        if (extensions.isEmpty()) {
            out.line(indent + "No extensions");
        } else {
            ExtensionTrace.print(out, indent, extensions.list());
        }
    }

    private static int extensionsLength(Extensions extensions) {
        return extensions.list().stream().mapToInt(e -> 4 + e.data().length).sum();
    }
}
