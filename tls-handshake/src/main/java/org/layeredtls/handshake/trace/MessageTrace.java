package org.layeredtls.handshake.trace;

import java.util.Arrays;
import java.util.List;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.cert.CertificateParseException;
import org.layeredtls.handshake.message.Certificate;
import org.layeredtls.handshake.message.CertificateRequest;
import org.layeredtls.handshake.message.CertificateVerify;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.ClientKeyExchange;
import org.layeredtls.handshake.message.DigitallySigned;
import org.layeredtls.handshake.message.Finished;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.NewSessionTicket;
import org.layeredtls.handshake.message.ServerDhParams;
import org.layeredtls.handshake.message.ServerEcdhParams;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.message.ServerKeyExchange;
import org.layeredtls.handshake.message.V2ClientHello;

/** Prints one decoded handshake message field by field, with the field names of RFC 5246 and {@code openssl -trace}. */
final class MessageTrace {

    private static final String I = "      ";

    private MessageTrace() {
    }

    /** "ClientHello, Length=179" and the fields below it. */
    static void print(TraceLines out, HandshakeMessage message, int bodyLength) {
        out.line("    " + title(message) + ", Length=" + bodyLength);
        if (Tls13MessageTrace.print(out, message)) {
            return;
        } else if (message instanceof ClientHello m) {
            out.line(I + "client_version=0x" + Integer.toHexString(m.clientVersion().code()) + " (" + Names.versionName(m.clientVersion()) + ")");
            random(out, m.random());
            out.line(I + "session_id " + Names.lenHex(m.sessionId()));
            out.line(I + "cipher_suites (len=" + 2 * m.cipherSuites().size() + ")");
            m.cipherSuites().forEach(code -> out.line(I + "  " + Names.cipherSuite(code)));
            out.line(I + "compression_methods (len=" + m.compressionMethods().size() + ")");
            m.compressionMethods().forEach(code -> out.line(I + "  " + Names.compression(code)));
            m.extensions().ifPresent(e -> ExtensionTrace.print(out, I, e.list()));
        } else if (message instanceof ServerHello m) {
            out.line(I + "server_version=0x" + Integer.toHexString(m.serverVersion().code()) + " (" + Names.versionName(m.serverVersion()) + ")");
            random(out, m.random());
            out.line(I + "session_id " + Names.lenHex(m.sessionId()));
            out.line(I + "cipher_suite " + Names.cipherSuite(m.cipherSuite()));
            out.line(I + "compression_method: " + Names.compression(m.compressionMethod()));
            m.extensions().ifPresent(e -> ExtensionTrace.print(out, I, e.list()));
        } else if (message instanceof Certificate m) {
            int total = m.certificateList().stream().mapToInt(c -> 3 + c.length).sum();
            out.line(I + "certificate_list, length=" + total);
            for (byte[] der : m.certificateList()) {
                out.line(I + "  ASN.1Cert, length=" + der.length);
                certificate(out, I + "    ", der);
            }
        } else if (message instanceof ServerKeyExchange m) {
            if (m.params() instanceof ServerEcdhParams p) {
                out.line(I + "KeyExchangeAlgorithm=ECDHE");
                out.line(I + "  named_curve: " + Names.group(p.namedCurve()));
                out.line(I + "  point " + Names.lenHex(p.point()));
            } else if (m.params() instanceof ServerDhParams p) {
                out.line(I + "KeyExchangeAlgorithm=DHE");
                out.line(I + "  dh_p " + Names.lenHex(p.dhP()));
                out.line(I + "  dh_g " + Names.lenHex(p.dhG()));
                out.line(I + "  dh_Ys " + Names.lenHex(p.dhYs()));
            }
            signature(out, m.signature());
        } else if (message instanceof CertificateRequest m) {
            out.line(I + "certificate_types (len=" + m.certificateTypes().size() + ")");
            m.certificateTypes().forEach(t -> out.line(I + "  " + certificateType(t)));
            m.supportedSignatureAlgorithms().ifPresent(list -> {
                out.line(I + "signature_algorithms (len=" + 2 * list.size() + ")");
                list.forEach(code -> out.line(I + "  " + Names.signatureScheme(code)));
            });
            out.line(I + "certificate_authorities (" + m.certificateAuthorities().size() + " names)");
        } else if (message instanceof ClientKeyExchange m) {
            String[] kx = switch (m.form()) {
                case EC_POINT -> new String[] {"ECDHE", "ecdh_Yc"};
                case DH_PUBLIC -> new String[] {"DHE", "dh_Yc"};
                default -> new String[] {"RSA", "EncryptedPreMasterSecret"};
            };
            out.line(I + "KeyExchangeAlgorithm=" + kx[0]);
            out.line(I + "  " + kx[1] + " " + Names.lenHex(m.exchangeKeys()));
        } else if (message instanceof CertificateVerify m) {
            signature(out, m.signature());
        } else if (message instanceof Finished m) {
            out.line(I + "verify_data " + Names.lenHex(m.verifyData()));
        } else if (message instanceof NewSessionTicket m) {
            out.line(I + "ticket_lifetime_hint=" + m.ticketLifetimeHint());
            out.line(I + "ticket " + Names.lenHex(m.ticket()));
        }
        // HelloRequest and ServerHelloDone have no body.
    }

