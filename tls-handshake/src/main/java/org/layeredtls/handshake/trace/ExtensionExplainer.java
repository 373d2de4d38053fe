package org.layeredtls.handshake.trace;

import java.nio.charset.StandardCharsets;

import org.layeredtls.handshake.extension.ExtensionType;

/**
 * Maps every byte of one hello extension's extension_data to its field: the extensions this stack
 * speaks (server_name, max_fragment_length, supported_groups, ec_point_formats,
 * signature_algorithms, ALPN, record_size_limit, session_ticket, renegotiation_info) and those
 * common peers send it (status_request, padding, the TLS 1.3 ones: supported_versions, key_share,
 * psk_key_exchange_modes, pre_shared_key, early_data, cookie, signature_algorithms_cert,
 * compress_certificate); only an extension unknown to both stays one opaque field.
 */
final class ExtensionExplainer {

    private ExtensionExplainer() {
    }

    /** The extension's name: the stack's own, else the IANA registry's for the ones explained here. */
    static String name(int type) {
        String known = ExtensionType.nameOf(type);
        if (!known.startsWith("unknown(")) {
            return known;
        }
        if (isGrease(type)) {
            return "GREASE";
        }
        return switch (type) {
            case 5 -> "status_request";
            case 15 -> "heartbeat";
            case 18 -> "signed_certificate_timestamp";
            case 21 -> "padding";
            case 27 -> "compress_certificate";
            case 41 -> "pre_shared_key";
            case 42 -> "early_data";
            case 43 -> "supported_versions";
            case 44 -> "cookie";
            case 45 -> "psk_key_exchange_modes";
            case 49 -> "post_handshake_auth";
            case 50 -> "signature_algorithms_cert";
            case 51 -> "key_share";
            default -> known;
        };
    }

    /** RFC 8701 §2: the reserved values 0x0A0A, 0x1A1A, ... 0xFAFA, which a peer must ignore. */
    static boolean isGrease(int type) {
        return (type & 0x0F0F) == 0x0A0A && (type >>> 8) == (type & 0xFF);
    }

    /** What the extension is for, and where it is defined. */
    static String purpose(int type) {
        if (isGrease(type)) {
            return "a reserved value sent to check that the peer ignores what it does not know (GREASE, RFC 8701 §3)";
        }
        return switch (type) {
            case 5 -> "asks the server to staple an OCSP response (RFC 6066 §8)";
            case 15 -> "heartbeat: whether the peer may send HeartbeatRequests (RFC 6520 §2)";
            case 18 -> "asks for Certificate Transparency timestamps (RFC 6962 §3.3.1)";
            case 21 -> "padding: zeros that bring the ClientHello to a size middleboxes handle (RFC 7685 §3)";
            case 27 -> "the certificate compression algorithms the sender can decompress (RFC 8879 §3)";
            case 41 -> "TLS 1.3 pre-shared keys (resumption) offered, with their binders (RFC 8446 §4.2.11)";
            case 42 -> "TLS 1.3 0-RTT early data (RFC 8446 §4.2.10)";
            case 43 -> "the versions the client speaks, or the one the server chose (TLS 1.3, RFC 8446 §4.2.1)";
            case 44 -> "a cookie from a HelloRetryRequest, sent back (RFC 8446 §4.2.2)";
            case 45 -> "how TLS 1.3 pre-shared keys may be used (RFC 8446 §4.2.9)";
            case 49 -> "the client accepts a certificate request after the TLS 1.3 handshake (RFC 8446 §4.2.6)";
            case 50 -> "the signature algorithms accepted in certificates (RFC 8446 §4.2.3)";
            case 51 -> "TLS 1.3 (EC)DHE key shares, one per group (RFC 8446 §4.2.8)";
            case 0 -> "the host name the client wants (SNI, RFC 6066 §3)";
            case 1 -> "a smaller maximum fragment length (RFC 6066 §4)";
            case 10 -> "the groups (curves) the client can do key exchange on (RFC 8422 §5.1.1)";
            case 11 -> "the EC point formats understood (RFC 8422 §5.1.2)";
            case 13 -> "the signature algorithms the sender can verify (RFC 5246 §7.4.1.4.1)";
            case 16 -> "application protocols, e.g. h2, http/1.1 (ALPN, RFC 7301 §3.1)";
            case 22 -> "encrypt-then-MAC for CBC suites (RFC 7366 §2)";
            case 23 -> "extended master secret: the master secret hashes the whole handshake (RFC 7627 §5.1)";
            case 28 -> "the largest record the sender will accept (RFC 8449 §4)";
            case 35 -> "session ticket: empty asks for one; full offers one to resume (RFC 5077 §3.2)";
            case 0xFF01 -> "secure renegotiation: the previous Finished values, empty on a first handshake (RFC 5746 §3.2)";
            default -> "an extension this stack does not interpret";
        };
    }

