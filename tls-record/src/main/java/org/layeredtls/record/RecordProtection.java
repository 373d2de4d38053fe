package org.layeredtls.record;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.RandomSource;

/**
 * Turns a TLSCompressed fragment into a TLSCiphertext fragment and back, for one direction
 * (RFC 5246 §6.2.3). One object per direction and per cipher state: it holds the keys, and for
 * SSL 3.0/TLS 1.0 CBC the IV chained from the previous record.
 *
 * <p>The hot path: {@code seal} and {@code open} work on caller-supplied arrays and allocate
 * nothing per record. Input and output ranges must not overlap.
 */
public interface RecordProtection {

    /**
     * Builds the protection for one direction.
     *
     * @param version    the record version: selects the SSL 3.0 MAC and padding, and implicit
     *                   (SSL 3.0, TLS 1.0) or explicit (TLS 1.1+) CBC IVs
     * @param spec       the cipher and MAC
     * @param keys       this direction's keys, cut from the key block
     * @param forWriting whether this state seals (writes) or opens (reads)
     * @param crypto     the primitives
     * @param random     where explicit CBC IVs come from
     */
    static RecordProtection create(ProtocolVersion version, CipherSpec spec, TrafficKeys keys,
                                   boolean forWriting, CryptoProvider crypto, RandomSource random) {
        return RecordProtections.create(version, spec, keys, forWriting, crypto, random);
    }

    /** The protection of the initial state: none at all. */
    static RecordProtection none() {
        return RecordProtections.none();
    }

    /** The largest number of bytes {@link #seal} can add to a fragment. */
    int maxExpansion();

    /**
     * Protects one fragment.
     *
     * @param sequenceNumber this record's 64-bit sequence number
     * @param type           the record's content type (it is MACed)
     * @param version        the record's version (MACed except in SSL 3.0)
     * @param in             the TLSCompressed fragment
     * @param out            receives the TLSCiphertext fragment; needs {@code length + maxExpansion()} bytes
     * @return the TLSCiphertext fragment's length
     */
    int seal(long sequenceNumber, ContentType type, ProtocolVersion version,
             byte[] in, int inOff, int length, byte[] out, int outOff);

    /**
     * Checks and removes the protection of one fragment.
     *
     * @param out receives the TLSCompressed fragment; needs room for {@code length} bytes (opening
     *            never makes a fragment longer)
     * @return the TLSCompressed fragment's length, written at {@code out[outOff]}
     * @throws TlsAlertException {@code bad_record_mac} for any failure (bad MAC, bad padding, a
     *         fragment too short, a bad tag), decided without a timing or alert difference between
     *         a bad padding and a bad MAC (RFC 5246 §6.2.3.2, Lucky 13)
     */
    int open(long sequenceNumber, ContentType type, ProtocolVersion version,
             byte[] in, int inOff, int length, byte[] out, int outOff) throws TlsAlertException;

    /**
     * Drops scratch buffers this protection keeps between records (the next record allocates them
     * again); the record layer calls it from {@link RecordLayer#releaseBuffers()}, between records only.
     */
    default void releaseBuffers() {
    }

    /** The bytes of scratch buffers this protection holds now (not its keys and small fixed state). */
    default int bufferedBytes() {
        return 0;
    }
}
