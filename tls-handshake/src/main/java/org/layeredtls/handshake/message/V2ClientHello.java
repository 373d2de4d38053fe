package org.layeredtls.handshake.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.record.ProtocolVersion;

/**
 * The SSLv2-compatible ClientHello (RFC 5246 Appendix E.2; RFC 6101 Appendix E): an SSL 2.0
 * CLIENT-HELLO that offers SSL 3.0/TLS, sent by old clients that also wanted to reach SSL 2.0 servers.
 * It arrives as a server's first record, in SSL 2.0's record format (a 2-byte header with the high bit
 * set, then the message):
 *
 * <pre>
 *   uint16 msg_length;          // the record header: high bit 1, then the length of what follows
 *   uint8 msg_type;             // 1, CLIENT-HELLO
 *   Version version;            // = ClientHello.client_version
 *   uint16 cipher_spec_length;  // a non-zero multiple of 3
 *   uint16 session_id_length;
 *   uint16 challenge_length;
 *   V2CipherSpec cipher_specs[cipher_spec_length];   // 3 bytes each: a TLS suite is {0x00, x, y}
 *   opaque session_id[session_id_length];
 *   opaque challenge[challenge_length];              // = ClientHello.random, right-aligned
 * </pre>
 *
 * This value is the message (msg_type to challenge): those are the bytes the handshake hashes (RFC 2246
 * Appendix E.1: "the msg_length field is not considered to be a part of the handshake message").
 * {@link #toClientHello()} gives the ClientHello it stands for. The checks, and their alerts, are
 * OpenSSL's, except the challenge length, which OpenSSL does not check.
 *
 * @param version     the highest version the client supports
 * @param cipherSpecs the 3-byte cipher kinds, in the client's order: TLS suites and SSL 2.0 kinds
 * @param sessionId   {@code <0..32>}; never used to resume (E.2: "Requests to resume a TLS session MUST use a TLS client hello")
 * @param challenge   16 to 32 bytes
 */
public record V2ClientHello(ProtocolVersion version, List<Integer> cipherSpecs, byte[] sessionId, byte[] challenge) {

    /** SSL 2.0's MSG-CLIENT-HELLO. */
    public static final int MSG_TYPE_CLIENT_HELLO = 1;
    /** msg_type, version and the three lengths: the fixed part of the message. */
    public static final int FIXED_LENGTH = 9;
    /** The length of a V2CipherSpec. */
    public static final int CIPHER_SPEC_LENGTH = 3;
    /** RFC 5246 Appendix E.2: "Historically, permissible values are between 16 and 32 bytes inclusive." */
    public static final int MIN_CHALLENGE_LENGTH = 16;
    public static final int MAX_CHALLENGE_LENGTH = ClientHello.RANDOM_LENGTH;

    public V2ClientHello {
        cipherSpecs = List.copyOf(cipherSpecs);
        if (cipherSpecs.isEmpty() || cipherSpecs.stream().anyMatch(c -> c < 0 || c > 0xFFFFFF)) {
            throw new IllegalArgumentException("cipher_specs: one or more 3-byte codes, not " + cipherSpecs);
        }
        MessageCodec.checkLength(sessionId, 0, ClientHello.MAX_SESSION_ID_LENGTH, "session_id");
        MessageCodec.checkLength(challenge, MIN_CHALLENGE_LENGTH, MAX_CHALLENGE_LENGTH, "challenge");
        sessionId = sessionId.clone();
        challenge = challenge.clone();
    }

