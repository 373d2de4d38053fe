package org.layeredtls.handshake.extension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * The certificate_authorities extension (RFC 8446 §4.2.4): {@code DistinguishedName
 * authorities<3..2^16-1>}, each {@code opaque DistinguishedName<1..2^16-1>} a DER-encoded X.501
 * name of a CA the sender trusts. TLS 1.3 moves the TLS 1.2 CertificateRequest's list here, and
 * lets a client send it too.
 */
public record CertificateAuthorities(List<byte[]> authorities) implements ExtensionData {

    public CertificateAuthorities {
        List<byte[]> copy = new ArrayList<>();
        int total = 0;
        for (byte[] name : authorities) {
            if (name.length < 1 || name.length > 0xFFFF) {
                throw new IllegalArgumentException("DistinguishedName<1..2^16-1> cannot be " + name.length + " bytes");
            }
            total += 2 + name.length;
            copy.add(name.clone());
        }
        if (copy.isEmpty() || total > 0xFFFF - 2) {
            throw new IllegalArgumentException("authorities<3..2^16-1> cannot be " + total + " bytes");
        }
        authorities = List.copyOf(copy);
    }

    /** Reads {@code authorities<3..2^16-1>}; an empty list or an empty name is {@code decode_error}. */
    public static CertificateAuthorities decode(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        ByteReader list = reader.sub16();
        reader.expectEnd("certificate_authorities");
        if (list.remaining() < 3) {
            throw list.error("authorities<3..2^16-1> has " + list.remaining() + " bytes");
        }
        List<byte[]> names = new ArrayList<>();
        while (!list.isEmpty()) {
            names.add(list.vector16(1, 0xFFFF));
        }
        return new CertificateAuthorities(names);
    }

    @Override
    public void encode(ByteWriter writer) {
        int mark = writer.beginVector16();
        authorities.forEach(writer::vector16);
        writer.endVector16(mark);
    }

    @Override
    public List<byte[]> authorities() {
        return authorities.stream().map(byte[]::clone).toList();
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.CERTIFICATE_AUTHORITIES;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof CertificateAuthorities that) || authorities.size() != that.authorities.size()) {
            return false;
        }
        for (int i = 0; i < authorities.size(); i++) {
            if (!Arrays.equals(authorities.get(i), that.authorities.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return authorities.stream().mapToInt(Arrays::hashCode).reduce(1, (a, b) -> 31 * a + b);
    }

    @Override
    public String toString() {
        return "CertificateAuthorities[" + authorities.size() + " names]";
    }
}
