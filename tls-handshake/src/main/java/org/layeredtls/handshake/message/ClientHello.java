package org.layeredtls.handshake.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * ClientHello (RFC 5246 §7.4.1.2). Cipher suites and compression methods are kept as the codes
 * the client sent, known or not, in its order. The extensions block is optional: SSL 3.0 clients
 * send none, and "absent" and "present but empty" are different bytes, so both are kept apart.
 *
 * @param clientVersion      the highest version the client supports
 * @param random             32 bytes: gmt_unix_time and 28 random bytes
 * @param sessionId          {@code <0..32>}: empty for a new session, or the session to resume
 * @param cipherSuites       {@code CipherSuite cipher_suites<2..2^16-2>} as two-byte codes
 * @param compressionMethods {@code CompressionMethod compression_methods<1..2^8-1>} as one-byte codes
 * @param extensions         the extensions block, if any
 */
public record ClientHello(ProtocolVersion clientVersion, byte[] random, byte[] sessionId, List<Integer> cipherSuites,
                          List<Integer> compressionMethods, Optional<Extensions> extensions) implements HandshakeMessage {

    public static final int RANDOM_LENGTH = 32;
    public static final int MAX_SESSION_ID_LENGTH = 32;

    public ClientHello {
        MessageCodec.checkLength(random, RANDOM_LENGTH, RANDOM_LENGTH, "random");
        MessageCodec.checkLength(sessionId, 0, MAX_SESSION_ID_LENGTH, "session_id");
        random = random.clone();
        sessionId = sessionId.clone();
        cipherSuites = List.copyOf(cipherSuites);
        compressionMethods = List.copyOf(compressionMethods);
        if (cipherSuites.isEmpty() || cipherSuites.size() > 0x7FFF) {
            throw new IllegalArgumentException("cipher_suites<2..2^16-2> holds 1..32767 suites, not " + cipherSuites.size());
        }
        MessageCodec.checkU16Codes(cipherSuites, "cipher_suites");
        if (compressionMethods.isEmpty() || compressionMethods.size() > 0xFF
                || compressionMethods.stream().anyMatch(m -> m < 0 || m > 0xFF)) {
            throw new IllegalArgumentException("compression_methods<1..2^8-1> of one-byte codes: " + compressionMethods);
        }
    }

    public static ClientHello decode(byte[] body) throws TlsAlertException {
        ByteReader reader = MessageCodec.reader(body);
        ProtocolVersion version = ProtocolVersion.fromCode(reader.u16());
        byte[] random = reader.bytes(RANDOM_LENGTH);
        byte[] sessionId = reader.vector8(0, MAX_SESSION_ID_LENGTH);
        ByteReader suites = reader.sub(reader.u16());
        if (suites.remaining() < 2 || suites.remaining() % 2 != 0) {
            throw suites.error("cipher_suites<2..2^16-2> has length " + suites.remaining());
        }
        List<Integer> cipherSuites = new ArrayList<>();
        while (!suites.isEmpty()) {
            cipherSuites.add(suites.u16());
        }
        byte[] methods = reader.vector8(1, 0xFF);
        List<Integer> compressionMethods = new ArrayList<>();
        for (byte method : methods) {
            compressionMethods.add(method & 0xFF);
        }
        // RFC 5246 §7.4.1.2: extensions are present if bytes follow compression_methods.
        Optional<Extensions> extensions = reader.isEmpty() ? Optional.empty() : Optional.of(Extensions.decode(reader));
        reader.expectEnd("ClientHello");
        if (extensions.isPresent()) {
            requirePreSharedKeyLast(extensions.get());
        }
        return new ClientHello(version, random, sessionId, cipherSuites, compressionMethods, extensions);
    }

    /**
     * RFC 8446 §4.2.11: "The "pre_shared_key" extension MUST be the last extension in the
     * ClientHello ... Servers MUST check that it is the last extension and otherwise fail the
     * handshake with an "illegal_parameter" alert." (The binders are computed over the bytes before them.)
     */
    private static void requirePreSharedKeyLast(Extensions extensions) throws TlsAlertException {
        List<Extension> list = extensions.list();
        for (int i = 0; i < list.size() - 1; i++) {
            if (list.get(i).type() == ExtensionType.PRE_SHARED_KEY.code()) {
                throw MessageCodec.illegalParameter("pre_shared_key is extension " + (i + 1) + " of " + list.size()
                        + " in the ClientHello, not the last");
            }
        }
    }

    @Override
    public void encodeBody(ByteWriter writer) {
        writer.u16(clientVersion.code()).bytes(random).vector8(sessionId);
        int suites = writer.beginVector16();
        cipherSuites.forEach(writer::u16);
        writer.endVector16(suites);
        int methods = writer.beginVector8();
        compressionMethods.forEach(writer::u8);
        writer.endVector8(methods);
        extensions.ifPresent(e -> e.encode(writer));
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_HELLO;
    }

    /** Whether the client offers this suite. */
    public boolean offers(CipherSuite suite) {
        return cipherSuites.contains(suite.code());
    }

    /** The offered suites this stack knows, in the client's order of preference. */
    public List<CipherSuite> knownCipherSuites() {
        return cipherSuites.stream().map(CipherSuite::fromCode).flatMap(Optional::stream).toList();
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
        return other instanceof ClientHello that && clientVersion.equals(that.clientVersion)
                && Arrays.equals(random, that.random) && Arrays.equals(sessionId, that.sessionId)
                && cipherSuites.equals(that.cipherSuites) && compressionMethods.equals(that.compressionMethods)
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return ((Arrays.hashCode(random) * 31 + Arrays.hashCode(sessionId)) * 31 + cipherSuites.hashCode()) * 31
                + extensions.hashCode();
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "ClientHello[" + clientVersion.displayName() + ", random " + hex.formatHex(random)
                + ", session_id " + hex.formatHex(sessionId) + ", cipher_suites "
                + cipherSuites.stream().map(c -> CipherSuite.fromCode(c).map(CipherSuite::name)
                        .orElse(String.format("0x%04x", c))).collect(Collectors.joining(", ", "[", "]"))
                + ", compression_methods " + compressionMethods
                + ", extensions " + extensions.map(Extensions::toString).orElse("absent") + "]";
    }
}
