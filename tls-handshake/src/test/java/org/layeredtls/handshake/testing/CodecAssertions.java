package org.layeredtls.handshake.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.function.Executable;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

/** What the codec tests of handshake messages and extensions say again and again: hex in, an alert out. */
public final class CodecAssertions {

    private CodecAssertions() {
    }

    /** The bytes of a hex string. */
    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** Asserts that {@code decode} raises {@code expected}, from the handshake layer. */
    public static TlsAlertException assertHandshakeAlert(AlertDescription expected, Executable decode) {
        TlsAlertException e = assertThrows(TlsAlertException.class, decode);
        assertEquals(expected, e.description(), e.getMessage());
        assertEquals(TlsLayer.HANDSHAKE, e.layer());
        return e;
    }
}
