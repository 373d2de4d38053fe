package org.layeredtls.handshake.message;

import java.util.Arrays;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.handshake.extension.Extensions;

/**
 * One certificate of a TLS 1.3 Certificate message (RFC 8446 §4.4.2): {@code opaque
 * cert_data<1..2^24-1>} (a DER X.509 certificate; this stack does not negotiate raw public keys)
 * followed by its own {@code Extension extensions<0..2^16-1>} (an OCSP response or SCTs, for instance).
 */
public record CertificateEntry(byte[] certData, Extensions extensions) {

    public CertificateEntry {
        MessageCodec.checkLength(certData, 1, 0xFFFFFF, "cert_data");
        certData = certData.clone();
    }

    /** A certificate with no extensions. */
    public CertificateEntry(byte[] certData) {
        this(certData, Extensions.empty());
    }

    static CertificateEntry decode(ByteReader reader) throws TlsAlertException {
        byte[] certData = reader.vector24(1, 0xFFFFFF);
        return new CertificateEntry(certData, Extensions.decode(reader));
    }

    void encode(ByteWriter writer) {
        writer.vector24(certData);
        extensions.encode(writer);
    }

    @Override
    public byte[] certData() {
        return certData.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CertificateEntry that && Arrays.equals(certData, that.certData)
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(certData) * 31 + extensions.hashCode();
    }

    @Override
    public String toString() {
        return "CertificateEntry[" + certData.length + " bytes, extensions " + extensions + "]";
    }
}
