package org.layeredtls.handshake.message;

import java.security.MessageDigest;
import java.util.Arrays;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * Finished (RFC 5246 §7.4.9): {@code opaque verify_data[verify_data_length]}, 12 bytes in TLS and
 * 36 in SSL 3.0 (RFC 6101 §5.6.9: an MD5 and a SHA-1 hash). The body has no length of its own, so
 * {@link #decode(byte[], int)} takes the length it expects; any other length is {@code decode_error}.
 * TLS 1.3 keeps the message and makes verify_data as long as the suite's hash (RFC 8446 §4.4.4):
 * 32 or 48 bytes.
 */
public record Finished(byte[] verifyData) implements HandshakeMessage {

    public static final int TLS_VERIFY_DATA_LENGTH = 12;
    public static final int SSL3_VERIFY_DATA_LENGTH = 36;
    /** RFC 8446 §B.4: the TLS 1.3 suites hash with SHA-256 (32 bytes) or SHA-384 (48 bytes). */
    static final int TLS13_SHA256_LENGTH = 32;
    static final int TLS13_SHA384_LENGTH = 48;

    public Finished {
        verifyData = verifyData.clone();
    }

    public static Finished decode(byte[] body, int verifyDataLength) throws TlsAlertException {
        ByteReader reader = MessageCodec.reader(body);
        if (reader.remaining() != verifyDataLength) {
            throw reader.error("Finished has " + body.length + " bytes of verify_data, expected " + verifyDataLength);
        }
        return new Finished(reader.rest());
    }

    /**
     * Decodes a TLS 1.3 Finished: verify_data is {@code hashLength} bytes; with {@code hashLength}
     * 0 (the suite not yet known) either TLS 1.3 hash length is accepted, and the comparison with
     * the expected value decides.
     */
    public static Finished decodeTls13(byte[] body, int hashLength) throws TlsAlertException {
        if (hashLength == 0 && (body.length == TLS13_SHA256_LENGTH || body.length == TLS13_SHA384_LENGTH)) {
            return new Finished(body);
        }
        return decode(body, hashLength == 0 ? TLS13_SHA256_LENGTH : hashLength);
    }

    @Override
    public void encodeBody(ByteWriter writer) {
        writer.bytes(verifyData);
    }

    /** Whether the verify_data equals the expected value, compared in constant time. */
    public boolean matches(byte[] expected) {
        return MessageDigest.isEqual(verifyData, expected);
    }

    @Override
    public byte[] verifyData() {
        return verifyData.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.FINISHED;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Finished that && MessageDigest.isEqual(verifyData, that.verifyData);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(verifyData);
    }

    @Override
    public String toString() {
        return "Finished[" + verifyData.length + " bytes of verify_data]";
    }
}