    /** Walks one extension_data; the caller reports what the walk leaves as trailing bytes. */
    static void explain(ByteWalk w, int type) {
        if (w.remaining() == 0) {
            return; // an empty extension_data: the extension's presence is its whole message
        }
        switch (type) {
            case 0 -> serverNameList(w);
            case 1 -> w.field(1, "max_fragment_length = 2^(8+" + w.peekNumber(1) + ") = " + (1 << (8 + w.peekNumber(1)))
                    + " bytes (RFC 6066 §4)");
            case 10 -> list(w, 2, "named_group_list", 2, code -> "NamedGroup " + Names.group(code) + " (RFC 8422 §5.1.1)");
            case 11 -> list(w, 1, "ec_point_format_list", 1, code -> "ECPointFormat " + Names.pointFormat(code) + " (RFC 8422 §5.1.2)");
            case 13 -> list(w, 2, "supported_signature_algorithms", 2,
                    code -> "SignatureAndHashAlgorithm " + Names.signatureScheme(code) + " (RFC 5246 §7.4.1.4.1)");
            case 16 -> protocolNameList(w);
            case 28 -> w.number(2, "record_size_limit = " + w.peekNumber(2) + ": the largest plaintext record the sender accepts (RFC 8449 §4)");
            case 35 -> w.rest("ticket: a session ticket the client offers, opaque to it (RFC 5077 §3.2)");
            case 0xFF01 -> w.vector(1, "renegotiated_connection",
                    "the Finished verify_data of the previous handshake on this connection (RFC 5746 §3.2)");
            case 5 -> statusRequest(w);
            case 15 -> w.number(1, "HeartbeatMode = " + (w.peekNumber(1) == 1 ? "peer_allowed_to_send(1)" : "peer_not_allowed_to_send("
                    + w.peekNumber(1) + ")") + " (RFC 6520 §2)");
            case 21 -> w.rest("padding: " + w.remaining() + " zero bytes (RFC 7685 §3)");
            case 27 -> list(w, 1, "algorithms", 2, code -> "CertificateCompressionAlgorithm " + compressionAlgorithm(code) + " (RFC 8879 §3)");
            case 41 -> preSharedKey(w);
            case 42 -> w.number(4, "max_early_data_size = " + Integer.toUnsignedString(w.peekNumber(4))
                    + " (in a NewSessionTicket; RFC 8446 §4.2.10)");
            case 43 -> supportedVersions(w);
            case 44 -> w.vector(2, "cookie", "opaque to the client, echoed from the HelloRetryRequest (RFC 8446 §4.2.2)");
            case 45 -> list(w, 1, "ke_modes", 1, code -> "PskKeyExchangeMode " + (code == 0 ? "psk_ke(0)" : code == 1 ? "psk_dhe_ke(1)"
                    : "unknown(" + code + ")") + " (RFC 8446 §4.2.9)");
            case 50 -> list(w, 2, "supported_signature_algorithms", 2,
                    code -> "SignatureScheme " + Names.signatureScheme(code) + " (RFC 8446 §4.2.3)");
            case 51 -> keyShare(w);
            default -> w.rest(isGrease(type) ? "GREASE extension_data: any bytes, to be ignored (RFC 8701 §3)"
                    : "extension_data of " + name(type) + ": not interpreted by this stack");
        }
    }

    /** A vector of fixed-size items: its length, then one field per item. */
    private static void list(ByteWalk w, int lengthBytes, String name, int itemBytes, java.util.function.IntFunction<String> item) {
        int length = w.number(lengthBytes, name + " length = " + w.peekNumber(lengthBytes) + ": " + (w.peekNumber(lengthBytes) / itemBytes) + " entries");
        w.nested(length, "bytes that do not make a whole entry", inner -> {
            while (inner.remaining() >= itemBytes) {
                inner.field(itemBytes, item.apply(inner.peekNumber(itemBytes)));
            }
        });
    }

    // RFC 6066 §3: struct { NameType name_type; HostName host_name; } ServerName; ServerName server_name_list<1..2^16-1>
    private static void serverNameList(ByteWalk w) {
        int length = w.number(2, "server_name_list length = " + w.peekNumber(2));
        w.nested(length, "bytes after the last ServerName", inner -> {
            while (inner.remaining() > 0) {
                int nameType = inner.number(1, "name_type = " + (inner.peekNumber(1) == 0 ? "host_name(0)" : inner.peekNumber(1)));
                int nameLength = inner.number(2, "HostName length = " + inner.peekNumber(2));
                inner.field(nameLength, (nameType == 0 ? "host_name = " : "name = ")
                        + new String(inner.peek(nameLength), StandardCharsets.US_ASCII) + ": DNS name, ASCII, no trailing dot (RFC 6066 §3)");
            }
        });
    }

