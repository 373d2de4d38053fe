package org.layeredtls.handshake.extension;

import java.util.Arrays;
import java.util.Optional;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * One key share (RFC 8446 §4.2.8): {@code NamedGroup group; opaque key_exchange<1..2^16-1>}, the
 * sender's public value in that group. The group is kept as its two-byte code, as in
 * {@link SupportedGroups}: a client may send shares for groups this stack does not know (GREASE,
 * RFC 8701; new hybrids), which a server ignores; {@link #knownGroup()} names the known ones.
 *
 * @param group       the NamedGroup code
 * @param keyExchange the public value, in the form the group defines (RFC 8446 §4.2.8.1, §4.2.8.2)
 */
public record KeyShareEntry(int group, byte[] keyExchange) {

    public KeyShareEntry {
        if (group < 0 || group > 0xFFFF) {
            throw new IllegalArgumentException("a NamedGroup is two bytes, not " + group);
        }
        if (keyExchange.length < 1 || keyExchange.length > 0xFFFF) {
            throw new IllegalArgumentException("key_exchange<1..2^16-1> cannot be " + keyExchange.length + " bytes");
        }
        keyExchange = keyExchange.clone();
    }

    /** A share for a group this stack knows. */
    public KeyShareEntry(NamedGroup group, byte[] keyExchange) {
        this(group.code(), keyExchange);
    }

    /** Reads one {@code KeyShareEntry}; an empty key_exchange is {@code decode_error}. */
    public static KeyShareEntry decode(ByteReader reader) throws TlsAlertException {
        int group = reader.u16();
        return new KeyShareEntry(group, reader.vector16(1, 0xFFFF));
    }

    public void encode(ByteWriter writer) {
        writer.u16(group).vector16(keyExchange);
    }

    /** The group, if this stack knows it. */
    public Optional<NamedGroup> knownGroup() {
        return NamedGroup.fromCode(group);
    }

    /** Whether this is a share for {@code group}. */
    public boolean isFor(NamedGroup namedGroup) {
        return group == namedGroup.code();
    }

    @Override
    public byte[] keyExchange() {
        return keyExchange.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyShareEntry that && group == that.group && Arrays.equals(keyExchange, that.keyExchange);
    }

    @Override
    public int hashCode() {
        return 31 * group + Arrays.hashCode(keyExchange);
    }

    @Override
    public String toString() {
        return knownGroup().map(NamedGroup::rfcName).orElse(String.format("0x%04x", group))
                + "[" + keyExchange.length + " bytes]";
    }
}
