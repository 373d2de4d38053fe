package org.layeredtls.handshake.message;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * ServerHello (RFC 5246 §7.4.1.3): the version, suite and compression the server chose. The suite
 * is kept as its code (a client must check it is one it offered: RFC 5246 §7.4.1.3,
 * {@code illegal_parameter}); the extensions block is optional, as in {@link ClientHello}.
 */
public record ServerHello(ProtocolVersion serverVersion, byte[] random, byte[] sessionId, int cipherSuite,
                          int compressionMethod, Optional<Extensions> extensions) implements HandshakeMessage {

    public ServerHello {
        MessageCodec.checkLength(random, ClientHello.RANDOM_LENGTH, ClientHello.RANDOM_LENGTH, "random");
        MessageCodec.checkLength(sessionId, 0, ClientHello.MAX_SESSION_ID_LENGTH, "session_id");
        random = random.clone();
        sessionId = sessionId.clone();
        if (cipherSuite < 0 || cipherSuite > 0xFFFF || compressionMethod < 0 || compressionMethod > 0xFF) {
            throw new IllegalArgumentException("cipher_suite is 2 bytes and compression_method 1 byte");
        }
    }

    public static ServerHello decode(byte[] body) throws TlsAlertException {
        ByteReader reader = MessageCodec.reader(body);
        ProtocolVersion version = ProtocolVersion.fromCode(reader.u16());
        byte[] random = reader.bytes(ClientHello.RANDOM_LENGTH);
        byte[] sessionId = reader.vector8(0, ClientHello.MAX_SESSION_ID_LENGTH);
        int cipherSuite = reader.u16();
        int compressionMethod = reader.u8();
        // RFC 5246 §7.4.1.3: the extensions block is present if bytes follow compression_method.
        Optional<Extensions> extensions = reader.isEmpty() ? Optional.empty() : Optional.of(Extensions.decode(reader));
        reader.expectEnd("ServerHello");
        return new ServerHello(version, random, sessionId, cipherSuite, compressionMethod, extensions);
    }

    @Override
    public void encodeBody(ByteWriter writer) {
        writer.u16(serverVersion.code()).bytes(random).vector8(sessionId).u16(cipherSuite).u8(compressionMethod);
        extensions.ifPresent(e -> e.encode(writer));
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO;
    }

    /** The chosen suite, if this stack knows it. */
    public Optional<CipherSuite> knownCipherSuite() {
        return CipherSuite.fromCode(cipherSuite);
    }

    /** The extensions, or an empty block when there were none. */
    public Extensions extensionsOrEmpty() {
        return extensions.orElse(Extensions.empty());
    }

    @Override
    public byte[] random() {
        return random.clone();
    }

    @Override
    public byte[] sessionId() {
        return sessionId.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServerHello that && serverVersion.equals(that.serverVersion)
                && Arrays.equals(random, that.random) && Arrays.equals(sessionId, that.sessionId)
                && cipherSuite == that.cipherSuite && compressionMethod == that.compressionMethod
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return ((Arrays.hashCode(random) * 31 + Arrays.hashCode(sessionId)) * 31 + cipherSuite) * 31 + extensions.hashCode();
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "ServerHello[" + serverVersion.displayName() + ", random " + hex.formatHex(random)
                + ", session_id " + hex.formatHex(sessionId) + ", cipher_suite "
                + knownCipherSuite().map(CipherSuite::name).orElse(String.format("0x%04x", cipherSuite))
                + ", compression_method " + compressionMethod
                + ", extensions " + extensions.map(Extensions::toString).orElse("absent") + "]";
    }
}
