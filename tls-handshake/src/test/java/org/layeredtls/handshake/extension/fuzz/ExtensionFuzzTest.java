package org.layeredtls.handshake.extension.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.handshake.extension.ApplicationLayerProtocolNegotiation;
import org.layeredtls.handshake.extension.EcPointFormats;
import org.layeredtls.handshake.extension.EncryptThenMac;
import org.layeredtls.handshake.extension.ExtendedMasterSecret;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionData;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.MaxFragmentLength;
import org.layeredtls.handshake.extension.RecordSizeLimit;
import org.layeredtls.handshake.extension.RenegotiationInfo;
import org.layeredtls.handshake.extension.ServerName;
import org.layeredtls.handshake.extension.SessionTicket;
import org.layeredtls.handshake.extension.SignatureAlgorithms;
import org.layeredtls.handshake.extension.SupportedGroups;

/**
 * Fuzzes the extensions block of the hellos (RFC 5246 §7.4.1.4) and every typed extension decoder:
 * the input is {@code Extension extensions<0..2^16-1>} as it follows the compression methods, and
 * each extension of a type the stack knows is decoded by its own decoder, the one the extension's
 * type field picks. The rule: malformed input is a {@link TlsAlertException}; nothing else
 * escapes; an extension that decoded encodes again.
 */
class ExtensionFuzzTest {

    @FuzzTest
    void decodeRaisesOnlyAlerts(byte[] input) {
        try {
            Extensions extensions = Extensions.decode(new ByteReader(input, TlsLayer.HANDSHAKE));
            for (Extension extension : extensions.list()) {
                if (extension.knownType().isPresent()) {
                    decode(extension.knownType().get(), extension.data()).toExtension();
                }
            }
        } catch (TlsAlertException expected) {
            // malformed input: the alert the RFC names
        }
    }

    /** The decoder of one extension type. */
    static ExtensionData decode(ExtensionType type, byte[] data) throws TlsAlertException {
        return switch (type) {
            case SERVER_NAME -> ServerName.decode(data);
            case MAX_FRAGMENT_LENGTH -> MaxFragmentLength.decode(data);
            case SUPPORTED_GROUPS -> SupportedGroups.decode(data);
            case EC_POINT_FORMATS -> EcPointFormats.decode(data);
            case SIGNATURE_ALGORITHMS -> SignatureAlgorithms.decode(data);
            case APPLICATION_LAYER_PROTOCOL_NEGOTIATION -> ApplicationLayerProtocolNegotiation.decode(data);
            case ENCRYPT_THEN_MAC -> EncryptThenMac.decode(data);
            case EXTENDED_MASTER_SECRET -> ExtendedMasterSecret.decode(data);
            case RECORD_SIZE_LIMIT -> RecordSizeLimit.decode(data);
            case SESSION_TICKET -> SessionTicket.decode(data);
            case RENEGOTIATION_INFO -> RenegotiationInfo.decode(data);
        };
    }
}
