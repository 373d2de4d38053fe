package org.layeredtls.cwmp.demo;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.x500.X500Name;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.extension.ServerName;
import org.layeredtls.handshake.extension.SignatureScheme;
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
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * The key fields of a handshake message, in lines a reader of a capture viewer (Wireshark's
 * packet details, {@code openssl s_client -trace}) recognises: versions, suites, certificate
 * subjects, signature schemes, verify_data.
 */
final class HandshakeDescriber {

    private static final HexFormat HEX = HexFormat.of();

    private HandshakeDescriber() {
    }

    /** The message's name and its fields, one per line; {@code full} adds the long lists. */
    static List<String> describe(HandshakeMessage message, boolean full) {
        Optional<List<String>> tls13 = Tls13Describer.describe(message, full);
        if (tls13.isPresent()) {
            return tls13.get();
        }
        List<String> lines = new ArrayList<>();
        if (message instanceof ClientHello ch) {
            lines.add("ClientHello");
            lines.add("  client_version " + version(ch.clientVersion()) + ", random " + shortHex(ch.random())
                    + ", session_id " + (ch.sessionId().length == 0 ? "(empty: a new session)" : shortHex(ch.sessionId())));
            List<String> suites = ch.cipherSuites().stream().map(HandshakeDescriber::suite).toList();
            lines.add("  cipher_suites (" + suites.size() + "): " + (full ? String.join(", ", suites)
                    : String.join(", ", suites.subList(0, Math.min(3, suites.size()))) + (suites.size() > 3 ? ", ..." : "")));
            lines.add("  compression_methods " + ch.compressionMethods());
            ch.extensions().ifPresent(e -> lines.add("  extensions: " + extensions(e)));
            Tls13Describer.clientHelloExtensions(ch, lines::add);
        } else if (message instanceof ServerHello sh) {
            lines.add(sh.isHelloRetryRequest() ? "HelloRetryRequest (a ServerHello with the random SHA-256(\"HelloRetryRequest\"))"
                    : "ServerHello");
            lines.add("  server_version " + version(sh.serverVersion()) + ", random " + shortHex(sh.random())
                    + ", session_id " + (sh.sessionId().length == 0 ? "(empty)" : shortHex(sh.sessionId())));
            lines.add("  cipher_suite " + suite(sh.cipherSuite()) + ", compression_method " + sh.compressionMethod());
            sh.extensions().ifPresent(e -> lines.add("  extensions: " + extensions(e)));
            Tls13Describer.serverHelloExtensions(sh, lines::add);
        } else if (message instanceof org.layeredtls.handshake.message.Certificate c) {
            lines.add("Certificate (" + c.certificateList().size() + (c.certificateList().size() == 1 ? " certificate)" : " certificates)"));
            for (byte[] der : c.certificateList()) {
                lines.add("  " + certificate(der));
            }
        } else if (message instanceof ServerKeyExchange ske) {
            lines.add("ServerKeyExchange");
            if (ske.params() instanceof ServerEcdhParams ec) {
                lines.add("  ECDHE named_curve " + NamedGroup.fromCode(ec.namedCurve()).map(NamedGroup::rfcName)
                        .orElse("0x" + Integer.toHexString(ec.namedCurve())) + ", public " + ec.point().length + " bytes");
            } else if (ske.params() instanceof ServerDhParams dh) {
                lines.add("  DHE p " + bits(dh.dhP()) + " bits, g " + bits(dh.dhG()) + " bits, Ys " + dh.dhYs().length + " bytes");
            }
            lines.add("  " + signature(ske.signature()));
        } else if (message instanceof CertificateRequest cr) {
            lines.add("CertificateRequest");
            lines.add("  certificate_types " + cr.certificateTypes().stream().map(HandshakeDescriber::certificateType).toList());
            cr.supportedSignatureAlgorithms().ifPresent(list -> lines.add("  signature_algorithms (" + list.size() + "): "
                    + (full ? list.stream().map(SignatureScheme::nameOf).collect(Collectors.joining(", "))
                    : list.stream().limit(3).map(SignatureScheme::nameOf).collect(Collectors.joining(", ")) + (list.size() > 3 ? ", ..." : ""))));
            lines.add("  certificate_authorities " + cr.certificateAuthorities().stream().map(HandshakeDescriber::name).toList());
        } else if (message instanceof ClientKeyExchange cke) {
            lines.add("ClientKeyExchange");
            lines.add("  " + switch (cke.form()) {
                case EC_POINT -> "ECDH public point " + cke.exchangeKeys().length + " bytes";
                case DH_PUBLIC -> "DH public value Yc " + cke.exchangeKeys().length + " bytes";
                default -> "RSA-encrypted premaster secret " + cke.exchangeKeys().length + " bytes";
            });
        } else if (message instanceof CertificateVerify cv) {
            lines.add("CertificateVerify");
            lines.add("  " + signature(cv.signature()));
        } else if (message instanceof Finished f) {
            lines.add("Finished");
            lines.add("  verify_data " + HEX.formatHex(f.verifyData()));
        } else if (message instanceof NewSessionTicket t) {
            lines.add("NewSessionTicket");
            lines.add("  ticket_lifetime_hint " + t.ticketLifetimeHint() + " s, ticket " + t.ticket().length + " bytes (opaque to the client)");
        } else if (message instanceof org.layeredtls.handshake.message.ServerHelloDone) {
            lines.add("ServerHelloDone");
        } else {
            lines.add(message.getClass().getSimpleName());
        }
        return lines;
    }

