package org.layeredtls.handshake.conversation;

import java.util.ArrayList;
import java.util.List;

import org.layeredtls.codec.ByteWriter;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * A ClientHello (RFC 5246 §7.4.1.2) built from defaults, every field of which can be overridden, down to the
 * length fields: a probe says only what it changes.
 *
 * <p>Defaults: client_version {3,3}, a fresh random, an empty session_id, four suites (ECDHE-RSA and RSA,
 * AES-GCM and AES-CBC), null compression, and the extensions supported_groups (x25519, secp256r1,
 * secp384r1), ec_point_formats (uncompressed), signature_algorithms, extended_master_secret and
 * renegotiation_info (RFC 5746: empty on a first handshake, the client's last verify_data on a
 * renegotiation).
 *
 * <pre>{@code
 *   Messages.clientHello().cipherSuites(0x002F).extension(0xFAFA, new byte[0])   // one suite, an unknown extension
 *   Messages.clientHello().cipherSuitesLength(3)                                // a length field that lies
 * }</pre>
 */
public final class ClientHelloTemplate implements OutgoingMessage {

    /** One extension as bytes: a type, its data and, if not -1, the length field to write instead of the real one. */
    private record RawExtension(int type, byte[] data, int lengthField) {
    }

    private int clientVersion = ProtocolVersion.TLS1_2.code();
    private byte[] random;
    private byte[] sessionId = new byte[0];
    private ResumableSession session;
    private List<Integer> cipherSuites = List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.code(),
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA.code(), CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256.code(),
            CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA.code());
    private byte[] compressionMethods = {0};
    private final List<RawExtension> extensions = new ArrayList<>(List.of(
            new RawExtension(ExtensionType.SUPPORTED_GROUPS.code(), fromHex("0006001d00170018"), -1),
            new RawExtension(ExtensionType.EC_POINT_FORMATS.code(), fromHex("0100"), -1),
            new RawExtension(ExtensionType.SIGNATURE_ALGORITHMS.code(), fromHex("000a08040401050104030201"), -1),
            new RawExtension(ExtensionType.EXTENDED_MASTER_SECRET.code(), new byte[0], -1)));
    private boolean renegotiationInfo = true;
    private boolean extensionsBlock = true;
    private int sessionIdLength = -1;
    private int cipherSuitesLength = -1;
    private int compressionMethodsLength = -1;
    private int extensionsLength = -1;
    private byte[] trailing = new byte[0];

    ClientHelloTemplate() {
    }

    @Override
    public int type() {
        return HandshakeType.CLIENT_HELLO.code();
    }

    /** client_version, as a code: {@code 0x0303} for TLS 1.2, anything else to probe. */
    public ClientHelloTemplate clientVersion(int version) {
        this.clientVersion = version;
        return this;
    }

    /** A fixed random instead of a fresh one. */
    public ClientHelloTemplate random(byte[] random) {
        this.random = random.clone();
        return this;
    }

    /** Any session_id bytes. */
    public ClientHelloTemplate sessionId(byte[] sessionId) {
        this.sessionId = sessionId.clone();
        return this;
    }

    /** Offers {@code session} for resumption: its session_id, and its master secret if the server agrees. */
    public ClientHelloTemplate resuming(ResumableSession session) {
        this.session = session;
        this.sessionId = session.sessionId();
        return this;
    }

    /** The suites offered, as codes, in order (any codes, known or not). */
    public ClientHelloTemplate cipherSuites(Integer... codes) {
        this.cipherSuites = List.of(codes);
        return this;
    }

    /** The suites offered. */
    public ClientHelloTemplate cipherSuites(CipherSuite... suites) {
        this.cipherSuites = java.util.Arrays.stream(suites).map(CipherSuite::code).toList();
        return this;
    }

    /** compression_methods, one byte each. */
    public ClientHelloTemplate compressionMethods(int... methods) {
        this.compressionMethods = new byte[methods.length];
        for (int i = 0; i < methods.length; i++) {
            compressionMethods[i] = (byte) methods[i];
        }
        return this;
    }

    /** Adds an extension at the end (twice the same type makes a duplicate). */
    public ClientHelloTemplate extension(int type, byte[] data) {
        extensions.add(new RawExtension(type, data.clone(), -1));
        return this;
    }

    /** Adds an extension whose length field says {@code lengthField} whatever its data. */
    public ClientHelloTemplate extensionWithLength(int type, byte[] data, int lengthField) {
        extensions.add(new RawExtension(type, data.clone(), lengthField));
        return this;
    }

    /** Replaces the data of every extension of this type (renegotiation_info included), or adds it. */
    public ClientHelloTemplate replaceExtension(int type, byte[] data) {
        withoutExtension(type);
        return extension(type, data);
    }

    /** Removes every extension of this type (renegotiation_info included). */
    public ClientHelloTemplate withoutExtension(int type) {
        extensions.removeIf(e -> e.type() == type);
        if (type == ExtensionType.RENEGOTIATION_INFO.code()) {
            renegotiationInfo = false;
        }
        return this;
    }

    /** Removes the whole extensions block: the message ends after compression_methods (as an SSL 3.0 client's). */
    public ClientHelloTemplate noExtensionsBlock() {
        this.extensionsBlock = false;
        return this;
    }

    /** Adds server_name (RFC 6066 §3) with one host_name. */
    public ClientHelloTemplate serverName(String host) {
        byte[] name = host.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteWriter writer = new ByteWriter(name.length + 5);
        int list = writer.beginVector16();
        writer.u8(0).vector16(name);
        writer.endVector16(list);
        return replaceExtension(ExtensionType.SERVER_NAME.code(), writer.toByteArray());
    }

    /** The session_id length byte to write instead of the real one. */
    public ClientHelloTemplate sessionIdLength(int length) {
        this.sessionIdLength = length;
        return this;
    }

    /** The cipher_suites length field to write instead of the real one. */
    public ClientHelloTemplate cipherSuitesLength(int length) {
        this.cipherSuitesLength = length;
        return this;
    }

    /** The compression_methods length byte to write instead of the real one. */
    public ClientHelloTemplate compressionMethodsLength(int length) {
        this.compressionMethodsLength = length;
        return this;
    }

    /** The extensions block's length field to write instead of the real one. */
    public ClientHelloTemplate extensionsLength(int length) {
        this.extensionsLength = length;
        return this;
    }

    /** Bytes appended after the last field. */
    public ClientHelloTemplate trailing(byte[] bytes) {
        this.trailing = bytes.clone();
        return this;
    }

    @Override
    public byte[] body(HandshakeSecrets secrets) {
        byte[] clientRandom = random;
        if (clientRandom == null) {
            clientRandom = new byte[32];
            secrets.random().nextBytes(clientRandom);
        }
        ByteWriter writer = new ByteWriter(256).u16(clientVersion).bytes(clientRandom);
        writer.u8(sessionIdLength >= 0 ? sessionIdLength : sessionId.length).bytes(sessionId);
        writer.u16(cipherSuitesLength >= 0 ? cipherSuitesLength : cipherSuites.size() * 2);
        cipherSuites.forEach(writer::u16);
        writer.u8(compressionMethodsLength >= 0 ? compressionMethodsLength : compressionMethods.length)
                .bytes(compressionMethods);
        if (extensionsBlock) {
            ByteWriter block = new ByteWriter(128);
            for (RawExtension extension : extensions) {
                block.u16(extension.type()).u16(extension.lengthField() >= 0 ? extension.lengthField()
                        : extension.data().length).bytes(extension.data());
            }
            if (renegotiationInfo) {
                // RFC 5746 §3.5: renegotiated_connection is the client's last verify_data (empty the first time)
                block.u16(ExtensionType.RENEGOTIATION_INFO.code()).u16(1 + secrets.clientVerifyData().length)
                        .vector8(secrets.clientVerifyData());
            }
            byte[] bytes = block.toByteArray();
            writer.u16(extensionsLength >= 0 ? extensionsLength : bytes.length).bytes(bytes);
        }
        writer.bytes(trailing);
        secrets.clientHelloSent(ProtocolVersion.fromCode(clientVersion), clientRandom, sessionId, session);
        return writer.toByteArray();
    }

    static byte[] fromHex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }

    @Override
    public String toString() {
        return "client_hello";
    }
}
