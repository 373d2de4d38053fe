package org.layeredtls.handshake.lab;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.SecureRandomSource;
import org.layeredtls.handshake.prf.KeyBlock;
import org.layeredtls.handshake.prf.KeySchedule;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.RecordLimits;

/**
 * The record layer of the attacker's own connection, taken over once its handshake is done: both
 * directions' keys (RFC 5246 §6.3, from the master secret the attacker's client logged) and sequence
 * numbers, to seal records towards the server and open the server's records. The attacker is an
 * ordinary client of its connection: these are its own keys.
 */
final class AttackerRecordLayer {

    private final ConnectionState write;
    private final ConnectionState read;
    private long writeSequence;
    private long readSequence;

    /**
     * @param recordsWritten how many records the attacker's client sent under these keys (its Finished)
     * @param recordsRead    how many records the server sent under these keys (its Finished)
     */
    AttackerRecordLayer(ProtocolVersion version, CipherSuite suite, byte[] masterSecret, byte[] clientRandom,
                        byte[] serverRandom, long recordsWritten, long recordsRead) {
        KeyBlock block = KeySchedule.of(version, suite.prfHash()).keyBlock(masterSecret, clientRandom, serverRandom,
                suite.cipherSpec());
        CryptoProvider crypto = CryptoProvider.defaultProvider();
        this.write = ConnectionState.create(version, suite.cipherSpec(), block.clientWrite(), CompressionMethod.NULL, true,
                crypto, new SecureRandomSource());
        this.read = ConnectionState.create(version, suite.cipherSpec(), block.serverWrite(), CompressionMethod.NULL, false,
                crypto, new SecureRandomSource());
        block.wipe();
        this.writeSequence = recordsWritten;
        this.readSequence = recordsRead;
    }

    /** A whole record (header and fragment) of {@code type} carrying {@code plaintext}, sealed with the attacker's keys. */
    synchronized byte[] seal(ContentType type, ProtocolVersion version, byte[] plaintext) throws TlsAlertException {
        byte[] sealed = new byte[RecordLimits.HEADER_LENGTH + plaintext.length + write.protection().maxExpansion()];
        int length = write.protection().seal(writeSequence++, type, version, plaintext, 0, plaintext.length, sealed,
                RecordLimits.HEADER_LENGTH);
        header(sealed, type.code(), version, length);
        return Arrays.copyOf(sealed, RecordLimits.HEADER_LENGTH + length);
    }

    /** The record {@code record} (header and fragment) opened with the server's keys, as a record in the clear. */
    synchronized byte[] open(byte[] record) throws TlsAlertException {
        ContentType type = ContentType.fromCode(record[0] & 0xFF);
        ProtocolVersion version = new ProtocolVersion(record[1] & 0xFF, record[2] & 0xFF);
        byte[] opened = new byte[RecordLimits.HEADER_LENGTH + record.length];
        int length = read.protection().open(readSequence++, type, version, record, RecordLimits.HEADER_LENGTH,
                record.length - RecordLimits.HEADER_LENGTH, opened, RecordLimits.HEADER_LENGTH);
        header(opened, type.code(), version, length);
        return Arrays.copyOf(opened, RecordLimits.HEADER_LENGTH + length);
    }

    private static void header(byte[] record, int type, ProtocolVersion version, int length) {
        record[0] = (byte) type;
        record[1] = (byte) version.major();
        record[2] = (byte) version.minor();
        record[3] = (byte) (length >> 8);
        record[4] = (byte) length;
    }

    /** The next whole record from {@code in} (RFC 5246 §6.2.1: a 5-byte header, then length bytes), or null at its end. */
    static byte[] readRecord(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[RecordLimits.HEADER_LENGTH];
        try {
            data.readFully(header);
        } catch (EOFException end) {
            return null;
        }
        int length = ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
        byte[] record = Arrays.copyOf(header, RecordLimits.HEADER_LENGTH + length);
        data.readFully(record, RecordLimits.HEADER_LENGTH, length);
        return record;
    }
}
