package org.layeredtls.handshake.extension;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * The signature_algorithms extension (RFC 5246 §7.4.1.4.1): {@code SignatureAndHashAlgorithm
 * supported_signature_algorithms<2..2^16-2>}, most preferred first. The same list appears in a
 * TLS 1.2 CertificateRequest, which uses {@link #readList} and {@link #writeList}.
 */
public record SignatureAlgorithms(List<Integer> schemes) implements ExtensionData {

    public SignatureAlgorithms {
        schemes = ExtensionCodec.checkCodes(schemes, 0xFFFF, 1, 0x7FFF, "supported_signature_algorithms");
    }

    public static SignatureAlgorithms of(SignatureScheme... schemes) {
        return new SignatureAlgorithms(Arrays.stream(schemes).map(SignatureScheme::code).toList());
    }

    public static SignatureAlgorithms decode(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        List<Integer> schemes = readList(reader);
        reader.expectEnd("signature_algorithms");
        return new SignatureAlgorithms(schemes);
    }

    /** Reads {@code SignatureAndHashAlgorithm supported_signature_algorithms<2..2^16-2>}. */
    public static List<Integer> readList(ByteReader reader) throws TlsAlertException {
        int length = reader.u16();
        if (length < 2 || length > 0xFFFE) {
            throw reader.error("supported_signature_algorithms length " + length + " outside <2..2^16-2>");
        }
        return ExtensionCodec.u16List(reader.sub(length), "supported_signature_algorithms");
    }

    /** Writes the list with its two-byte length. */
    public static void writeList(ByteWriter writer, List<Integer> schemes) {
        ExtensionCodec.writeU16List(writer, schemes);
    }

    @Override
    public void encode(ByteWriter writer) {
        writeList(writer, schemes);
    }

    /** The schemes this stack knows, in the sender's order. */
    public List<SignatureScheme> knownSchemes() {
        return schemes.stream().map(SignatureScheme::fromCode).flatMap(Optional::stream).toList();
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SIGNATURE_ALGORITHMS;
    }
}
