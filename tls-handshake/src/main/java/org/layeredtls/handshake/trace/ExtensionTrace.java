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
