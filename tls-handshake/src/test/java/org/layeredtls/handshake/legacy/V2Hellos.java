package org.layeredtls.handshake.legacy;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.layeredtls.alert.AlertDescription;

/**
 * SSLv2-compatible ClientHello records built byte by byte, well-formed or not (RFC 5246 Appendix E.2),
 * and the malformed ones with the alert {@code openssl s_server} 3.0 answers them with (measured on this
 * machine; {@link V2ClientHelloOpenSslTest} measures it again on every run).
 */
final class V2Hellos {

    private static final int AES_128_CBC_SHA = 0x00002F;

    private V2Hellos() {
    }

    /** One malformed first record and OpenSSL's answer to it. */
    record Case(String name, byte[] bytes, AlertDescription openSslAlert) {
        @Override
        public String toString() {
            return name;
        }
    }

    static byte[] bytes(int start, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (start + i);
        }
        return out;
    }

    /** The cipher_specs field for these 3-byte codes. */
    static byte[] specs(int... codes) {
        byte[] out = new byte[3 * codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[3 * i] = (byte) (codes[i] >>> 16);
            out[3 * i + 1] = (byte) (codes[i] >>> 8);
            out[3 * i + 2] = (byte) codes[i];
        }
        return out;
    }

    /** A V2 hello record whose lengths are those of the fields given. */
    static byte[] raw(int version, byte[] cipherSpecs, byte[] sessionId, byte[] challenge) {
        return raw(version, cipherSpecs.length, sessionId.length, challenge.length, cipherSpecs, sessionId, challenge,
                new byte[0], -1);
    }

    /**
     * A V2 hello record with any lengths: the three length fields, the fields themselves, bytes after them,
     * and the record length ({@code -1}: the true one).
     */
    static byte[] raw(int version, int cipherSpecLength, int sessionIdLength, int challengeLength, byte[] cipherSpecs,
                      byte[] sessionId, byte[] challenge, byte[] trailer, int recordLength) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.write(1); // msg_type: CLIENT-HELLO
        u16(message, version);
        u16(message, cipherSpecLength);
        u16(message, sessionIdLength);
        u16(message, challengeLength);
        message.writeBytes(cipherSpecs);
        message.writeBytes(sessionId);
        message.writeBytes(challenge);
        message.writeBytes(trailer);
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        u16(record, 0x8000 | (recordLength < 0 ? message.size() : recordLength));
        record.writeBytes(message.toByteArray());
        return record.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }

    private static byte[] withVersion(int version) {
        return raw(version, specs(AES_128_CBC_SHA), new byte[0], bytes(1, 16));
    }

    /** Malformed V2 hellos and OpenSSL 3.0's alert for each. */
    static List<Case> malformed() {
        byte[] suite = specs(AES_128_CBC_SHA);
        byte[] challenge = bytes(1, 16);
        byte[] none = new byte[0];
        return List.of(
                new Case("record length 3: msg_type and version only", new byte[] {(byte) 0x80, 3, 1, 3, 3},
                        AlertDescription.DECODE_ERROR),
                new Case("record length 8: one byte short of the fixed fields",
                        new byte[] {(byte) 0x80, 8, 1, 3, 3, 0, 3, 0, 0, 0}, AlertDescription.DECODE_ERROR),
                new Case("record length 17408, beyond a plaintext record",
                        raw(0x0303, 3, 0, 16, suite, none, challenge, none, 0x4400), AlertDescription.RECORD_OVERFLOW),
                new Case("session_id_length 33", raw(0x0303, suite, new byte[33], challenge),
                        AlertDescription.ILLEGAL_PARAMETER),
                new Case("cipher_spec_length 0", raw(0x0303, none, none, challenge), AlertDescription.ILLEGAL_PARAMETER),
                new Case("cipher_spec_length 4, not a multiple of 3", raw(0x0303, new byte[] {0, 0, 0x2F, 0}, none, challenge),
                        AlertDescription.DECODE_ERROR),
                new Case("cipher_spec_length beyond the message", raw(0x0303, 30, 0, 16, suite, none, challenge, none, -1),
                        AlertDescription.DECODE_ERROR),
                new Case("challenge_length beyond the message", raw(0x0303, 3, 0, 40, suite, none, challenge, none, -1),
                        AlertDescription.DECODE_ERROR),
                new Case("a byte after the challenge", raw(0x0303, 3, 0, 16, suite, none, challenge, new byte[1], -1),
                        AlertDescription.DECODE_ERROR),
                new Case("version {0,2}: real SSL 2.0", withVersion(0x0002), AlertDescription.PROTOCOL_VERSION),
                new Case("version {2,0}", withVersion(0x0200), AlertDescription.PROTOCOL_VERSION),
                new Case("version {4,3}", withVersion(0x0403), AlertDescription.PROTOCOL_VERSION),
                new Case("only SSL 2.0 cipher kinds", raw(0x0303, specs(0x010080, 0x0700C0), none, challenge),
                        AlertDescription.HANDSHAKE_FAILURE));
    }
}
