package org.layeredtls.handshake.message;

import java.util.Arrays;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * {@code ServerDHParams} (RFC 5246 §7.4.3): the prime, the generator and the server's public value,
 * each {@code <1..2^16-1>}, as unsigned big-endian integers.
 */
public record ServerDhParams(byte[] dhP, byte[] dhG, byte[] dhYs) implements ServerKeyExchangeParams {

    public ServerDhParams {
        MessageCodec.checkLength(dhP, 1, 0xFFFF, "dh_p");
        MessageCodec.checkLength(dhG, 1, 0xFFFF, "dh_g");
        MessageCodec.checkLength(dhYs, 1, 0xFFFF, "dh_Ys");
        dhP = dhP.clone();
        dhG = dhG.clone();
        dhYs = dhYs.clone();
    }

    public static ServerDhParams decode(ByteReader reader) throws TlsAlertException {
        byte[] p = reader.vector16(1, 0xFFFF);
        byte[] g = reader.vector16(1, 0xFFFF);
        byte[] ys = reader.vector16(1, 0xFFFF);
        return new ServerDhParams(p, g, ys);
    }

    @Override
    public void encode(ByteWriter writer) {
        writer.vector16(dhP).vector16(dhG).vector16(dhYs);
    }

    @Override
    public byte[] dhP() {
        return dhP.clone();
    }

    @Override
    public byte[] dhG() {
        return dhG.clone();
    }

    @Override
    public byte[] dhYs() {
        return dhYs.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServerDhParams that && Arrays.equals(dhP, that.dhP) && Arrays.equals(dhG, that.dhG)
                && Arrays.equals(dhYs, that.dhYs);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(dhP) * 31 + Arrays.hashCode(dhG)) * 31 + Arrays.hashCode(dhYs);
    }

    @Override
    public String toString() {
        return "ServerDHParams[p " + dhP.length * 8 + " bits, g " + dhG.length + " bytes, Ys " + dhYs.length + " bytes]";
    }
}
