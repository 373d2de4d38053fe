package org.layeredtls.record;

import java.util.Arrays;

/**
 * A record as the upper layers see it (RFC 5246 §6.2.1): one content type, the record's version and
 * at most 2^14 bytes (or the negotiated fragment limit) of that protocol's data.
 *
 * <p>Immutable: the fragment is copied in and out. It is the form reported to observers; the
 * record layer's hot path works on its own buffers.
 */
public record TLSPlaintext(ContentType type, ProtocolVersion version, byte[] fragment) {

    public TLSPlaintext {
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
        return other instanceof TLSPlaintext that && type == that.type && version.equals(that.version)
                && Arrays.equals(fragment, that.fragment);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + version.hashCode()) + Arrays.hashCode(fragment);
    }

    @Override
    public String toString() {
        return "TLSPlaintext[" + type + ", " + version.displayName() + ", length " + fragment.length + "]";
    }
}
