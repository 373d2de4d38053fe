package org.layeredtls.handshake.extension;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.record.ProtocolVersion;

/**
 * The supported_versions extension (RFC 8446 §4.2.1): how TLS 1.3 negotiates the version, now
 * that legacy_version stays {3,3}. A ClientHello lists the versions the client speaks,
 * {@code ProtocolVersion versions<2..254>}, most preferred first; a ServerHello or
 * HelloRetryRequest names the one the server selected. The two forms are two records.
 * Versions this stack does not speak (GREASE values, drafts) are kept as they are.
 */
public sealed interface SupportedVersions extends ExtensionData {

    /** The ClientHello form: {@code ProtocolVersion versions<2..254>}. */
    record ClientHello(List<ProtocolVersion> versions) implements SupportedVersions {
        public ClientHello {
            versions = List.copyOf(versions);
            if (versions.isEmpty() || versions.size() > 127) {
                throw new IllegalArgumentException("versions<2..254> holds 1..127 versions, not " + versions.size());
            }
        }

        /** Whether the client offers this version. */
        public boolean offers(ProtocolVersion version) {
            return versions.contains(version);
        }

        @Override
        public void encode(ByteWriter writer) {
            int mark = writer.beginVector8();
            versions.forEach(v -> writer.u16(v.code()));
            writer.endVector8(mark);
        }
    }

    /** The ServerHello and HelloRetryRequest form: {@code ProtocolVersion selected_version}. */
    record ServerHello(ProtocolVersion selectedVersion) implements SupportedVersions {
        @Override
        public void encode(ByteWriter writer) {
            writer.u16(selectedVersion.code());
        }
    }

    /** A ClientHello's list, most preferred first. */
    static ClientHello of(ProtocolVersion... versions) {
        return new ClientHello(List.of(versions));
    }

    /** A ServerHello's (or HelloRetryRequest's) selected version. */
    static ServerHello selected(ProtocolVersion version) {
        return new ServerHello(version);
    }

    /** Reads a ClientHello's {@code versions<2..254>}; an empty or odd-length list is {@code decode_error}. */
    static ClientHello decodeClientHello(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        ByteReader list = reader.sub8();
        reader.expectEnd("supported_versions");
        if (list.remaining() < 2) {
            throw list.error("versions<2..254> is empty");
        }
        List<ProtocolVersion> versions = new ArrayList<>();
        for (int code : ExtensionCodec.u16List(list, "versions")) {
            versions.add(ProtocolVersion.fromCode(code));
        }
        return new ClientHello(versions);
    }

    /** Reads a ServerHello's or HelloRetryRequest's {@code selected_version}: exactly two bytes. */
    static ServerHello decodeServerHello(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        int code = reader.u16();
        reader.expectEnd("supported_versions");
        return new ServerHello(ProtocolVersion.fromCode(code));
    }

    @Override
    default ExtensionType type() {
        return ExtensionType.SUPPORTED_VERSIONS;
    }
}
