package org.layeredtls.handshake.extension;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * The psk_key_exchange_modes extension (RFC 8446 §4.2.9): {@code PskKeyExchangeMode
 * ke_modes<1..255>}, the modes in which the client may use a PSK. Codes are kept as they are;
 * a server ignores modes it does not know.
 */
public record PskKeyExchangeModes(List<Integer> modes) implements ExtensionData {

    public PskKeyExchangeModes {
        modes = ExtensionCodec.checkCodes(modes, 0xFF, 1, 0xFF, "ke_modes");
    }

    public static PskKeyExchangeModes of(PskKeyExchangeMode... modes) {
        return new PskKeyExchangeModes(Arrays.stream(modes).map(PskKeyExchangeMode::code).toList());
    }

    /** Reads {@code ke_modes<1..255>}; an empty list is {@code decode_error}. */
    public static PskKeyExchangeModes decode(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        ByteReader list = reader.sub8();
        reader.expectEnd("psk_key_exchange_modes");
        if (list.isEmpty()) {
            throw list.error("ke_modes<1..255> is empty");
        }
        return new PskKeyExchangeModes(ExtensionCodec.u8List(list));
    }

    @Override
    public void encode(ByteWriter writer) {
        ExtensionCodec.writeU8List(writer, modes);
    }

    /** Whether the client allows this mode. */
    public boolean allows(PskKeyExchangeMode mode) {
        return modes.contains(mode.code());
    }

    /** The modes this stack knows, in the sender's order. */
    public List<PskKeyExchangeMode> knownModes() {
        return modes.stream().map(PskKeyExchangeMode::fromCode).flatMap(Optional::stream).toList();
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PSK_KEY_EXCHANGE_MODES;
    }
}
