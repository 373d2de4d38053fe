package org.layeredtls.handshake.trace;

import java.nio.charset.StandardCharsets;

import org.layeredtls.handshake.extension.ExtensionType;

/**
 * Maps every byte of one hello extension's extension_data to its field, for the extensions this
 * stack speaks (server_name, max_fragment_length, supported_groups, ec_point_formats,
 * signature_algorithms, ALPN, record_size_limit, session_ticket, renegotiation_info); any other
 * extension's data stays one opaque field.
 */
final class ExtensionExplainer {

    private ExtensionExplainer() {
    }

    /** What the extension is for, and where it is defined. */
    static String purpose(int type) {
        return switch (type) {
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
            default -> w.rest("extension_data of " + ExtensionType.nameOf(type) + ": not interpreted by this stack");
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
