package org.layeredtls.handshake.extension;

import java.util.OptionalLong;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * The early_data extension (RFC 8446 §4.2.10). In a ClientHello it says the client sends 0-RTT
 * data; in EncryptedExtensions that the server accepted it; both are empty. In a NewSessionTicket
 * it is {@code uint32 max_early_data_size}, how many bytes of 0-RTT data the server will accept
 * with that ticket.
 */
public record EarlyData(OptionalLong maxEarlyDataSize) implements ExtensionData {

    public EarlyData {
        if (maxEarlyDataSize.isPresent() && (maxEarlyDataSize.getAsLong() < 0 || maxEarlyDataSize.getAsLong() > 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("max_early_data_size is a uint32, not " + maxEarlyDataSize.getAsLong());
        }
    }

    /** The empty form of a ClientHello or EncryptedExtensions. */
    public static EarlyData indication() {
        return new EarlyData(OptionalLong.empty());
    }

    /** The NewSessionTicket form. */
    public static EarlyData maxEarlyDataSize(long bytes) {
        return new EarlyData(OptionalLong.of(bytes));
    }

    /** Reads the empty form of a ClientHello or EncryptedExtensions; any data is {@code decode_error}. */
    public static EarlyData decode(byte[] extensionData) throws TlsAlertException {
        ExtensionCodec.reader(extensionData).expectEnd("early_data");
        return indication();
    }

    /** Reads a NewSessionTicket's {@code uint32 max_early_data_size}: exactly four bytes. */
    public static EarlyData decodeNewSessionTicket(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        long size = reader.u32();
        reader.expectEnd("early_data");
        return maxEarlyDataSize(size);
    }

    @Override
    public void encode(ByteWriter writer) {
        maxEarlyDataSize.ifPresent(writer::u32);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.EARLY_DATA;
    }
}
