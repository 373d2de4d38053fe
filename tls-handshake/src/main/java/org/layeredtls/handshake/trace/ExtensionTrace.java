package org.layeredtls.handshake.trace;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionType;

/** Prints hello extensions by name with their content, as {@code openssl s_client -trace} does. */
final class ExtensionTrace {

    private ExtensionTrace() {
    }

    static void print(TraceLines out, String indent, List<Extension> extensions) {
        int total = 0;
        for (Extension e : extensions) {
            total += 4 + e.data().length;
        }
        out.line(indent + "extensions, length = " + total);
        for (Extension e : extensions) {
            byte[] data = e.data();
            out.line(indent + "  extension_type=" + ExtensionType.nameOf(e.type()) + "(" + e.type() + "), length=" + data.length);
            try {
                content(out, indent + "    ", e.type(), data);
            } catch (TlsAlertException malformed) {
                out.line(indent + "    malformed: " + Names.hex(data));
            }
        }
    }

    /** "TLS 1.3 (772)", as OpenSSL names a supported_versions entry. */
    private static String version(int code) {
        return Names.versionName(org.layeredtls.record.ProtocolVersion.fromCode(code)) + " (" + code + ")";
    }

    /** RFC 8446 §4.2.8: KeyShareEntry { NamedGroup group; opaque key_exchange<1..2^16-1>; }. */
    private static void keyShareEntry(TraceLines out, String indent, ByteReader r) throws TlsAlertException {
        out.line(indent + "NamedGroup: " + Names.group(r.u16()));
        out.line(indent + "key_exchange:  " + Names.lenHex(r.vector16()));
    }

    private static void content(TraceLines out, String indent, int type, byte[] data) throws TlsAlertException {
        ByteReader r = new ByteReader(data, TlsLayer.HANDSHAKE);
        switch (type) {
            case 0 -> { // RFC 6066 §3: ServerNameList
                if (r.isEmpty()) {
                    return;
                }
                ByteReader list = r.sub16();
                while (!list.isEmpty()) {
                    int nameType = list.u8();
                    byte[] name = list.vector16();
                    out.line(indent + (nameType == 0 ? "host_name: " : "name_type " + nameType + ": ")
                            + new String(name, StandardCharsets.US_ASCII));
                }
            }
            case 1 -> out.line(indent + "max_fragment_length=" + (1 << (8 + r.u8()))); // RFC 6066 §4: 2^(8+n)
            case 10 -> {
                ByteReader list = r.sub16();
                while (!list.isEmpty()) {
                    out.line(indent + Names.group(list.u16()));
                }
            }
            case 11 -> {
                ByteReader list = r.sub8();
                while (!list.isEmpty()) {
                    out.line(indent + Names.pointFormat(list.u8()));
                }
            }
            case 13 -> {
                ByteReader list = r.sub16();
                while (!list.isEmpty()) {
                    out.line(indent + Names.signatureScheme(list.u16()));
                }
            }
            case 16 -> { // RFC 7301 §3.1: ProtocolNameList
                ByteReader list = r.sub16();
                while (!list.isEmpty()) {
                    out.line(indent + new String(list.vector8(), StandardCharsets.US_ASCII));
                }
            }
            case 28 -> out.line(indent + "record_size_limit=" + r.u16());
            case 43 -> { // RFC 8446 §4.2.1: a list of versions in a ClientHello, the selected one in a ServerHello
                if (data.length == 2) {
                    out.line(indent + "  " + version(r.u16()));
                } else {
                    ByteReader list = r.sub8();
                    while (!list.isEmpty()) {
                        out.line(indent + version(list.u16()));
                    }
                }
            }
            case 45 -> { // RFC 8446 §4.2.9: PskKeyExchangeMode list
                ByteReader list = r.sub8();
                while (!list.isEmpty()) {
                    int mode = list.u8();
                    out.line(indent + (mode == 0 ? "psk_ke" : mode == 1 ? "psk_dhe_ke" : "unknown") + " (" + mode + ")");
                }
            }
            case 51 -> { // RFC 8446 §4.2.8: client_shares; one server_share; a HelloRetryRequest's selected_group alone
                if (data.length == 2) {
                    out.line(indent + "  NamedGroup: " + Names.group(r.u16()));
                } else if (((data[0] & 0xFF) << 8 | (data[1] & 0xFF)) == data.length - 2) {
                    ByteReader list = r.sub16();
                    while (!list.isEmpty()) {
                        keyShareEntry(out, indent + "  ", list);
                    }
                } else {
                    keyShareEntry(out, indent + "  ", r);
                }
            }
            case 0xFF01 -> { // RFC 5746 §3.2: renegotiated_connection
                byte[] verifyData = r.vector8();
                out.line(indent + (verifyData.length == 0 ? "<EMPTY>" : "renegotiated_connection " + Names.lenHex(verifyData)));
            }
            default -> {
                if (data.length > 0) {
                    out.line(indent + Names.hex(data));
                }
            }
        }
    }
}
