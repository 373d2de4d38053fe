package org.layeredtls.handshake.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * The TLS 1.3 Certificate message (RFC 8446 §4.4.2): {@code opaque
 * certificate_request_context<0..2^8-1>; CertificateEntry certificate_list<0..2^24-1>}. Unlike
 * TLS 1.2's {@link Certificate}, each certificate carries its own extensions, and a client's
 * answer to a CertificateRequest echoes the request's context (empty during the handshake). A
 * client without a suitable certificate sends an empty list.
 */
public record Tls13Certificate(byte[] requestContext, List<CertificateEntry> certificateList) implements HandshakeMessage {

    public Tls13Certificate {
        MessageCodec.checkLength(requestContext, 0, 0xFF, "certificate_request_context");
        requestContext = requestContext.clone();
        certificateList = List.copyOf(certificateList);
    }

    public static Tls13Certificate decode(byte[] body) throws TlsAlertException {
        ByteReader reader = MessageCodec.reader(body);
        byte[] requestContext = reader.vector8();
        ByteReader list = reader.sub24();
        reader.expectEnd("Certificate");
        List<CertificateEntry> entries = new ArrayList<>();
        while (!list.isEmpty()) {
            entries.add(CertificateEntry.decode(list));
        }
        return new Tls13Certificate(requestContext, entries);
    }

    @Override
    public void encodeBody(ByteWriter writer) {
        writer.vector8(requestContext);
        int mark = writer.beginVector24();
        certificateList.forEach(entry -> entry.encode(writer));
        writer.endVector24(mark);
    }

    /** The DER certificates alone, the sender's own first, as TLS 1.2's Certificate holds them. */
    public List<byte[]> certificates() {
        return certificateList.stream().map(CertificateEntry::certData).toList();
    }

    public boolean isEmpty() {
        return certificateList.isEmpty();
    }

    @Override
    public byte[] requestContext() {
        return requestContext.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tls13Certificate that && Arrays.equals(requestContext, that.requestContext)
                && certificateList.equals(that.certificateList);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(requestContext) * 31 + certificateList.hashCode();
    }

    @Override
    public String toString() {
        return "Certificate[context " + HexFormat.of().formatHex(requestContext) + ", " + certificateList + "]";
    }
}
