package org.layeredtls.handshake.extension;

import java.util.Arrays;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * The cookie extension (RFC 8446 §4.2.2): {@code opaque cookie<1..2^16-1>}. A server puts it in a
 * HelloRetryRequest (to offload its state to the client, or to check the client's address); the
 * client echoes it unchanged in its second ClientHello.
 */
public record Cookie(byte[] cookie) implements ExtensionData {

    public Cookie {
        if (cookie.length < 1 || cookie.length > 0xFFFF - 2) {
            throw new IllegalArgumentException("cookie<1..2^16-1> cannot be " + cookie.length + " bytes in an extension");
        }
        cookie = cookie.clone();
    }

    public static Cookie decode(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        byte[] cookie = reader.vector16(1, 0xFFFF);
        reader.expectEnd("cookie");
        return new Cookie(cookie);
    }

    @Override
    public void encode(ByteWriter writer) {
        writer.vector16(cookie);
    }

    @Override
    public byte[] cookie() {
        return cookie.clone();
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.COOKIE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cookie that && Arrays.equals(cookie, that.cookie);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cookie);
    }

    @Override
    public String toString() {
        return "Cookie[" + cookie.length + " bytes]";
    }
}
