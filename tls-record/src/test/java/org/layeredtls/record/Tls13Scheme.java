package org.layeredtls.record;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.layeredtls.crypto.CryptoBackend;

/**
 * Test fixture: one TLS 1.3 AEAD on one crypto backend, with fixed keys, and record layers keyed
 * with it (as after the handshake installed its traffic keys).
 */
record Tls13Scheme(BulkCipherAlgorithm aead, CryptoBackend backend) {

    /** The AEADs of the TLS 1.3 cipher suites (RFC 8446 §B.4). */
    static final List<BulkCipherAlgorithm> AEADS = List.of(BulkCipherAlgorithm.AES_128_GCM,
            BulkCipherAlgorithm.AES_256_GCM, BulkCipherAlgorithm.CHACHA20_POLY1305,
            BulkCipherAlgorithm.AES_128_CCM, BulkCipherAlgorithm.AES_128_CCM_8);

    /** CCM is BouncyCastle's CCMBlockCipher, which allocates per message (see AesCcm). */
    boolean allocatesPerRecord() {
        return aead == BulkCipherAlgorithm.AES_128_CCM || aead == BulkCipherAlgorithm.AES_128_CCM_8;
    }

    /** Every AEAD on every backend. */
    static List<Tls13Scheme> all() {
        List<Tls13Scheme> all = new ArrayList<>();
        for (CryptoBackend backend : CryptoBackend.values()) {
            for (BulkCipherAlgorithm aead : AEADS) {
                all.add(new Tls13Scheme(aead, backend));
            }
        }
        return all;
    }

    byte[] key() {
        return ProtectionScheme.pattern(0x40, aead.keyLength());
    }

    byte[] iv() {
        return ProtectionScheme.pattern(0xA0, 12);
    }

    /** A fresh state under the fixed keys: sequence number 0. */
    ConnectionState state() {
        return ConnectionState.tls13(aead, key(), iv(), backend);
    }

    int tagLength() {
        return aead.tagLength();
    }

    RecordLayer writer(OutputStream wire) {
        RecordLayer writer = new RecordLayer(InputStream.nullInputStream(), wire, () -> { });
        writer.installWriteState(state());
        return writer;
    }

    RecordLayer reader(byte[] wire) {
        RecordLayer reader = new RecordLayer(new ByteArrayInputStream(wire), OutputStream.nullOutputStream(), () -> { });
        reader.installReadState(state());
        return reader;
    }

    /**
     * A record as a peer could make it: any bytes as the TLSInnerPlaintext, sealed under these keys at
     * {@code sequenceNumber}, behind an application_data {3,3} header.
     */
    byte[] sealedRecord(long sequenceNumber, byte[] innerPlaintext) {
        RecordProtection protection = state().protection();
        byte[] record = new byte[RecordLimits.HEADER_LENGTH + innerPlaintext.length + tagLength()];
        int length = protection.seal(sequenceNumber, ContentType.APPLICATION_DATA, ProtocolVersion.TLS1_2,
                innerPlaintext, 0, innerPlaintext.length, record, RecordLimits.HEADER_LENGTH);
        RecordHeader.write(ContentType.APPLICATION_DATA, ProtocolVersion.TLS1_2, length, record, 0);
        return record;
    }

    @Override
    public String toString() {
        return aead + " on " + backend.shortName();
    }
}
