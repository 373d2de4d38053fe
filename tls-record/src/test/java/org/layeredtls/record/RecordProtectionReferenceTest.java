package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.layeredtls.record.JdkReference.concat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scheme's output, byte for byte, against the construction rebuilt from the RFCs with the JDK's
 * own primitives: this pins the conventions the recorded OpenSSL vectors depend on (padding bytes,
 * IV chaining, explicit IV from the random source, GCM nonce = sequence number, ChaCha20 nonce XOR).
 */
class RecordProtectionReferenceTest {

    private static final int[] LENGTHS = {0, 1, 33, 1000, 47};
    private static final long FIRST_SEQ = 0x0102030405060708L;
    private static final ContentType TYPE = ContentType.HANDSHAKE;

    static List<ProtectionScheme> schemes() {
        return ProtectionScheme.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void sealedRecordsMatchTheReferenceConstruction(ProtectionScheme scheme) {
        RecordingRandomSource random = new RecordingRandomSource("reference " + scheme);
        RecordProtection writer = scheme.writer(random);
        byte[][] fragments = new byte[LENGTHS.length][];
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        for (int i = 0; i < LENGTHS.length; i++) {
            fragments[i] = ProtectionScheme.pattern(i * 31, LENGTHS[i]);
            byte[] out = new byte[LENGTHS[i] + writer.maxExpansion()];
            int n = writer.seal(FIRST_SEQ + i, TYPE, scheme.version(), fragments[i], 0, LENGTHS[i], out, 0);
            actual.write(out, 0, n);
        }
        byte[] expected = switch (scheme.spec().type()) {
            case STREAM -> stream(scheme, fragments);
            case BLOCK -> block(scheme, fragments, random);
            case AEAD -> aead(scheme, fragments);
        };
        assertArrayEquals(expected, actual.toByteArray());
        if (scheme.isCbc() && scheme.version().hasExplicitIv()) {
            assertEquals(LENGTHS.length, random.draws.size(), "one draw per record");
        } else {
            assertEquals(0, random.draws.size(), "no randomness needed");
        }
    }

    /** Stream: E(fragment || MAC), the key stream running across records; NULL: in clear. */
    private static byte[] stream(ProtectionScheme scheme, byte[][] fragments) {
        ByteArrayOutputStream clear = new ByteArrayOutputStream();
        for (int i = 0; i < fragments.length; i++) {
            clear.writeBytes(fragments[i]);
            clear.writeBytes(JdkReference.mac(scheme, FIRST_SEQ + i, TYPE, fragments[i]));
        }
        return scheme.spec().bulkCipher() == BulkCipherAlgorithm.RC4_128
                ? JdkReference.rc4(scheme.keys().encryptionKey(), clear.toByteArray())
                : clear.toByteArray();
    }

    private static byte[] block(ProtectionScheme scheme, byte[][] fragments, RecordingRandomSource random) {
        int bs = scheme.blockSize();
        boolean etm = scheme.spec().encryptThenMac();
        boolean explicit = scheme.version().hasExplicitIv();
        byte[] chained = scheme.keys().fixedIv();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < fragments.length; i++) {
            long seq = FIRST_SEQ + i;
            byte[] content = etm ? fragments[i] : concat(fragments[i], JdkReference.mac(scheme, seq, TYPE, fragments[i]));
            int p = bs - 1 - content.length % bs;
            byte[] padding;
            if (scheme.version().isSsl3()) { // zeros, then the length
                padding = new byte[p + 1];
                padding[p] = (byte) p;
            } else {
                padding = JdkReference.tlsPadding(p);
            }
            byte[] iv = explicit ? random.draws.get(i) : chained;
            assertEquals(bs, iv.length);
            byte[] ciphertext = JdkReference.cbc(true, scheme.spec().bulkCipher(), scheme.keys().encryptionKey(), iv,
                    concat(content, padding));
            chained = Arrays.copyOfRange(ciphertext, ciphertext.length - bs, ciphertext.length);
            byte[] record = explicit ? concat(iv, ciphertext) : ciphertext;
            if (etm) { // RFC 7366: MAC over IV || ciphertext, with their length in the header
                record = concat(record, JdkReference.mac(scheme, seq, TYPE, record));
            }
            out.writeBytes(record);
        }
        return out.toByteArray();
    }

    private static byte[] aead(ProtectionScheme scheme, byte[][] fragments) {
        byte[] key = scheme.keys().encryptionKey();
        byte[] fixedIv = scheme.keys().fixedIv();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < fragments.length; i++) {
            long seq = FIRST_SEQ + i;
            byte[] seqBytes = ByteBuffer.allocate(8).putLong(seq).array();
            byte[] aad = JdkReference.macHeader(seq, TYPE, scheme.version(), fragments[i].length, false);
            if (scheme.spec().bulkCipher() == BulkCipherAlgorithm.CHACHA20_POLY1305) {
                byte[] nonce = fixedIv.clone();
                for (int j = 0; j < 8; j++) {
                    nonce[4 + j] ^= seqBytes[j];
                }
                out.writeBytes(JdkReference.chaCha20Poly1305(key, nonce, aad, fragments[i]));
            } else { // explicit nonce = sequence number
                out.writeBytes(seqBytes);
                out.writeBytes(JdkReference.aesGcm(key, concat(fixedIv, seqBytes), aad, fragments[i]));
            }
        }
        return out.toByteArray();
    }
}