    /**
     * Decodes the message that followed the 2-byte record header, checking it as OpenSSL does, in its
     * order: the lengths ({@code decode_error}; a session_id over 32 bytes is {@code illegal_parameter}),
     * then the version ({@code protocol_version} unless it is {3,x}: real SSL 2.0 is not spoken),
     * then the cipher specs (none: {@code illegal_parameter}; not a multiple of 3: {@code decode_error}),
     * then the challenge length ({@code illegal_parameter} outside 16..32).
     */
    public static V2ClientHello decode(byte[] message) throws TlsAlertException {
        ByteReader reader = new ByteReader(message, TlsLayer.HANDSHAKE);
        int msgType = reader.u8();
        if (msgType != MSG_TYPE_CLIENT_HELLO) {
            throw reader.error("an SSL 2.0 message of type " + msgType + " is not a CLIENT-HELLO");
        }
        ProtocolVersion version = ProtocolVersion.fromCode(reader.u16());
        int cipherSpecLength = reader.u16();
        int sessionIdLength = reader.u16();
        int challengeLength = reader.u16();
        if (sessionIdLength > ClientHello.MAX_SESSION_ID_LENGTH) {
            throw illegalParameter("session_id_length " + sessionIdLength + " exceeds 32");
        }
        ByteReader specs = reader.sub(cipherSpecLength);
        byte[] sessionId = reader.bytes(sessionIdLength);
        byte[] challenge = reader.bytes(challengeLength);
        reader.expectEnd("V2ClientHello");
        if (version.major() != 3) {
            // OpenSSL: "unknown protocol": real SSL 2.0 ({0,2}) or something unknown.
            throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION, TlsLayer.HANDSHAKE,
                    "a V2ClientHello for version " + version + " (only SSL 3.0 and TLS are spoken)");
        }
        if (cipherSpecLength == 0) {
            // RFC 5246 Appendix E.2: cipher_spec_length "cannot be zero".
            throw illegalParameter("cipher_spec_length is zero");
        }
        if (cipherSpecLength % CIPHER_SPEC_LENGTH != 0) {
            // RFC 5246 Appendix E.2: it "MUST be a multiple of the V2CipherSpec length (3)".
            throw specs.error("cipher_spec_length " + cipherSpecLength + " is not a multiple of 3");
        }
        List<Integer> cipherSpecs = new ArrayList<>();
        while (!specs.isEmpty()) {
            cipherSpecs.add(specs.u24());
        }
        if (challengeLength < MIN_CHALLENGE_LENGTH || challengeLength > MAX_CHALLENGE_LENGTH) {
            throw illegalParameter("challenge_length " + challengeLength + " outside 16..32");
        }
        return new V2ClientHello(version, cipherSpecs, sessionId, challenge);
    }

    private static TlsAlertException illegalParameter(String reason) {
        return new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, TlsLayer.HANDSHAKE, reason);
    }

    /** The message, msg_type to challenge: what the handshake hashes. */
    public byte[] encode() {
        ByteWriter writer = new ByteWriter();
        writer.u8(MSG_TYPE_CLIENT_HELLO).u16(version.code()).u16(CIPHER_SPEC_LENGTH * cipherSpecs.size())
                .u16(sessionId.length).u16(challenge.length);
        cipherSpecs.forEach(writer::u24);
        writer.bytes(sessionId).bytes(challenge);
        return writer.toByteArray();
    }

    /** The whole SSL 2.0 record, 2-byte header (high bit set) and message: what a client puts on the wire. */
    public byte[] encodeRecord() {
        byte[] message = encode();
        ByteWriter writer = new ByteWriter(2 + message.length);
        writer.u16(0x8000 | message.length).bytes(message);
        return writer.toByteArray();
    }

    /** The TLS cipher suites among the cipher specs, {0x00, x, y} as {x, y}, in order; SSL 2.0 kinds are left out. */
    public List<Integer> tlsCipherSuites() {
        // RFC 5246 Appendix E.2: "each cipher suite prefixed by a zero byte".
        return cipherSpecs.stream().filter(spec -> spec >>> 16 == 0).toList();
    }

    /**
     * The ClientHello this message stands for: the same version, the TLS suites, the challenge
     * right-aligned in a 32-byte random ("pad the data with leading (note: not trailing) zero bytes"),
     * no session ID (it never resumes), null compression only, and no extensions.
     *
     * @throws TlsAlertException {@code handshake_failure} when it offers only SSL 2.0 cipher kinds:
     *         there is no suite to agree on (OpenSSL: "no shared cipher")
     */
    public ClientHello toClientHello() throws TlsAlertException {
        List<Integer> suites = tlsCipherSuites();
        if (suites.isEmpty()) {
            throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, TlsLayer.HANDSHAKE,
                    "the V2ClientHello offers only SSL 2.0 cipher kinds: no shared cipher");
        }
        byte[] random = new byte[ClientHello.RANDOM_LENGTH];
        System.arraycopy(challenge, 0, random, random.length - challenge.length, challenge.length);
        return new ClientHello(version, random, new byte[0], suites, List.of(0), Optional.empty());
    }

    @Override
    public byte[] sessionId() {
        return sessionId.clone();
    }

    @Override
    public byte[] challenge() {
        return challenge.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof V2ClientHello that && version.equals(that.version) && cipherSpecs.equals(that.cipherSpecs)
                && Arrays.equals(sessionId, that.sessionId) && Arrays.equals(challenge, that.challenge);
    }

    @Override
    public int hashCode() {
        return ((version.hashCode() * 31 + cipherSpecs.hashCode()) * 31 + Arrays.hashCode(sessionId)) * 31
                + Arrays.hashCode(challenge);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "V2ClientHello[" + version.displayName() + ", cipher_specs "
                + cipherSpecs.stream().map(c -> String.format("%06x", c)).toList() + ", session_id "
                + hex.formatHex(sessionId) + ", challenge " + hex.formatHex(challenge) + "]";
    }
}
