package org.layeredtls.record;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.crypto.CryptoBackend;
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
    private final boolean tls13;
    private long sequenceNumber;
    private boolean exhausted;

    /**
     * A state built from its parts. Researchers may pass their own {@link RecordProtection}; the
     * handshake uses {@link #create}.
     */
    public ConnectionState(CipherSpec cipherSpec, RecordProtection protection, Compression compression) {
        this(cipherSpec, protection, compression, false);
    }

    private ConnectionState(CipherSpec cipherSpec, RecordProtection protection, Compression compression,
                            boolean tls13) {
        this.cipherSpec = cipherSpec;
        this.protection = protection;
        this.compression = compression;
        this.tls13 = tls13;
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

    /**
     * A TLS 1.3 state for one direction (RFC 8446 §5.2, §5.3), from the traffic key and iv the key
     * schedule derived (§7.3). Its records carry a {@link TLSInnerPlaintext} in an application_data
     * {3,3} record, sealed with nonce = iv XOR the sequence number and the record header as the
     * additional data. Its sequence number starts at 0. The same state seals or opens; a
     * {@link RecordLayer} takes it through {@link RecordLayer#installWriteState} or
     * {@link RecordLayer#installReadState}.
     *
     * @param aead    AES_128_GCM, AES_256_GCM, CHACHA20_POLY1305, AES_128_CCM or AES_128_CCM_8
     * @param key     the traffic key: the AEAD's key length
     * @param iv      the traffic iv: 12 bytes
     * @param backend whose primitives seal and open
     */
    public static ConnectionState tls13(BulkCipherAlgorithm aead, byte[] key, byte[] iv, CryptoBackend backend) {
        return new ConnectionState(CipherSpec.of(aead, MacAlgorithm.NULL),
                RecordProtections.createTls13(aead, key, iv, backend.provider()), CompressionMethod.NULL.newState(true), true);
    }

    /**
     * RFC 8446 §5.3: the nonce a TLS 1.3 state with write iv {@code iv} seals record {@code sequenceNumber}
     * with (the 64-bit sequence number, left-padded with zeros to the iv's length, XOR the iv); for those
     * who show it (record-demo, the illustrated page): nothing of it is sent.
     */
    public static byte[] tls13Nonce(byte[] iv, long sequenceNumber) {
        byte[] nonce = new byte[iv.length];
        AeadProtection.perRecordNonce(iv, sequenceNumber, nonce);
        return nonce;
    }

    /**
     * Whether this is a TLS 1.3 state: its records hide their content type in a {@link TLSInnerPlaintext}
     * behind an application_data header, and a change_cipher_spec record goes in the clear.
     */
    public boolean isTls13() {
        return tls13;
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

    /**
     * The sequence number the next record will carry: the number of records this state has protected
     * (or opened) so far. TLS 1.3's AEAD usage limits (RFC 8446 §5.5) are counted in it.
     */
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
