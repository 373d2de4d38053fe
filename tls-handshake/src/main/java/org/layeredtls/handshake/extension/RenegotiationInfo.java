package org.layeredtls.handshake.extension;

import java.util.Arrays;
import java.util.HexFormat;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * The renegotiation_info extension (RFC 5746 §3.2): {@code opaque renegotiated_connection<0..255>}.
 * Empty on an initial handshake; on a renegotiation, the client's verify_data (and the server's,
 * in the ServerHello) from the previous handshake.
 */
public record RenegotiationInfo(byte[] renegotiatedConnection) implements ExtensionData {

    public RenegotiationInfo {
        if (renegotiatedConnection.length > 0xFF) {
            throw new IllegalArgumentException("renegotiated_connection is at most 255 bytes");
        }
        renegotiatedConnection = renegotiatedConnection.clone();
    }

    /** The extension of an initial handshake (RFC 5746 §3.4, §3.6). */
    public static RenegotiationInfo initial() {
        return new RenegotiationInfo(new byte[0]);
    }

    public static RenegotiationInfo decode(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        byte[] connection = reader.vector8();
        reader.expectEnd("renegotiation_info");
        return new RenegotiationInfo(connection);
    }

    @Override
    public void encode(ByteWriter writer) {
        writer.vector8(renegotiatedConnection);
    }

    @Override
    public byte[] renegotiatedConnection() {
        return renegotiatedConnection.clone();
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.RENEGOTIATION_INFO;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RenegotiationInfo that && Arrays.equals(renegotiatedConnection, that.renegotiatedConnection);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(renegotiatedConnection);
    }

    @Override
    public String toString() {
        return "RenegotiationInfo[" + HexFormat.of().formatHex(renegotiatedConnection) + "]";
    }
}