    // RFC 6066 §8: struct { CertificateStatusType status_type; select (status_type) { case ocsp: OCSPStatusRequest; } }
    private static void statusRequest(ByteWalk w) {
        int statusType = w.number(1, "status_type = " + (w.peekNumber(1) == 1 ? "ocsp(1)" : w.peekNumber(1)) + " (RFC 6066 §8)");
        if (statusType == 1) {
            w.vector(2, "responder_id_list", "the OCSP responders the client trusts, DER ResponderIDs (RFC 6066 §8)");
            w.vector(2, "request_extensions", "DER OCSP request extensions, e.g. a nonce (RFC 6066 §8)");
        }
    }

    // RFC 8446 §4.2.1: ClientHello: ProtocolVersion versions<2..254>; ServerHello/HRR: ProtocolVersion selected_version
    private static void supportedVersions(ByteWalk w) {
        if (w.remaining() == 2) {
            w.number(2, "selected_version = " + version(w.peekNumber(2)) + ": the version the server chose (RFC 8446 §4.2.1)");
            return;
        }
        list(w, 1, "versions", 2, code -> "ProtocolVersion " + version(code) + " (RFC 8446 §4.2.1)");
    }

    // RFC 8446 §4.2.8: ClientHello: KeyShareEntry client_shares<0..2^16-1>; ServerHello: KeyShareEntry server_share;
    // HelloRetryRequest: NamedGroup selected_group
    private static void keyShare(ByteWalk w) {
        if (w.remaining() == 2) {
            w.number(2, "selected_group = " + Names.group(w.peekNumber(2)) + ": the group the server wants a share for (RFC 8446 §4.2.8)");
            return;
        }
        if (w.peekNumber(2) + 2 == w.remaining()) { // a client's list (a server's single entry starts with its group)
            int length = w.number(2, "client_shares length = " + w.peekNumber(2));
            w.nested(length, "bytes after the last KeyShareEntry", inner -> {
                while (inner.remaining() > 0) {
                    keyShareEntry(inner);
                }
            });
            return;
        }
        keyShareEntry(w);
    }

    // RFC 8446 §4.2.8: struct { NamedGroup group; opaque key_exchange<1..2^16-1>; } KeyShareEntry
    private static void keyShareEntry(ByteWalk w) {
        w.number(2, "KeyShareEntry group = " + Names.group(w.peekNumber(2)) + " (RFC 8446 §4.2.8)");
        w.vector(2, "key_exchange", "the sender's ephemeral public value for that group (RFC 8446 §4.2.8.1, §4.2.8.2)");
    }

    // RFC 8446 §4.2.11: ClientHello: PskIdentity identities<7..2^16-1>; PskBinderEntry binders<33..2^16-1>;
    // ServerHello: uint16 selected_identity
    private static void preSharedKey(ByteWalk w) {
        if (w.remaining() == 2) {
            w.number(2, "selected_identity = " + w.peekNumber(2) + ": the offered identity the server accepted (RFC 8446 §4.2.11)");
            return;
        }
        int identities = w.number(2, "identities length = " + w.peekNumber(2));
        w.nested(identities, "bytes after the last PskIdentity", inner -> {
            while (inner.remaining() > 0) {
                inner.vector(2, "identity", "a ticket or an external PSK's label (RFC 8446 §4.2.11)");
                inner.field(4, "obfuscated_ticket_age = " + Integer.toUnsignedString(inner.peekNumber(4))
                        + ": the ticket's age in ms plus its ticket_age_add, mod 2^32 (RFC 8446 §4.2.11.1)");
            }
        });
        int binders = w.number(2, "binders length = " + w.peekNumber(2));
        w.nested(binders, "bytes after the last PskBinderEntry", inner -> {
            while (inner.remaining() > 0) {
                inner.vector(1, "PskBinderEntry", "an HMAC over the partial ClientHello, proving the PSK (RFC 8446 §4.2.11.2)");
            }
        });
    }

    private static String version(int code) {
        return MsgPrinter.versionName(org.layeredtls.record.ProtocolVersion.fromCode(code)) + String.format(" (0x%04x)", code);
    }

    private static String compressionAlgorithm(int code) {
        return switch (code) {
            case 1 -> "zlib(1)";
            case 2 -> "brotli(2)";
            case 3 -> "zstd(3)";
            default -> "unknown(" + code + ")";
        };
    }

    // RFC 7301 §3.1: opaque ProtocolName<1..2^8-1>; ProtocolName protocol_name_list<2..2^16-1>
    private static void protocolNameList(ByteWalk w) {
        int length = w.number(2, "protocol_name_list length = " + w.peekNumber(2));
        w.nested(length, "bytes after the last ProtocolName", inner -> {
            while (inner.remaining() > 0) {
                int nameLength = inner.number(1, "ProtocolName length = " + inner.peekNumber(1));
                inner.field(nameLength, "ProtocolName = " + new String(inner.peek(nameLength), StandardCharsets.US_ASCII)
                        + " (RFC 7301 §3.1)");
            }
        });
    }
}
