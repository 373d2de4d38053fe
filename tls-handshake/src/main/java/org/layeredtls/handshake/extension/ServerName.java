package org.layeredtls.handshake.extension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * The server_name extension, Server Name Indication (RFC 6066 §3). In a ClientHello it holds a
 * {@code ServerNameList server_name_list<1..2^16-1>}; a server that used the name answers with
 * an extension whose data is empty, which this record holds as an empty list.
 *
 * <p>Names are kept as ISO-8859-1 strings, which map every byte to one char and back, so any name
 * on the wire survives a round trip; a host name is ASCII (RFC 6066 §3).
 */
public record ServerName(List<Entry> serverNameList) implements ExtensionData {

    /** {@code NameType}: only {@code host_name(0)} is defined. */
    public static final int HOST_NAME = 0;

    /**
     * One {@code ServerName}: a name type and the name. RFC 6066 §3 requires any future name type
     * to start with a 16-bit length, so unknown types are read the same way and kept.
     */
    public record Entry(int nameType, String name) {
        public Entry {
            if (nameType < 0 || nameType > 255 || name.isEmpty() || name.length() > 0xFFFF) {
                throw new IllegalArgumentException("bad server name entry " + nameType + " '" + name + "'");
            }
            for (int i = 0; i < name.length(); i++) {
                if (name.charAt(i) > 0xFF) {
                    throw new IllegalArgumentException("a server name is bytes; char " + (int) name.charAt(i) + " is not one");
                }
            }
        }
    }

    public ServerName {
        serverNameList = List.copyOf(serverNameList);
    }

    /** A client's SNI for one host name. */
    public static ServerName ofHostName(String hostName) {
        return new ServerName(List.of(new Entry(HOST_NAME, hostName)));
    }

    /** The empty extension a server sends back when it used the name (RFC 6066 §3). */
    public static ServerName acknowledgement() {
        return new ServerName(List.of());
    }

    public static ServerName decode(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        if (reader.isEmpty()) {
            return acknowledgement();
        }
        ByteReader list = reader.sub16();
        reader.expectEnd("server_name");
        if (list.isEmpty()) {
            throw list.error("server_name_list<1..2^16-1> is empty");
        }
        List<Entry> entries = new ArrayList<>();
        while (!list.isEmpty()) {
            int nameType = list.u8();
            byte[] name = list.vector16(1, 0xFFFF);
            entries.add(new Entry(nameType, new String(name, StandardCharsets.ISO_8859_1)));
        }
        return new ServerName(entries);
    }

    /**
     * Decodes the server_name of a ClientHello, where it must hold a list (RFC 6066 §3): empty
     * extension_data, an empty list, a name cut short or bytes after the list are {@code decode_error},
     * and so is a second name of the same name_type ("The ServerNameList MUST NOT contain more than
     * one name of the same name_type"; OpenSSL, BoringSSL and Go send {@code decode_error} too).
     */
    public static ServerName decodeClientHello(byte[] extensionData) throws TlsAlertException {
        if (extensionData.length == 0) {
            throw ExtensionCodec.reader(extensionData).error("a ClientHello's server_name holds server_name_list<1..2^16-1>");
        }
        ServerName offered = decode(extensionData);
        Set<Integer> nameTypes = new HashSet<>();
        for (Entry entry : offered.serverNameList()) {
            if (!nameTypes.add(entry.nameType())) {
                throw ExtensionCodec.reader(extensionData).error("server_name_list names name_type " + entry.nameType() + " twice");
            }
        }
        return offered;
    }

    /** Decodes the server_name of a ServerHello: RFC 6066 §3, its extension_data "SHALL be empty"; anything else is {@code decode_error}. */
    public static ServerName decodeServerHello(byte[] extensionData) throws TlsAlertException {
        ExtensionCodec.reader(extensionData).expectEnd("a ServerHello's server_name");
        return acknowledgement();
    }

    @Override
    public void encode(ByteWriter writer) {
        if (serverNameList.isEmpty()) {
            return;
        }
        int mark = writer.beginVector16();
        for (Entry entry : serverNameList) {
            writer.u8(entry.nameType()).vector16(entry.name().getBytes(StandardCharsets.ISO_8859_1));
        }
        writer.endVector16(mark);
    }

    /** The first host_name, if any. */
    public Optional<String> hostName() {
        return serverNameList.stream().filter(e -> e.nameType() == HOST_NAME).map(Entry::name).findFirst();
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SERVER_NAME;
    }
}
