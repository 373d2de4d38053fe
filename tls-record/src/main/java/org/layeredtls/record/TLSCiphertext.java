package org.layeredtls.record;

import java.util.Arrays;

/**
 * A record as it travels on the wire (RFC 5246 §6.2.3): the protected fragment, at most
 * 2^14 + 2048 bytes, behind the 5-byte header.
 *
 * <p>Immutable: the fragment is copied in and out. It is the form reported to observers; the
 * record layer's hot path works on its own buffers.
 */
public record TLSCiphertext(ContentType type, ProtocolVersion version, byte[] fragment) {

    public TLSCiphertext {
        fragment = fragment.clone();
    }

    @Override
    public byte[] fragment() {
        return fragment.clone();
    }

    public int length() {
        return fragment.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TLSCiphertext that && type == that.type && version.equals(that.version)
                && Arrays.equals(fragment, that.fragment);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + version.hashCode()) + Arrays.hashCode(fragment);
    }

    @Override
    public String toString() {
        return "TLSCiphertext[" + type + ", " + version.displayName() + ", length " + fragment.length + "]";
    }
}