    /** A certificate's subject, issuer and names, e.g. {@code subject CN=localhost, issuer CN=CA, SAN DNS:localhost}. */
    static String certificate(byte[] der) {
        try {
            Certificate c = Certificate.parse(der);
            StringBuilder s = new StringBuilder("subject ").append(c.subject()).append(", issuer ").append(c.issuer());
            c.subjectAltName().ifPresent(san -> {
                List<String> names = new ArrayList<>();
                san.dnsNames().forEach(n -> names.add("DNS:" + n));
                san.ipAddresses().forEach(a -> names.add("IP:" + a.getHostAddress()));
                s.append(", SAN ").append(String.join(" ", names));
            });
            s.append(", key ").append(c.publicKey().getClass().getSimpleName().replace("PublicKey", "").toUpperCase(java.util.Locale.ROOT));
            return s.toString();
        } catch (Exception e) {
            return "unparsable certificate (" + der.length + " bytes)";
        }
    }

    static String version(ProtocolVersion v) {
        return v.displayName() + String.format(" (0x%04x)", v.code());
    }

    static String suite(int code) {
        return CipherSuite.fromCode(code).map(CipherSuite::ianaName).orElse(String.format("0x%04x", code));
    }

    private static String signature(DigitallySigned signed) {
        return "signature " + (signed.algorithm().isPresent() ? SignatureScheme.nameOf(signed.algorithm().getAsInt())
                : "(no algorithm field before TLS 1.2)") + ", " + signed.signature().length + " bytes";
    }

    private static String extensions(Extensions extensions) {
        List<String> names = new ArrayList<>();
        for (Extension e : extensions.list()) {
            String name = ExtensionType.nameOf(e.type());
            if (e.knownType().orElse(null) == ExtensionType.SERVER_NAME && e.data().length > 0) {
                try {
                    name += " \"" + ServerName.decode(e.data()).serverNameList().get(0).name() + "\"";
                } catch (Exception ignored) {
                    // shown by name only
                }
            }
            names.add(name);
        }
        return String.join(", ", names);
    }

    private static String certificateType(int type) {
        return switch (type) {
            case CertificateRequest.RSA_SIGN -> "rsa_sign";
            case CertificateRequest.DSS_SIGN -> "dss_sign";
            case CertificateRequest.ECDSA_SIGN -> "ecdsa_sign";
            default -> Integer.toString(type);
        };
    }

    private static String name(byte[] der) {
        try {
            return X500Name.getInstance(der).toString();
        } catch (RuntimeException e) {
            return "(" + der.length + " bytes)";
        }
    }

    private static int bits(byte[] unsigned) {
        return new java.math.BigInteger(1, unsigned).bitLength();
    }

    private static String shortHex(byte[] bytes) {
        String hex = HEX.formatHex(bytes);
        return hex.length() > 16 ? hex.substring(0, 16) + "..." : hex;
    }
}
