package org.layeredtls.record;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.RandomSource;

/**
 * One direction's connection state (RFC 5246 §6.1): the cipher state (keys, IV chaining), the
 * compression state and the 64-bit sequence number. A record layer has a current and a pending
 * state per direction; ChangeCipherSpec makes the pending one current, and a new state's sequence
 * number starts at zero.
 */
public final class ConnectionState {

    private final CipherSpec cipherSpec;
    private final RecordProtection protection;
    private final Compression compression;
    private long sequenceNumber;
    private boolean exhausted;

    /**
     * A state built from its parts. Researchers may pass their own {@link RecordProtection}; the
     * handshake uses {@link #create}.
     */
    public ConnectionState(CipherSpec cipherSpec, RecordProtection protection, Compression compression) {
        this.cipherSpec = cipherSpec;
        this.protection = protection;
        this.compression = compression;
    }

    /** The initial state: TLS_NULL_WITH_NULL_NULL, null compression, sequence number 0. */
    public static ConnectionState initial() {
        return new ConnectionState(CipherSpec.NULL_WITH_NULL_NULL, RecordProtection.none(),
                CompressionMethod.NULL.newState(true));
    }

    /**
     * The state for one direction after a handshake.
     *
     * @param forWriting whether this state seals (our write direction) or opens (our read direction)
     */
    public static ConnectionState create(ProtocolVersion version, CipherSpec cipherSpec, TrafficKeys keys,
                                         CompressionMethod compression, boolean forWriting,
                                         CryptoProvider crypto, RandomSource random) {
        return new ConnectionState(cipherSpec,
                RecordProtection.create(version, cipherSpec, keys, forWriting, crypto, random),
                compression.newState(forWriting));
    }

    public CipherSpec cipherSpec() {
        return cipherSpec;
    }

    public RecordProtection protection() {
        return protection;
    }

    public Compression compression() {
        return compression;
    }

    /** The sequence number the next record will carry. */
    public long sequenceNumber() {
        return sequenceNumber;
    }

    /**
     * Moves the sequence number, for tests and experiments (e.g. to see what happens at 2^64 - 1).
     * Treated as an unsigned 64-bit value.
     */
    public ConnectionState startingAt(long sequenceNumber) {
        this.sequenceNumber = sequenceNumber;
        this.exhausted = false;
        return this;
    }

    /**
     * Takes the sequence number for the next record and advances it.
     *
     * @throws TlsAlertException once all 2^64 numbers are used: RFC 5246 §6.1 says sequence
     *         numbers do not wrap ("it must renegotiate instead"), so the record is refused
     */
    long nextSequenceNumber() throws TlsAlertException {
        if (exhausted) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, TlsLayer.RECORD,
                    "the 64-bit sequence number would wrap around; the connection must renegotiate or close");
        }
        long number = sequenceNumber++;
        if (sequenceNumber == 0) {
            exhausted = true; // number was 2^64 - 1, the last one
        }
        return number;
    }

    void release() {
        compression.release();
    }

    @Override
    public String toString() {
        return "ConnectionState[" + cipherSpec + ", " + compression.method() + ", seq "
                + Long.toUnsignedString(sequenceNumber) + "]";
    }
}
