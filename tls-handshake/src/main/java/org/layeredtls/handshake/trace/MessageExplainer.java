package org.layeredtls.handshake.trace;

import org.layeredtls.handshake.message.CertificateVerify;
import org.layeredtls.handshake.message.ClientKeyExchange;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.ServerDhParams;
import org.layeredtls.handshake.message.ServerKeyExchange;
import org.layeredtls.record.ProtocolVersion;

/** Maps every byte of one handshake message to the RFC 5246 field it encodes, with a line on what the field is for. */
final class MessageExplainer {

    private MessageExplainer() {
    }

    static void explain(TraceLines out, String indent, HandshakeView.Found found) {
        explain(new ByteWalk(found.frame().bytes(), out, indent), found);
    }

    /** Walks the found message's bytes with {@code w}, which must start at the frame's first byte. */
    static void explain(ByteWalk w, HandshakeView.Found found) {
        HandshakeFrame frame = found.frame();
        HandshakeMessage message = found.message();
        try {
            w.number(1, "msg_type = " + frame.type().rfcName() + "(" + frame.type().code() + "): which handshake message this is ("
                    + (found.tls13() ? Tls13MessageExplainer.section(frame.type()) : section(frame.type())) + ")");
            w.number(3, "length = " + frame.body().length + ": bytes of the message body that follow");
            if (message == null) {
                w.rest("body that does not decode as a " + frame.type().rfcName());
                return;
            }
            body(w, frame.type(), message, found.tls13());
            w.rest("trailing bytes the message's own lengths do not account for");
        } catch (ByteWalk.Truncated e) {
            w.rest(e.getMessage());
        }
    }

    /** Where the RFC defines the message. */
    static String section(HandshakeType type) {
        return switch (type) {
            case HELLO_REQUEST -> "RFC 5246 §7.4.1.1";
            case CLIENT_HELLO -> "RFC 5246 §7.4.1.2";
            case SERVER_HELLO -> "RFC 5246 §7.4.1.3";
            case CERTIFICATE -> "RFC 5246 §7.4.2";
            case SERVER_KEY_EXCHANGE -> "RFC 5246 §7.4.3";
            case CERTIFICATE_REQUEST -> "RFC 5246 §7.4.4";
            case SERVER_HELLO_DONE -> "RFC 5246 §7.4.5";
            case CERTIFICATE_VERIFY -> "RFC 5246 §7.4.8";
            case CLIENT_KEY_EXCHANGE -> "RFC 5246 §7.4.7";
            case FINISHED -> "RFC 5246 §7.4.9";
            case NEW_SESSION_TICKET -> "RFC 5077 §3.3";
            case END_OF_EARLY_DATA -> "RFC 8446 §4.5";
            case ENCRYPTED_EXTENSIONS -> "RFC 8446 §4.3.1";
            case KEY_UPDATE -> "RFC 8446 §4.6.3";
            case MESSAGE_HASH -> "RFC 8446 §4.4.1";
        };
    }

