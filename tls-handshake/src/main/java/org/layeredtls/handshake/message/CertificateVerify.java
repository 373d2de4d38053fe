package org.layeredtls.handshake.message;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * CertificateVerify (RFC 5246 §7.4.8): the client's signature over the handshake so far, proving
 * it holds the key of its certificate. In TLS 1.2 it names its SignatureAndHashAlgorithm; before,
 * the signature alone (SSL 3.0 and TLS 1.0/1.1 sign MD5 and SHA-1 hashes).
 */
public record CertificateVerify(DigitallySigned signature) implements HandshakeMessage {

    public static CertificateVerify decode(byte[] body, DecodeContext context) throws TlsAlertException {
        ByteReader reader = MessageCodec.reader(body);
        DigitallySigned signature = DigitallySigned.decode(reader, context.hasSignatureAlgorithms());
        reader.expectEnd("CertificateVerify");
        return new CertificateVerify(signature);
    }

    @Override
    public void encodeBody(ByteWriter writer) {
        signature.encode(writer);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_VERIFY;
    }
}
