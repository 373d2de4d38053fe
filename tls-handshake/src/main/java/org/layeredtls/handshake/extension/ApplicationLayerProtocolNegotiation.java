package org.layeredtls.handshake.extension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * The application_layer_protocol_negotiation extension (RFC 7301 §3.1): {@code ProtocolName
 * protocol_name_list<2..2^16-1>} of {@code opaque ProtocolName<1..2^8-1>}. The client lists what
 * it speaks; the server answers with exactly one name.
 *
 * <p>Names are ISO-8859-1 strings (one char per byte, so every name survives a round trip);
 * registered names such as {@code http/1.1} and {@code h2} are ASCII.
 */
public record ApplicationLayerProtocolNegotiation(List<String> protocolNames) implements ExtensionData {

    public ApplicationLayerProtocolNegotiation {
        protocolNames = List.copyOf(protocolNames);
        if (protocolNames.isEmpty()) {
            throw new IllegalArgumentException("protocol_name_list<2..2^16-1> must not be empty");
        }
        for (String name : protocolNames) {
            if (name.isEmpty() || name.length() > 0xFF || !StandardCharsets.ISO_8859_1.newEncoder().canEncode(name)) {
                throw new IllegalArgumentException("a ProtocolName is 1..255 bytes: '" + name + "'");
            }
        }
    }

    public static ApplicationLayerProtocolNegotiation of(String... protocolNames) {
        return new ApplicationLayerProtocolNegotiation(List.of(protocolNames));
    }

    public static ApplicationLayerProtocolNegotiation decode(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        ByteReader list = reader.sub16();
        reader.expectEnd("application_layer_protocol_negotiation");
        if (list.remaining() < 2) {
            throw list.error("protocol_name_list<2..2^16-1> is too short");
        }
        List<String> names = new ArrayList<>();
        while (!list.isEmpty()) {
            names.add(new String(list.vector8(1, 0xFF), StandardCharsets.ISO_8859_1));
        }
        return new ApplicationLayerProtocolNegotiation(names);
    }

    @Override
    public void encode(ByteWriter writer) {
        int mark = writer.beginVector16();
        for (String name : protocolNames) {
            writer.vector8(name.getBytes(StandardCharsets.ISO_8859_1));
        }
        writer.endVector16(mark);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION;
    }
}
