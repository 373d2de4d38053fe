package org.layeredtls.handshake.message;

import java.util.Arrays;
import java.util.HexFormat;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.handshake.extension.NamedGroup;

/**
 * {@code ServerECDHParams} (RFC 8422 §5.4): {@code ECParameters} (curve_type, then the named
 * curve) and the server's ephemeral public point, {@code opaque point<1..2^8-1>}.
 *
 * <p>Only {@code named_curve(3)} is accepted: RFC 8422 §5.4 deprecates {@code explicit_prime(1)}
 * and {@code explicit_char2(2)}. Any other curve type is {@code illegal_parameter}, as OpenSSL
 * answers ("wrong curve"). The curve itself is kept as its code; whether it was offered is the
 * client's check.
 */
public record ServerEcdhParams(int namedCurve, byte[] point) implements ServerKeyExchangeParams {

    /** ECCurveType named_curve (RFC 8422 §5.4). */
    public static final int NAMED_CURVE = 3;

    public ServerEcdhParams {
        if (namedCurve < 0 || namedCurve > 0xFFFF) {
            throw new IllegalArgumentException("a NamedCurve is two bytes");
        }
        MessageCodec.checkLength(point, 1, 0xFF, "point");
        point = point.clone();
    }

    public ServerEcdhParams(NamedGroup curve, byte[] point) {
        this(curve.code(), point);
    }

    public static ServerEcdhParams decode(ByteReader reader) throws TlsAlertException {
        int curveType = reader.u8();
        if (curveType != NAMED_CURVE) {
            // RFC 8422 §5.4: only named curves are still allowed.
            throw MessageCodec.illegalParameter("ECCurveType " + curveType + " is not named_curve(3)");
        }
        int curve = reader.u16();
        return new ServerEcdhParams(curve, reader.vector8(1, 0xFF));
    }

    @Override
    public void encode(ByteWriter writer) {
        writer.u8(NAMED_CURVE).u16(namedCurve).vector8(point);
    }

    @Override
    public byte[] point() {
        return point.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServerEcdhParams that && namedCurve == that.namedCurve && Arrays.equals(point, that.point);
    }

    @Override
    public int hashCode() {
        return 31 * namedCurve + Arrays.hashCode(point);
    }

    @Override
    public String toString() {
        String curve = NamedGroup.fromCode(namedCurve).map(NamedGroup::rfcName).orElse("unknown(" + namedCurve + ")");
        return "ServerECDHParams[" + curve + ", point " + HexFormat.of().formatHex(point) + "]";
    }
}