    /** An SSLv2-compatible ClientHello's message (msg_type to challenge), in its own field names (RFC 5246 Appendix E.2). */
    static void printV2ClientHello(TraceLines out, byte[] message) {
        out.line("    V2ClientHello (SSLv2-compatible ClientHello), Length=" + message.length);
        V2ClientHello m;
        try {
            m = V2ClientHello.decode(message);
        } catch (TlsAlertException e) {
            out.line(I + "(does not decode: " + e.getMessage() + ")");
            out.line(I + Names.hex(message));
            return;
        }
        out.line(I + "msg_type=1 (client_hello)");
        out.line(I + "version=0x" + Integer.toHexString(m.version().code()) + " (" + Names.versionName(m.version()) + ")");
        out.line(I + "cipher_specs (len=" + V2ClientHello.CIPHER_SPEC_LENGTH * m.cipherSpecs().size() + ")");
        m.cipherSpecs().forEach(code -> out.line(I + "  " + Names.v2CipherSpec(code)));
        out.line(I + "session_id " + Names.lenHex(m.sessionId()));
        out.line(I + "challenge " + Names.lenHex(m.challenge()));
    }

    static String title(HandshakeMessage message) {
        return Tls13MessageTrace.title(message);
    }

    /** RFC 5246 §7.4.1.2: gmt_unix_time (4 bytes) then random_bytes (28). */
    private static void random(TraceLines out, byte[] random) {
        out.line(I + "Random:");
        out.line(I + "  gmt_unix_time=0x" + Names.hex(Arrays.copyOf(random, 4)));
        out.line(I + "  random_bytes " + Names.lenHex(Arrays.copyOfRange(random, 4, random.length)));
    }

    private static void signature(TraceLines out, DigitallySigned signed) {
        signed.algorithm().ifPresent(code -> out.line(I + "Signature Algorithm: " + Names.signatureScheme(code)));
        out.line(I + "Signature " + Names.lenHex(signed.signature()));
    }

    static void certificate(TraceLines out, String indent, byte[] der) {
        try {
            var c = org.layeredtls.handshake.cert.Certificate.parse(der);
            out.line(indent + "subject=" + c.subject());
            out.line(indent + "issuer=" + c.issuer());
            out.line(indent + "notBefore=" + c.notBefore() + ", notAfter=" + c.notAfter());
            out.line(indent + "key=" + c.publicKey() + ", signature=" + c.signatureAlgorithm());
            // as s_client -trace: the certificate itself between its "details" rules (OpenSSL prints its text form there too)
            out.line("------details-----");
            out.line("subject=" + CertificateLines.name(c.subjectEncoded()));
            out.line("issuer=" + CertificateLines.name(c.issuerEncoded()));
            out.line("a:PKEY: " + CertificateLines.publicKey(c) + "; sigalg: " + CertificateLines.signatureAlgorithm(c.signatureAlgorithm()));
            out.line("v:" + CertificateLines.validity(c));
            java.util.List<String> pem = new java.util.ArrayList<>();
            CertificateLines.pem(pem, c);
            pem.forEach(out::line);
            out.line("------------------");
        } catch (CertificateParseException e) {
            out.line(indent + "(not a certificate this stack can parse: " + e.getMessage() + ")");
        }
    }

    private static String certificateType(int type) {
        return switch (type) {
            case CertificateRequest.RSA_SIGN -> "rsa_sign (1)";
            case CertificateRequest.DSS_SIGN -> "dss_sign (2)";
            case CertificateRequest.ECDSA_SIGN -> "ecdsa_sign (64)";
            default -> "unknown (" + type + ")";
        };
    }

    static List<String> lines(HandshakeMessage message, int bodyLength) {
        TraceLines out = new TraceLines();
        print(out, message, bodyLength);
        return out.lines();
    }
}
