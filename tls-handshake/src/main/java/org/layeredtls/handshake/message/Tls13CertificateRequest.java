package org.layeredtls.handshake.message;

import java.util.Arrays;
import java.util.HexFormat;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.handshake.extension.Extensions;

/**
 * The TLS 1.3 CertificateRequest (RFC 8446 §4.3.2): {@code opaque
 * certificate_request_context<0..2^8-1>; Extension extensions<2..2^16-1>}. What TLS 1.2 put in
 * fields (certificate types, signature algorithms, CAs) now travels as extensions:
 * signature_algorithms (which MUST be present), signature_algorithms_cert,
 * certificate_authorities, oid_filters. The context is empty during the handshake, and unique per
 * request after it (post-handshake authentication, RFC 8446 §4.6.2).
 */
public record Tls13CertificateRequest(byte[] requestContext, Extensions extensions) implements HandshakeMessage {

    public Tls13CertificateRequest {
        MessageCodec.checkLength(requestContext, 0, 0xFF, "certificate_request_context");
        requestContext = requestContext.clone();
        if (extensions.isEmpty()) {
            throw new IllegalArgumentException("extensions<2..2^16-1>: a CertificateRequest has at least signature_algorithms");
        }
    }

    /** Reads the body; an empty extensions block is {@code decode_error} ({@code <2..2^16-1>}). */
    public static Tls13CertificateRequest decode(byte[] body) throws TlsAlertException {
        ByteReader reader = MessageCodec.reader(body);
        byte[] requestContext = reader.vector8();
        Extensions extensions = Extensions.decode(reader);
        reader.expectEnd("CertificateRequest");
        if (extensions.isEmpty()) {
            throw reader.error("extensions<2..2^16-1> of a CertificateRequest is empty");
        }
        return new Tls13CertificateRequest(requestContext, extensions);
    }

    @Override
    public void encodeBody(ByteWriter writer) {
        writer.vector8(requestContext);
        extensions.encode(writer);
    }

    @Override
    public byte[] requestContext() {
        return requestContext.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tls13CertificateRequest that && Arrays.equals(requestContext, that.requestContext)
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(requestContext) * 31 + extensions.hashCode();
    }

    @Override
    public String toString() {
        return "CertificateRequest[context " + HexFormat.of().formatHex(requestContext) + ", extensions " + extensions + "]";
    }
}
