package org.layeredtls.handshake.message;

import java.util.Arrays;
import java.util.OptionalInt;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.handshake.extension.SignatureScheme;

/**
 * A {@code digitally-signed} element (RFC 5246 §4.7): in TLS 1.2 a two-byte
 * {@code SignatureAndHashAlgorithm} followed by {@code opaque signature<0..2^16-1>}; before
 * TLS 1.2 (and in SSL 3.0) the signature alone, its algorithm implied by the key.
 *
 * @param algorithm the SignatureAndHashAlgorithm code, present exactly in TLS 1.2
 * @param signature the signature bytes
 */
public record DigitallySigned(OptionalInt algorithm, byte[] signature) {

    public DigitallySigned {
        if (algorithm.isPresent() && (algorithm.getAsInt() < 0 || algorithm.getAsInt() > 0xFFFF)) {
            throw new IllegalArgumentException("a SignatureAndHashAlgorithm is two bytes");
        }
        MessageCodec.checkLength(signature, 0, 0xFFFF, "signature");
        signature = signature.clone();
    }

    /** A TLS 1.2 signature with its algorithm. */
    public static DigitallySigned of(SignatureScheme scheme, byte[] signature) {
        return new DigitallySigned(OptionalInt.of(scheme.code()), signature);
    }

    /** A signature before TLS 1.2, without an algorithm field. */
    public static DigitallySigned withoutAlgorithm(byte[] signature) {
        return new DigitallySigned(OptionalInt.empty(), signature);
    }

    /** Reads the element; {@code withAlgorithm} is true from TLS 1.2 on. */
    public static DigitallySigned decode(ByteReader reader, boolean withAlgorithm) throws TlsAlertException {
        OptionalInt algorithm = withAlgorithm ? OptionalInt.of(reader.u16()) : OptionalInt.empty();
        return new DigitallySigned(algorithm, reader.vector16());
    }

    public void encode(ByteWriter writer) {
        algorithm.ifPresent(writer::u16);
        writer.vector16(signature);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DigitallySigned that && algorithm.equals(that.algorithm)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        String name = algorithm.isPresent() ? SignatureScheme.nameOf(algorithm.getAsInt()) + ", " : "";
        return "DigitallySigned[" + name + signature.length + " bytes]";
    }
}
