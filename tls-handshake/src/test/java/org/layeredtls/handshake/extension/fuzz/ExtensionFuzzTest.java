package org.layeredtls.handshake.extension.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionDecoder;
import org.layeredtls.handshake.extension.ExtensionDecoders;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;

/**
 * Fuzzes the extensions block of the hellos (RFC 5246 §7.4.1.4) and every typed extension decoder:
 * the input is {@code Extension extensions<0..2^16-1>} as it follows the compression methods, and
 * each extension of a type the stack knows is decoded by its own decoders (every form of it), the
 * ones the extension's type field picks. The rule: malformed input is a {@link TlsAlertException}; nothing else
 * escapes; an extension that decoded encodes again.
 */
class ExtensionFuzzTest {

    @FuzzTest
    void decodeRaisesOnlyAlerts(byte[] input) {
        try {
            Extensions extensions = Extensions.decode(new ByteReader(input, TlsLayer.HANDSHAKE));
            for (Extension extension : extensions.list()) {
                if (extension.knownType().isPresent()) {
                    decodeEveryForm(extension.knownType().get(), extension.data());
                }
            }
        } catch (TlsAlertException expected) {
            // malformed input: the alert the RFC names
        }
    }

    /** Each form's decoder in turn: each either decodes (and encodes again) or raises an alert. */
    private static void decodeEveryForm(ExtensionType type, byte[] data) {
        for (ExtensionDecoder<?> decoder : ExtensionDecoders.of(type)) {
            try {
                decoder.decode(data).toExtension();
            } catch (TlsAlertException expected) {
                // malformed for this form
            }
        }
    }
}
