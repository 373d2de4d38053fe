package org.layeredtls.handshake.extension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * The key_share extension (RFC 8446 §4.2.8): the (EC)DHE public values. It has three forms, one
 * per message, each a record here, named as the RFC names the structs:
 * <ul>
 *   <li>ClientHello ({@code KeyShareClientHello}): {@code KeyShareEntry client_shares<0..2^16-1>},
 *       in the client's order of preference, at most one per group; may be empty (the client
 *       then asks for a HelloRetryRequest);</li>
 *   <li>ServerHello ({@code KeyShareServerHello}): the one {@code KeyShareEntry server_share};</li>
 *   <li>HelloRetryRequest ({@code KeyShareHelloRetryRequest}): the {@code NamedGroup selected_group}
 *       the client must send a share for in its second ClientHello.</li>
 * </ul>
 */
public sealed interface KeyShare extends ExtensionData {

    /** {@code KeyShareClientHello}: the client's shares, most preferred first. */
    record ClientHello(List<KeyShareEntry> clientShares) implements KeyShare {
        public ClientHello {
            clientShares = List.copyOf(clientShares);
        }

        /** The share for this group, if the client sent one. */
        public Optional<KeyShareEntry> shareFor(NamedGroup group) {
            return clientShares.stream().filter(e -> e.isFor(group)).findFirst();
        }

        @Override
        public void encode(ByteWriter writer) {
            int mark = writer.beginVector16();
            clientShares.forEach(e -> e.encode(writer));
            writer.endVector16(mark);
        }
    }

    /** {@code KeyShareServerHello}: the server's share, in a group the client offered. */
    record ServerHello(KeyShareEntry serverShare) implements KeyShare {
        @Override
        public void encode(ByteWriter writer) {
            serverShare.encode(writer);
        }
    }

    /** {@code KeyShareHelloRetryRequest}: the group the server wants a share for. */
    record HelloRetryRequest(NamedGroup selectedGroup) implements KeyShare {
        @Override
        public void encode(ByteWriter writer) {
            writer.u16(selectedGroup.code());
        }
    }

    /**
     * Reads {@code client_shares<0..2^16-1>}. A second share for the same group is
     * {@code illegal_parameter} (RFC 8446 §4.2.8: "Clients MUST NOT offer multiple KeyShareEntry
     * values for the same group ... Servers MAY check for violations of these rules and abort the
     * handshake with an illegal_parameter alert").
     */
    static ClientHello decodeClientHello(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        ByteReader list = reader.sub16();
        reader.expectEnd("key_share");
        List<KeyShareEntry> shares = new ArrayList<>();
        Set<Integer> groups = new HashSet<>();
        while (!list.isEmpty()) {
            KeyShareEntry entry = KeyShareEntry.decode(list);
            if (!groups.add(entry.group())) {
                throw ExtensionCodec.illegalParameter("client_shares holds two shares for group " + entry.group());
            }
            shares.add(entry);
        }
        return new ClientHello(shares);
    }

    /** Reads a ServerHello's one {@code KeyShareEntry}; bytes after it are {@code decode_error}. */
    static ServerHello decodeServerHello(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        KeyShareEntry entry = KeyShareEntry.decode(reader);
        reader.expectEnd("key_share");
        return new ServerHello(entry);
    }

    /**
     * Reads a HelloRetryRequest's {@code selected_group}. A group this stack does not know cannot be
     * one it offered: {@code illegal_parameter} (RFC 8446 §4.2.8: the selected group must be one
     * the client offered in supported_groups).
     */
    static HelloRetryRequest decodeHelloRetryRequest(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        int code = reader.u16();
        reader.expectEnd("key_share");
        NamedGroup group = NamedGroup.fromCode(code).orElseThrow(
                () -> ExtensionCodec.illegalParameter("HelloRetryRequest selects unknown group " + code));
        return new HelloRetryRequest(group);
    }

    @Override
    default ExtensionType type() {
        return ExtensionType.KEY_SHARE;
    }
}
