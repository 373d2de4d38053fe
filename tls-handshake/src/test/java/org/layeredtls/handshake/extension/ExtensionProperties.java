package org.layeredtls.handshake.extension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

class ExtensionProperties {

    /** Each known type's typed decoder. */
    static final Map<ExtensionType, ExtensionDecoder<?>> DECODERS = Map.ofEntries(
            Map.entry(ExtensionType.SERVER_NAME, ServerName::decode),
            Map.entry(ExtensionType.MAX_FRAGMENT_LENGTH, MaxFragmentLength::decode),
            Map.entry(ExtensionType.SUPPORTED_GROUPS, SupportedGroups::decode),
            Map.entry(ExtensionType.EC_POINT_FORMATS, EcPointFormats::decode),
            Map.entry(ExtensionType.SIGNATURE_ALGORITHMS, SignatureAlgorithms::decode),
            Map.entry(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, ApplicationLayerProtocolNegotiation::decode),
            Map.entry(ExtensionType.ENCRYPT_THEN_MAC, EncryptThenMac::decode),
            Map.entry(ExtensionType.EXTENDED_MASTER_SECRET, ExtendedMasterSecret::decode),
            Map.entry(ExtensionType.RECORD_SIZE_LIMIT, RecordSizeLimit::decode),
            Map.entry(ExtensionType.SESSION_TICKET, SessionTicket::decode),
            Map.entry(ExtensionType.RENEGOTIATION_INFO, RenegotiationInfo::decode));

    @Provide
    Arbitrary<ExtensionData> typed() {
        return ExtensionArbitraries.typedExtensions();
    }

    @Provide
    Arbitrary<Extensions> blocks() {
        return ExtensionArbitraries.extensionBlocks();
    }

    @Property
    void everyTypedExtensionDecodesToItself(@ForAll("typed") ExtensionData extension) throws TlsAlertException {
        ExtensionDecoder<?> decoder = DECODERS.get(extension.type());
        assertEquals(extension, decoder.decode(extension.encode()));
    }

    @Property
    void validExtensionBytesReencodeIdentically(@ForAll("typed") ExtensionData extension) throws TlsAlertException {
        byte[] bytes = extension.encode();
        assertArrayEquals(bytes, DECODERS.get(extension.type()).decode(bytes).encode());
    }

    @Property
    void everyBlockDecodesToItselfInOrder(@ForAll("blocks") Extensions block) throws TlsAlertException {
        ByteWriter writer = new ByteWriter();
        block.encode(writer);
        byte[] bytes = writer.toByteArray();
        ByteReader reader = new ByteReader(bytes, TlsLayer.HANDSHAKE);
        Extensions decoded = Extensions.decode(reader);
        assertTrue(reader.isEmpty());
        assertEquals(block, decoded);
        ByteWriter again = new ByteWriter();
        decoded.encode(again);
        assertArrayEquals(bytes, again.toByteArray());
    }

    @Property
    void typedFindDecodesWhatWasPut(@ForAll("typed") ExtensionData extension) throws TlsAlertException {
        Extensions block = Extensions.of(extension);
        @SuppressWarnings({"unchecked", "rawtypes"})
        var found = block.find(extension.type(), (ExtensionDecoder) DECODERS.get(extension.type()));
        assertEquals(Optional.of(extension), found);
    }

    @Property
    void randomBytesNeverRaiseAnythingButAnAlert(@ForAll byte[] data) {
        for (ExtensionDecoder<?> decoder : DECODERS.values()) {
            try {
                decoder.decode(data);
            } catch (TlsAlertException expected) {
                // the only allowed failure
            }
        }
        try {
            Extensions.decode(new ByteReader(data, TlsLayer.HANDSHAKE));
        } catch (TlsAlertException expected) {
            // the only allowed failure
        }
    }
}
