package org.layeredtls.handshake.message;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * Certificate (RFC 5246 §7.4.2): {@code ASN.1Cert certificate_list<0..2^24-1>}, each
 * {@code opaque ASN.1Cert<1..2^24-1>} a DER certificate, the sender's own first. The DER is kept
 * as bytes; parsing and checking it is the certificate package's job. A client without a suitable
 * certificate sends an empty list (RFC 5246 §7.4.6).
 */
public record Certificate(List<byte[]> certificateList) implements HandshakeMessage {

    public Certificate {
        certificateList = MessageCodec.copyAll(certificateList, 1, 0xFFFFFF, "ASN.1Cert");
    }

    public static Certificate decode(byte[] body) throws TlsAlertException {
        ByteReader reader = MessageCodec.reader(body);
        ByteReader list = reader.sub24();
        reader.expectEnd("Certificate");
        List<byte[]> certificates = new ArrayList<>();
        while (!list.isEmpty()) {
            certificates.add(list.vector24(1, 0xFFFFFF));
        }
        return new Certificate(certificates);
    }

    @Override
    public void encodeBody(ByteWriter writer) {
        int mark = writer.beginVector24();
        for (byte[] certificate : certificateList) {
            writer.vector24(certificate);
        }
        writer.endVector24(mark);
    }

    @Override
    public List<byte[]> certificateList() {
        return MessageCodec.copyAll(certificateList, 1, 0xFFFFFF, "ASN.1Cert");
    }

    public boolean isEmpty() {
        return certificateList.isEmpty();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Certificate that && MessageCodec.equalAll(certificateList, that.certificateList);
    }

    @Override
    public int hashCode() {
        return MessageCodec.hashAll(certificateList);
    }

    @Override
    public String toString() {
        return "Certificate[" + MessageCodec.lengths(certificateList) + "]";
    }
}
