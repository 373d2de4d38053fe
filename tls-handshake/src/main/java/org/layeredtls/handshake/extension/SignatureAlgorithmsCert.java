package org.layeredtls.handshake.extension;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * The signature_algorithms_cert extension (RFC 8446 §4.2.3): the same
 * {@code SignatureScheme supported_signature_algorithms<2..2^16-2>} as
 * {@link SignatureAlgorithms}, but for the signatures in certificates rather than in
 * CertificateVerify. Absent, signature_algorithms applies to certificates too.
 */
public record SignatureAlgorithmsCert(List<Integer> schemes) implements ExtensionData {

    public SignatureAlgorithmsCert {
        schemes = ExtensionCodec.checkCodes(schemes, 0xFFFF, 1, 0x7FFF, "supported_signature_algorithms");
    }

    public static SignatureAlgorithmsCert of(SignatureScheme... schemes) {
        return new SignatureAlgorithmsCert(Arrays.stream(schemes).map(SignatureScheme::code).toList());
    }

    public static SignatureAlgorithmsCert decode(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        List<Integer> schemes = SignatureAlgorithms.readList(reader);
        reader.expectEnd("signature_algorithms_cert");
        return new SignatureAlgorithmsCert(schemes);
    }

    @Override
    public void encode(ByteWriter writer) {
        SignatureAlgorithms.writeList(writer, schemes);
    }

    /** The schemes this stack knows, in the sender's order. */
    public List<SignatureScheme> knownSchemes() {
        return schemes.stream().map(SignatureScheme::fromCode).flatMap(Optional::stream).toList();
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SIGNATURE_ALGORITHMS_CERT;
    }
}
