package org.layeredtls.handshake.extension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * The extensions block of a hello message (RFC 5246 §7.4.1.4): {@code Extension
 * extensions<0..2^16-1>}, in the order they were sent (order matters for the exact bytes and for
 * fingerprinting), with at most one extension of each type.
 *
 * <p>A duplicate is rejected with {@code illegal_parameter}. RFC 5246 §7.4.1.4 says "There MUST NOT
 * be more than one extension of the same type" but names no alert. The list itself decodes
 * fine, so this is not {@code decode_error} ("a field out of its specified range or a wrong
 * length", §7.2.2); a second value for the same field is "inconsistent with other fields", which
 * is {@code illegal_parameter} (§7.2.2). OpenSSL and BoringSSL send {@code illegal_parameter} too.
 */
public record Extensions(List<Extension> list) {

    private static final Extensions EMPTY = new Extensions(List.of());

    public Extensions {
        list = List.copyOf(list);
        int total = 0;
        Set<Integer> seen = new HashSet<>();
        for (Extension extension : list) {
            if (!seen.add(extension.type())) {
                throw new IllegalArgumentException("duplicate extension " + ExtensionType.nameOf(extension.type()));
            }
            total += 4 + extension.data().length;
        }
        if (total > 0xFFFF) {
            throw new IllegalArgumentException("the extensions block is at most 2^16-1 bytes, not " + total);
        }
    }

    /** An empty block: it still encodes as two zero bytes, unlike an absent block. */
    public static Extensions empty() {
        return EMPTY;
    }

    /** A block of typed extensions, in this order. */
    public static Extensions of(ExtensionData... extensions) {
        List<Extension> list = new ArrayList<>();
        for (ExtensionData data : extensions) {
            list.add(data.toExtension());
        }
        return new Extensions(list);
    }

    /** Reads {@code Extension extensions<0..2^16-1>}; a duplicate type is {@code illegal_parameter}. */
    public static Extensions decode(ByteReader reader) throws TlsAlertException {
        ByteReader block = reader.sub16();
        List<Extension> list = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        while (!block.isEmpty()) {
            Extension extension = Extension.decode(block);
            // RFC 5246 §7.4.1.4: there MUST NOT be more than one extension of the same type.
            if (!seen.add(extension.type())) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, TlsLayer.HANDSHAKE,
                        "duplicate extension " + ExtensionType.nameOf(extension.type()));
            }
            list.add(extension);
        }
        return new Extensions(list);
    }

    public void encode(ByteWriter writer) {
        int mark = writer.beginVector16();
        for (Extension extension : list) {
            extension.encode(writer);
        }
        writer.endVector16(mark);
    }

    /**
     * RFC 8446 §4.2: "If an implementation receives an extension which it recognizes and which is
     * not specified for the message in which it appears, it MUST abort the handshake with an
     * illegal_parameter alert." Extensions this stack does not recognise are left for the caller
     * to ignore.
     */
    public void requireAllowedIn(ExtensionMessage message) throws TlsAlertException {
        for (Extension extension : list) {
            Optional<ExtensionType> type = extension.knownType();
            if (type.isPresent() && !type.get().mayAppearIn(message)) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, TlsLayer.HANDSHAKE,
                        type.get().rfcName() + " may not appear in " + message.abbreviation() + " (RFC 8446 §4.2)");
            }
        }
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    /** Whether an extension of this type is present. */
    public boolean contains(ExtensionType type) {
        return find(type).isPresent();
    }

    /** The raw extension of this type, if present. */
    public Optional<Extension> find(ExtensionType type) {
        return find(type.code());
    }

    /** The raw extension with this code (known or not), if present. */
    public Optional<Extension> find(int type) {
        for (Extension extension : list) {
            if (extension.type() == type) {
                return Optional.of(extension);
            }
        }
        return Optional.empty();
    }

    /**
     * The typed extension of this type, decoded, if present; for instance
     * {@code find(ExtensionType.SUPPORTED_GROUPS, SupportedGroups::decode)}.
     */
    public <T extends ExtensionData> Optional<T> find(ExtensionType type, ExtensionDecoder<T> decoder)
            throws TlsAlertException {
        Optional<Extension> raw = find(type);
        return raw.isPresent() ? Optional.of(decoder.decode(raw.get().data())) : Optional.empty();
    }

    @Override
    public String toString() {
        return list.toString();
    }
}
