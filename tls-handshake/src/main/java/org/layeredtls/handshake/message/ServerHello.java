package org.layeredtls.handshake.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.SupportedVersions;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * ServerHello (RFC 5246 §7.4.1.3): the version, suite and compression the server chose. The suite
 * is kept as its code (a client must check it is one it offered: RFC 5246 §7.4.1.3,
 * {@code illegal_parameter}); the extensions block is optional, as in {@link ClientHello}.
 *
 * <p>TLS 1.3 (RFC 8446 §4.1.3) keeps the wire form: legacy_version stays {3,3}, the version is in
 * supported_versions ({@link #negotiatedVersion()}). A HelloRetryRequest is a ServerHello whose
 * random is {@link #HELLO_RETRY_REQUEST_RANDOM}. A TLS 1.3 server that negotiates TLS 1.2 or below
 * ends its random with a downgrade sentinel, which a TLS 1.3 client checks.
 */
public record ServerHello(ProtocolVersion serverVersion, byte[] random, byte[] sessionId, int cipherSuite,
                          int compressionMethod, Optional<Extensions> extensions) implements HandshakeMessage {

    /**
     * RFC 8446 §4.1.3: the random of a HelloRetryRequest, SHA-256("HelloRetryRequest"). A copy:
     * changing it changes nothing here.
     */
    public static final byte[] HELLO_RETRY_REQUEST_RANDOM = hrrRandom();

    /** RFC 8446 §4.1.3: the last 8 bytes of the random of a TLS 1.3 server that negotiates TLS 1.2: "DOWNGRD" 01. */
    public static final byte[] DOWNGRADE_TLS12 = downgrade(0x01);

    /** RFC 8446 §4.1.3: the same for TLS 1.1 or below: "DOWNGRD" 00. */
    public static final byte[] DOWNGRADE_TLS11 = downgrade(0x00);

    /** The length of a downgrade sentinel. */
    public static final int DOWNGRADE_SENTINEL_LENGTH = 8;

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

    /** RFC 8446 §4.1.3: whether this is a HelloRetryRequest (its random is SHA-256("HelloRetryRequest")). */
    public boolean isHelloRetryRequest() {
        return Arrays.equals(random, hrrRandom());
    }

    /**
     * The version the server selected: supported_versions' selected_version if the extension is
     * there (TLS 1.3, RFC 8446 §4.2.1), else server_version.
     */
    public ProtocolVersion negotiatedVersion() throws TlsAlertException {
        return extensionsOrEmpty().find(ExtensionType.SUPPORTED_VERSIONS, SupportedVersions::decodeServerHello)
                .map(SupportedVersions.ServerHello::selectedVersion).orElse(serverVersion);
    }

    /** Whether the random ends with the downgrade sentinel for TLS 1.2 or for TLS 1.1 and below (RFC 8446 §4.1.3). */
    public boolean hasDowngradeSentinel() {
        byte[] tail = Arrays.copyOfRange(random, ClientHello.RANDOM_LENGTH - DOWNGRADE_SENTINEL_LENGTH, ClientHello.RANDOM_LENGTH);
        return Arrays.equals(tail, downgrade(0x01)) || Arrays.equals(tail, downgrade(0x00));
    }

    /**
     * RFC 8446 §4.1.3: a server random for a TLS 1.3 server that negotiates {@code negotiated}:
     * the last 8 bytes replaced by the sentinel for TLS 1.2, or for TLS 1.1 and below; unchanged for TLS 1.3.
     */
    public static byte[] withDowngradeSentinel(byte[] random, ProtocolVersion negotiated) {
        byte[] marked = random.clone();
        if (!negotiated.isAtLeast(ProtocolVersion.TLS1_3)) {
            byte[] sentinel = negotiated.equals(ProtocolVersion.TLS1_2) ? downgrade(0x01) : downgrade(0x00);
            System.arraycopy(sentinel, 0, marked, marked.length - DOWNGRADE_SENTINEL_LENGTH, DOWNGRADE_SENTINEL_LENGTH);
        }
        return marked;
    }

    private static byte[] hrrRandom() {
        return HexFormat.of().parseHex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");
    }

    private static byte[] downgrade(int last) {
        byte[] sentinel = Arrays.copyOf("DOWNGRD".getBytes(StandardCharsets.US_ASCII), DOWNGRADE_SENTINEL_LENGTH);
        sentinel[DOWNGRADE_SENTINEL_LENGTH - 1] = (byte) last;
        return sentinel;
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
        return (isHelloRetryRequest() ? "HelloRetryRequest[" : "ServerHello[") + serverVersion.displayName() + ", random " + hex.formatHex(random)
                + ", session_id " + hex.formatHex(sessionId) + ", cipher_suite "
                + knownCipherSuite().map(CipherSuite::name).orElse(String.format("0x%04x", cipherSuite))
                + ", compression_method " + compressionMethod
                + ", extensions " + extensions.map(Extensions::toString).orElse("absent") + "]";
    }
}