    private static void body(ByteWalk w, HandshakeType type, HandshakeMessage message, boolean tls13) {
        if (Tls13MessageExplainer.body(w, message, tls13)) {
            return;
        }
        switch (type) {
            case CLIENT_HELLO -> {
                version(w, "client_version", "the highest version the client speaks");
                w.field(32, "random: 32 bytes, the client's contribution to the keys, and replay protection (4 bytes gmt_unix_time, 28 random)");
                sessionId(w, "the session the client hopes to resume (empty: a new session)");
                int suites = w.number(2, "cipher_suites length = " + w.peekNumber(2) + ": " + w.peekNumber(2) / 2 + " suites, in the client's order of preference");
                for (int i = 0; i < suites / 2; i++) {
                    w.field(2, "cipher suite " + Names.cipherSuite(w.peekNumber(2)).replaceFirst("^\\{.*\\} ", ""));
                }
                int methods = w.number(1, "compression_methods length = " + w.peekNumber(1));
                for (int i = 0; i < methods; i++) {
                    w.field(1, "compression method " + Names.compression(w.peekNumber(1)));
                }
                extensions(w);
            }
            case SERVER_HELLO -> {
                version(w, "server_version", "the version the server chose: both now speak it");
                w.field(32, "random: 32 bytes, the server's contribution to the keys, and replay protection");
                sessionId(w, "the name under which this session may be resumed (empty: not resumable by ID)");
                w.field(2, "cipher_suite = " + Names.cipherSuite(w.peekNumber(2)).replaceFirst("^\\{.*\\} ", "") + ": the suite the server chose");
                w.field(1, "compression_method = " + Names.compression(w.peekNumber(1)) + ": the method the server chose");
                extensions(w);
            }
            case CERTIFICATE -> {
                w.number(3, "certificate_list length = " + w.peekNumber(3) + ": the chain, the sender's own certificate first");
                var list = ((org.layeredtls.handshake.message.Certificate) message).certificateList();
                for (byte[] der : list) {
                    w.number(3, "ASN.1Cert length = " + der.length);
                    w.field(der.length, "X.509 certificate (DER): " + subject(der));
                }
            }
            case SERVER_KEY_EXCHANGE -> {
                ServerKeyExchange ske = (ServerKeyExchange) message;
                if (ske.params() instanceof ServerDhParams) {
                    w.vector(2, "dh_p", "the prime of the server's Diffie-Hellman group");
                    w.vector(2, "dh_g", "the generator");
                    w.vector(2, "dh_Ys", "the server's ephemeral public value g^Xs mod p");
                } else {
                    w.field(1, "curve_type = named_curve(3): the curve is named, not spelt out (RFC 8422 §5.4)");
                    w.field(2, "named_curve = " + Names.group(w.peekNumber(2)));
                    w.vector(1, "public point", "the server's ephemeral public key, fresh for this handshake");
                }
                signature(w, ske.signature().algorithm().isPresent(),
                        "the server's signature over client_random + server_random + these parameters: proves it holds the certificate's key, and binds the key exchange to this handshake");
            }
            case CERTIFICATE_REQUEST -> {
                w.vector(1, "certificate_types", "the kinds of client certificate the server accepts");
                if (message instanceof org.layeredtls.handshake.message.CertificateRequest r && r.supportedSignatureAlgorithms().isPresent()) {
                    w.vector(2, "supported_signature_algorithms", "the signatures the server can verify");
                }
                w.vector(2, "certificate_authorities", "the CAs whose certificates the server trusts");
            }
            case SERVER_HELLO_DONE, HELLO_REQUEST -> {
                // empty body
            }
            case CLIENT_KEY_EXCHANGE -> {
                switch (((ClientKeyExchange) message).form()) {
                    case EC_POINT -> w.vector(1, "ecdh_Yc", "the client's ephemeral public key: with the server's, it gives the pre-master secret");
                    case DH_PUBLIC -> w.vector(2, "dh_Yc", "the client's public value g^Xc mod p: with the server's, it gives the pre-master secret");
                    case ENCRYPTED_PREMASTER_SECRET -> w.vector(2, "EncryptedPreMasterSecret", "48 random bytes (client_version first), encrypted to the server's RSA key");
                    default -> w.rest("EncryptedPreMasterSecret (SSL 3.0: no length): encrypted to the server's RSA key");
                }
            }
            case CERTIFICATE_VERIFY -> signature(w, ((CertificateVerify) message).signature().algorithm().isPresent(),
                    "the client's signature over the handshake so far: proves it holds its certificate's key");
            case FINISHED -> w.rest("verify_data: PRF(master_secret, label, hash of the handshake): proves both sides saw the same handshake and hold the same keys");
            case NEW_SESSION_TICKET -> {
                w.number(4, "ticket_lifetime_hint = " + Integer.toUnsignedString(w.peekNumber(4)) + " s: how long the client may keep the ticket");
                w.vector(2, "ticket", "the session state, encrypted under a key only the server knows (RFC 5077)");
            }
        }
    }

    private static void version(ByteWalk w, String name, String meaning) {
        int code = w.peekNumber(2);
        w.field(2, name + " = " + Names.versionName(new ProtocolVersion(code >> 8, code & 0xFF)) + ": " + meaning);
    }

    private static void sessionId(ByteWalk w, String meaning) {
        w.vector(1, "session_id", meaning);
    }

    private static void signature(ByteWalk w, boolean withAlgorithm, String meaning) {
        if (withAlgorithm) {
            w.field(2, "signature algorithm = " + Names.signatureScheme(w.peekNumber(2)));
        }
        w.vector(2, "signature", meaning);
    }

    private static void extensions(ByteWalk w) {
        if (w.remaining() == 0) {
            return; // RFC 5246 §7.4.1.2: the extensions block may be absent
        }
        w.number(2, "extensions length = " + w.peekNumber(2));
        extensionList(w);
    }

    /** Each extension up to the end of {@code w}: type, length, and its data explained. */
    static void extensionList(ByteWalk w) {
        while (w.remaining() > 0) {
            int type = w.peekNumber(2);
            w.field(2, "extension_type = " + ExtensionExplainer.name(type) + "(" + type + "): " + ExtensionExplainer.purpose(type));
            int length = w.number(2, "extension_data length = " + w.peekNumber(2));
            w.nested(length, "trailing bytes the extension's own lengths do not account for",
                    inner -> ExtensionExplainer.explain(inner, type));
        }
    }

    static String subject(byte[] der) {
        try {
            var c = org.layeredtls.handshake.cert.Certificate.parse(der);
            return "subject " + c.subject() + ", issuer " + c.issuer();
        } catch (org.layeredtls.handshake.cert.CertificateParseException e) {
            return "does not parse";
        }
    }
}
