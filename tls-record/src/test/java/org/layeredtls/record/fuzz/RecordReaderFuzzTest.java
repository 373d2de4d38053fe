package org.layeredtls.record.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.record.BulkCipherAlgorithm;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.MacAlgorithm;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.RecordLayer;
import org.layeredtls.record.TLSPlaintext;
import org.layeredtls.record.TrafficKeys;
import org.layeredtls.vectors.RecordProtectionVector;
import org.layeredtls.vectors.RecordProtectionVectors;

/**
 * Fuzzes the read side of the Record protocol: bytes off the wire into {@link RecordLayer#readRecord()}
 * until the stream ends. The rule (RFC 5246 §6.2, and the DESIGN's "errors are alerts"): a record
 * that breaks a rule is a {@link TlsAlertException}, a stream that ends inside a record an
 * {@link EOFException}; nothing else escapes, and no record read is longer than the fragment limit.
 *
 * <p>Input: {@code state || flags || stream}. {@code state} picks the read state: the initial
 * TLS_NULL_WITH_NULL_NULL state, DEFLATE over it, or the keys of one of the OpenSSL record-protection
 * vectors (test-vectors), so that the seeds hold records whose MACs and tags verify and the fuzzer
 * starts from inside the decryption paths. {@code flags} bit 0 lowers the receive limit to 512
 * bytes (a negotiated max_fragment_length), bit 1 requires the vector's version on every record.
 */
class RecordReaderFuzzTest {

    static final List<RecordProtectionVector> VECTORS = RecordProtectionVectors.load().vectors();
    /** Read states besides the vectors': initial, initial with DEFLATE. */
    static final int PLAIN_STATES = 2;
    static final int SMALL_FRAGMENT_LIMIT = 512;

    @FuzzTest
    void readRecordRaisesOnlyAlertsOrEof(byte[] input) throws IOException {
        if (input.length < 2) {
            return;
        }
        int choice = (input[0] & 0xFF) % (PLAIN_STATES + VECTORS.size());
        int flags = input[1] & 0xFF;
        RecordLayer layer = new RecordLayer(new ByteArrayInputStream(input, 2, input.length - 2),
                new ByteArrayOutputStream(), () -> { });
        int limit = (flags & 1) != 0 ? SMALL_FRAGMENT_LIMIT : 1 << 14;
        layer.setReceiveFragmentLimit(limit);
        if (choice >= PLAIN_STATES) {
            RecordProtectionVector vector = VECTORS.get(choice - PLAIN_STATES);
            if ((flags & 2) != 0) {
                layer.setRequiredReadVersion(ProtocolVersion.fromCode(vector.version()));
            }
        }
        layer.setPendingReadState(readState(choice));
        try {
            layer.activatePendingReadState();
            for (TLSPlaintext record = layer.readRecord(); record != null; record = layer.readRecord()) {
                assertTrue(record.fragment().length <= limit, "a record longer than the fragment limit was accepted");
            }
        } catch (TlsAlertException | EOFException expected) {
            // the two ways a hostile stream may end: an alert to send, or a stream cut inside a record
        }
    }

    /** The read state {@code choice} names (see the class comment). */
    static ConnectionState readState(int choice) {
        if (choice == 0) {
            return ConnectionState.initial();
        }
        if (choice == 1) {
            return ConnectionState.create(ProtocolVersion.TLS1_0, CipherSpec.NULL_WITH_NULL_NULL, TrafficKeys.NONE,
                    CompressionMethod.DEFLATE, false, CryptoProvider.defaultProvider(),
                    DeterministicRandomSource.fromLabel("record fuzz"));
        }
        RecordProtectionVector vector = VECTORS.get(choice - PLAIN_STATES);
        CipherSpec spec = new CipherSpec(BulkCipherAlgorithm.valueOf(vector.bulkCipher()),
                MacAlgorithm.valueOf(vector.mac()), vector.encryptThenMac());
        return ConnectionState.create(ProtocolVersion.fromCode(vector.version()), spec,
                        new TrafficKeys(vector.macKey(), vector.encryptionKey(), vector.fixedIv()),
                        CompressionMethod.NULL, false, CryptoProvider.defaultProvider(),
                        DeterministicRandomSource.fromLabel("record fuzz"))
                .startingAt(vector.records().get(0).sequenceNumber());
    }
}
