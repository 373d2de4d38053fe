package org.layeredtls.handshake.extension;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * The supported_groups extension (RFC 8422 §5.1.1, RFC 7919 §2): {@code NamedGroup
 * named_group_list<2..2^16-1>}, most preferred first. Codes are kept as they are; unknown ones
 * are ignored by whoever chooses.
 */
public record SupportedGroups(List<Integer> groups) implements ExtensionData {

    public SupportedGroups {
        groups = ExtensionCodec.checkCodes(groups, 0xFFFF, 1, 0x7FFF, "named_group_list");
    }

    public static SupportedGroups of(NamedGroup... groups) {
        return new SupportedGroups(Arrays.stream(groups).map(NamedGroup::code).toList());
    }

    public static SupportedGroups decode(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        ByteReader list = reader.sub(reader.u16());
        reader.expectEnd("supported_groups");
        if (list.remaining() < 2) {
            throw list.error("named_group_list<2..2^16-1> is empty");
        }
        return new SupportedGroups(ExtensionCodec.u16List(list, "named_group_list"));
    }

    @Override
    public void encode(ByteWriter writer) {
        ExtensionCodec.writeU16List(writer, groups);
    }

    /** The groups this stack knows, in the sender's order. */
    public List<NamedGroup> knownGroups() {
        return groups.stream().map(NamedGroup::fromCode).flatMap(Optional::stream).toList();
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SUPPORTED_GROUPS;
    }
}
