package org.layeredtls.handshake.extension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.layeredtls.alert.TlsAlertException;

class Tls13ExtensionProperties {

    @Provide
    Arbitrary<ExtensionData> tls13() {
        return Tls13ExtensionArbitraries.tls13Extensions();
    }

    @Property
    void everyTls13ExtensionDecodesToItselfInItsForm(@ForAll("tls13") ExtensionData extension) throws TlsAlertException {
        byte[] bytes = extension.encode();
        ExtensionData decoded = ExtensionDecoders.readingBack(extension).decode(bytes);
        assertEquals(extension, decoded);
        assertArrayEquals(bytes, decoded.encode());
    }

    @Property
    void noBytesMakeAnyExtensionDecoderThrowAnythingButAnAlert(@ForAll byte[] data) {
        for (ExtensionType type : ExtensionType.values()) {
            for (ExtensionDecoder<?> decoder : ExtensionDecoders.of(type)) {
                try {
                    decoder.decode(data).encode();
                } catch (TlsAlertException expected) {
                    // the only failure allowed
                }
            }
        }
    }
}
