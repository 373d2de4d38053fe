package org.layeredtls.record;

import java.util.Arrays;

/**
 * A record after compression (RFC 5246 §6.2.2): at most 2^14 + 1024 bytes. With the null
 * compression method it holds the same bytes as the {@link TLSPlaintext} it came from.
 *
 * <p>Immutable: the fragment is copied in and out. It is the form reported to observers; the
 * record layer's hot path works on its own buffers.
 */
public record TLSCompressed(ContentType type, ProtocolVersion version, byte[] fragment) {

    public TLSCompressed {
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
        return other instanceof TLSCompressed that && type == that.type && version.equals(that.version)
                && Arrays.equals(fragment, that.fragment);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + version.hashCode()) + Arrays.hashCode(fragment);
    }

    @Override
    public String toString() {
        return "TLSCompressed[" + type + ", " + version.displayName() + ", length " + fragment.length + "]";
    }
}
