package org.layeredtls.handshake.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.handshake.extension.SignatureAlgorithms;

/**
 * CertificateRequest (RFC 5246 §7.4.4; RFC 4346 §7.4.4 and RFC 6101 §5.6.4 before TLS 1.2): the
 * certificate types the server accepts, in TLS 1.2 the signature algorithms it can verify, and the
 * distinguished names of the CAs it trusts (DER, kept as bytes).
 *
 * @param certificateTypes               {@code ClientCertificateType certificate_types<1..2^8-1>}
 * @param supportedSignatureAlgorithms   {@code <2..2^16-2>}, present exactly in TLS 1.2
 * @param certificateAuthorities         {@code DistinguishedName certificate_authorities<0..2^16-1>},
 *                                       each {@code <1..2^16-1>}
 */
public record CertificateRequest(List<Integer> certificateTypes, Optional<List<Integer>> supportedSignatureAlgorithms,
                                 List<byte[]> certificateAuthorities) implements HandshakeMessage {

    /** ClientCertificateType rsa_sign (RFC 5246 §7.4.4). */
    public static final int RSA_SIGN = 1;
    /** ClientCertificateType dss_sign. */
    public static final int DSS_SIGN = 2;
    /** ClientCertificateType ecdsa_sign (RFC 8422 §5.5). */
    public static final int ECDSA_SIGN = 64;

    public CertificateRequest {
        certificateTypes = List.copyOf(certificateTypes);
        if (certificateTypes.isEmpty() || certificateTypes.size() > 0xFF
                || certificateTypes.stream().anyMatch(t -> t < 0 || t > 0xFF)) {
            throw new IllegalArgumentException("certificate_types<1..2^8-1> of one-byte codes: " + certificateTypes);
        }
        supportedSignatureAlgorithms = supportedSignatureAlgorithms.map(List::copyOf);
        supportedSignatureAlgorithms.ifPresent(list -> {
            if (list.isEmpty() || list.size() > 0x7FFF) {
                throw new IllegalArgumentException("supported_signature_algorithms<2..2^16-2> holds 1..32767 codes");
            }
            MessageCodec.checkU16Codes(list, "supported_signature_algorithms");
        });
        certificateAuthorities = MessageCodec.copyAll(certificateAuthorities, 1, 0xFFFF, "DistinguishedName");
        int total = certificateAuthorities.stream().mapToInt(dn -> dn.length + 2).sum();
        if (total > 0xFFFF) {
            throw new IllegalArgumentException("certificate_authorities is at most 2^16-1 bytes, not " + total);
        }
    }

    /** Reads the body; the signature algorithms are there only when {@code context} is TLS 1.2. */
    public static CertificateRequest decode(byte[] body, DecodeContext context) throws TlsAlertException {
        ByteReader reader = MessageCodec.reader(body);
        List<Integer> types = new ArrayList<>();
        for (byte type : reader.vector8(1, 0xFF)) {
            types.add(type & 0xFF);
        }
        // RFC 5246 §7.4.4: supported_signature_algorithms is new in TLS 1.2.
        Optional<List<Integer>> algorithms = context.hasSignatureAlgorithms()
                ? Optional.of(SignatureAlgorithms.readList(reader)) : Optional.empty();
        ByteReader authorities = reader.sub16();
        reader.expectEnd("CertificateRequest");
        List<byte[]> names = new ArrayList<>();
        while (!authorities.isEmpty()) {
            names.add(authorities.vector16(1, 0xFFFF));
        }
        return new CertificateRequest(types, algorithms, names);
    }

    @Override
    public void encodeBody(ByteWriter writer) {
        int mark = writer.beginVector8();
        certificateTypes.forEach(writer::u8);
        writer.endVector8(mark);
        supportedSignatureAlgorithms.ifPresent(list -> SignatureAlgorithms.writeList(writer, list));
        int names = writer.beginVector16();
        certificateAuthorities.forEach(writer::vector16);
        writer.endVector16(names);
    }

    @Override
    public List<byte[]> certificateAuthorities() {
        return MessageCodec.copyAll(certificateAuthorities, 1, 0xFFFF, "DistinguishedName");
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CertificateRequest that && certificateTypes.equals(that.certificateTypes)
                && supportedSignatureAlgorithms.equals(that.supportedSignatureAlgorithms)
                && MessageCodec.equalAll(certificateAuthorities, that.certificateAuthorities);
    }

    @Override
    public int hashCode() {
        return (certificateTypes.hashCode() * 31 + supportedSignatureAlgorithms.hashCode()) * 31
                + MessageCodec.hashAll(certificateAuthorities);
    }

    @Override
    public String toString() {
        return "CertificateRequest[types " + certificateTypes + ", signature_algorithms "
                + supportedSignatureAlgorithms.map(Object::toString).orElse("absent")
                + ", certificate_authorities " + MessageCodec.lengths(certificateAuthorities) + "]";
    }
}
