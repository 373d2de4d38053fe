package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.CryptoBackend;

/** The TLS 1.3 record layer (RFC 8446 §5): what goes on the wire, and every rule of the read side. */
class Tls13RecordLayerTest {

    private static final Tls13Scheme GCM = new Tls13Scheme(BulkCipherAlgorithm.AES_128_GCM, CryptoBackend.BOUNCY_CASTLE);

    static List<Tls13Scheme> schemes() {
        return Tls13Scheme.all();
    }

    private static AlertDescription alertReading(Tls13Scheme scheme, byte[] wire) {
        return assertThrows(TlsAlertException.class, () -> scheme.reader(wire).readRecord()).alert().description();
    }

    private static byte[] clearRecord(ContentType type, byte[] fragment) {
        byte[] record = new byte[RecordLimits.HEADER_LENGTH + fragment.length];
        RecordHeader.write(type, ProtocolVersion.TLS1_2, fragment.length, record, 0);
        System.arraycopy(fragment, 0, record, RecordLimits.HEADER_LENGTH, fragment.length);
        return record;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void everyContentTypeComesBackWithItsInnerTypeBehindAnApplicationDataHeader(Tls13Scheme scheme) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = scheme.writer(wire);
        byte[] handshake = ProtectionScheme.pattern(1, 300);
        byte[] alert = {1, 0};
        byte[] data = ProtectionScheme.pattern(7, 1000);
        writer.write(ContentType.HANDSHAKE, handshake);
        writer.write(ContentType.ALERT, alert);
        writer.write(ContentType.APPLICATION_DATA, data);
        byte[] bytes = wire.toByteArray();

        int offset = 0;
        for (int content : new int[] {handshake.length, alert.length, data.length}) {
            assertEquals(23, bytes[offset], "the outer type is always application_data");
            assertEquals(3, bytes[offset + 1]);
            assertEquals(3, bytes[offset + 2], "legacy_record_version is always {3,3}");
            int length = ((bytes[offset + 3] & 0xFF) << 8) | (bytes[offset + 4] & 0xFF);
            assertEquals(content + 1 + scheme.tagLength(), length, "content, type byte, tag; no explicit nonce");
            offset += RecordLimits.HEADER_LENGTH + length;
        }
        assertEquals(bytes.length, offset);

        RecordLayer reader = scheme.reader(bytes);
        assertEquals(new TLSPlaintext(ContentType.HANDSHAKE, ProtocolVersion.TLS1_2, handshake), reader.readRecord());
        assertEquals(new TLSPlaintext(ContentType.ALERT, ProtocolVersion.TLS1_2, alert), reader.readRecord());
        assertEquals(new TLSPlaintext(ContentType.APPLICATION_DATA, ProtocolVersion.TLS1_2, data), reader.readRecord());
        assertNull(reader.readRecord());
        assertEquals(3, reader.readState().sequenceNumber());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void theTwoBackendsWriteTheSameRecordsAndOpenEachOthers(Tls13Scheme scheme) throws IOException {
        CryptoBackend other = scheme.backend() == CryptoBackend.JDK ? CryptoBackend.BOUNCY_CASTLE : CryptoBackend.JDK;
        Tls13Scheme twin = new Tls13Scheme(scheme.aead(), other);
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        byte[] data = ProtectionScheme.pattern(9, 5000);
        scheme.writer(ours).write(ContentType.APPLICATION_DATA, data);
        twin.writer(theirs).write(ContentType.APPLICATION_DATA, data);
        assertArrayEquals(ours.toByteArray(), theirs.toByteArray());
        assertArrayEquals(data, twin.reader(ours.toByteArray()).readRecord().fragment());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void everyFlippedBitOfARecordIsBadRecordMac(Tls13Scheme scheme) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        scheme.writer(wire).write(ContentType.HANDSHAKE, ProtectionScheme.pattern(3, 40));
        byte[] record = wire.toByteArray();
        // the type byte (0) is checked before decryption, the length (3, 4) frames the record: from the version on
        for (int i = 1; i < record.length; i++) {
            if (i == 3 || i == 4) {
                continue;
            }
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = record.clone();
                tampered[i] ^= (byte) (1 << bit);
                assertEquals(AlertDescription.BAD_RECORD_MAC, alertReading(scheme, tampered),
                        "byte " + i + " bit " + bit);
            }
        }
    }

    @Test
    void aChangedOuterTypeIsUnexpectedMessageAndAChangedLengthBreaksTheTag() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        GCM.writer(wire).write(ContentType.APPLICATION_DATA, new byte[] {1, 2, 3});
        byte[] record = wire.toByteArray();
        byte[] handshakeType = record.clone();
        handshakeType[0] = 22;
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertReading(GCM, handshakeType));
        byte[] shorter = Arrays.copyOf(record, record.length - 1);
        shorter[4]--;
        assertEquals(AlertDescription.BAD_RECORD_MAC, alertReading(GCM, shorter));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void anInnerPlaintextOfZerosOnlyIsUnexpectedMessage(Tls13Scheme scheme) {
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertReading(scheme, scheme.sealedRecord(0, new byte[20])));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertReading(scheme, scheme.sealedRecord(0, new byte[0])));
    }

    @Test
    void stripsAnyNumberOfZerosAfterTheContentType() throws IOException {
        byte[] inner = concat(new byte[] {5, 0, 6}, new byte[] {22}, new byte[1000]);
        TLSPlaintext record = GCM.reader(GCM.sealedRecord(0, inner)).readRecord();
        assertEquals(new TLSPlaintext(ContentType.HANDSHAKE, ProtocolVersion.TLS1_2, new byte[] {5, 0, 6}), record);
    }

    @Test
    void aProtectedChangeCipherSpecAnUnknownInnerTypeAndEmptyHandshakeOrAlertAreUnexpectedMessage() {
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertReading(GCM, GCM.sealedRecord(0, new byte[] {1, 20})));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertReading(GCM, GCM.sealedRecord(0, new byte[] {1, 99})));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertReading(GCM, GCM.sealedRecord(0, new byte[] {22, 0})));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertReading(GCM, GCM.sealedRecord(0, new byte[] {21})));
    }

    @Test
    void anEmptyApplicationDataRecordIsFine() throws IOException {
        assertEquals(0, GCM.reader(GCM.sealedRecord(0, new byte[] {23, 0, 0})).readRecord().length());
    }

    @Test
    void aCiphertextLongerThan2To14Plus256IsRecordOverflowBeforeItIsRead() throws IOException {
        byte[] header = new byte[RecordLimits.HEADER_LENGTH];
        RecordHeader.write(ContentType.APPLICATION_DATA, ProtocolVersion.TLS1_2, (1 << 14) + 257, header, 0);
        assertEquals(AlertDescription.RECORD_OVERFLOW, alertReading(GCM, header)); // no fragment follows at all
    }

    @Test
    void anInnerPlaintextLongerThan2To14Plus1IsRecordOverflow() throws IOException {
        byte[] content = ProtectionScheme.pattern(1, 1 << 14);
        assertEquals(AlertDescription.RECORD_OVERFLOW,
                alertReading(GCM, GCM.sealedRecord(0, concat(content, new byte[] {23, 0}))), "2^14 + 2 with padding");
        assertEquals(AlertDescription.RECORD_OVERFLOW,
                alertReading(GCM, GCM.sealedRecord(0, concat(content, new byte[] {9, 23}))), "content of 2^14 + 1");
        TLSPlaintext full = GCM.reader(GCM.sealedRecord(0, concat(content, new byte[] {23}))).readRecord();
        assertArrayEquals(content, full.fragment(), "content of exactly 2^14 and its type");
    }

    @Test
    void aNegotiatedReceiveLimitCountsTheContentAndTheInnerPlaintextMayBeOneByteLonger() throws IOException {
        byte[] content = ProtectionScheme.pattern(1, 512);
        RecordLayer reader = GCM.reader(concat(GCM.sealedRecord(0, concat(content, new byte[] {23})),
                GCM.sealedRecord(1, concat(content, new byte[] {23, 0}))));
        reader.setReceiveFragmentLimit(512);
        assertArrayEquals(content, reader.readRecord().fragment());
        assertEquals(AlertDescription.RECORD_OVERFLOW,
                assertThrows(TlsAlertException.class, reader::readRecord).alert().description());
    }

    @Test
    void aTls13RecordSizeLimitCountsTheTypeByteSoTheFragmentLimitIsOneLess() {
        assertEquals(63, RecordLimits.fragmentLimitOf(64, ProtocolVersion.TLS1_3));
        assertEquals(64, RecordLimits.fragmentLimitOf(64, ProtocolVersion.TLS1_2));
        assertEquals(1 << 14, RecordLimits.fragmentLimitOf((1 << 14) + 1, ProtocolVersion.TLS1_3), "2^14 + 1: no limit");
        assertEquals((1 << 14) - 1, RecordLimits.fragmentLimitOf(1 << 14, ProtocolVersion.TLS1_3));
        assertEquals(1 << 14, RecordLimits.fragmentLimitOf(65535, ProtocolVersion.TLS1_2));
        assertThrows(IllegalArgumentException.class, () -> RecordLimits.fragmentLimitOf(63, ProtocolVersion.TLS1_3));
    }

    @Test
    void underTheSmallestRecordSizeLimitEveryTls13RecordFitsIn64BytesOfInnerPlaintext() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = GCM.writer(wire);
        writer.setSendFragmentLimit(RecordLimits.fragmentLimitOf(64, ProtocolVersion.TLS1_3));
        writer.setPaddingPolicy(PaddingPolicy.padToMaximum());
        writer.write(ContentType.APPLICATION_DATA, new byte[100]);
        byte[] bytes = wire.toByteArray();
        assertEquals(2 * (RecordLimits.HEADER_LENGTH + 64 + 16), bytes.length, "63 + 37 bytes, each record padded to 64");
    }

    @Test
    void anUnprotectedChangeCipherSpecIsPassedUpAndTakesNoSequenceNumber() throws IOException {
        byte[] wire = concat(clearRecord(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}),
                GCM.sealedRecord(0, new byte[] {42, 22}));
        RecordLayer reader = GCM.reader(wire);
        assertEquals(new TLSPlaintext(ContentType.CHANGE_CIPHER_SPEC, ProtocolVersion.TLS1_2, new byte[] {1}),
                reader.readRecord());
        assertEquals(0, reader.readState().sequenceNumber());
        assertEquals(new TLSPlaintext(ContentType.HANDSHAKE, ProtocolVersion.TLS1_2, new byte[] {42}), reader.readRecord());
    }

    @Test
    void aChangeCipherSpecWithAnyOtherByteIsStillPassedUpForTheChangeCipherSpecLayerToJudge() throws IOException {
        TLSPlaintext record = GCM.reader(clearRecord(ContentType.CHANGE_CIPHER_SPEC, new byte[] {2, 2})).readRecord();
        assertArrayEquals(new byte[] {2, 2}, record.fragment());
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE,
                alertReading(GCM, clearRecord(ContentType.CHANGE_CIPHER_SPEC, new byte[0])));
    }

    @Test
    void anyOtherUnprotectedRecordUnderTls13KeysIsUnexpectedMessage() {
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertReading(GCM, clearRecord(ContentType.HANDSHAKE, new byte[] {2, 0, 0, 0})));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertReading(GCM, clearRecord(ContentType.ALERT, new byte[] {2, 40})));
    }

    @Test
    void aChangeCipherSpecWrittenUnderTls13KeysGoesOutInTheClearOutsideTheSequence() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = GCM.writer(wire);
        writer.write(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1});
        assertArrayEquals(new byte[] {20, 3, 3, 0, 1, 1}, wire.toByteArray());
        assertEquals(0, writer.writeState().sequenceNumber());
    }

    @Test
    void sequenceNumberCountsTheRecordsProtectedSoFar() throws IOException {
        RecordLayer writer = GCM.writer(OutputStream.nullOutputStream());
        writer.setSendFragmentLimit(100);
        writer.write(ContentType.APPLICATION_DATA, new byte[250]);
        assertEquals(3, writer.writeState().sequenceNumber());
    }

    @Test
    void installedStatesTakeEffectAtOnceEachFromSequenceNumberZero() throws IOException {
        Tls13Scheme next = new Tls13Scheme(BulkCipherAlgorithm.CHACHA20_POLY1305, CryptoBackend.BOUNCY_CASTLE);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = new RecordLayer(InputStream.nullInputStream(), wire, () -> { });
        writer.write(ContentType.HANDSHAKE, new byte[] {1, 0, 0, 0}); // a hello, in the clear
        writer.installWriteState(GCM.state());
        writer.write(ContentType.HANDSHAKE, new byte[] {8, 0, 0, 0});
        writer.write(ContentType.HANDSHAKE, new byte[] {20, 0, 0, 0});
        writer.installWriteState(next.state()); // e.g. the application traffic keys
        writer.write(ContentType.APPLICATION_DATA, new byte[] {'h', 'i'});

        List<String> events = new ArrayList<>();
        RecordLayer reader = new RecordLayer(new ByteArrayInputStream(wire.toByteArray()), OutputStream.nullOutputStream(),
                () -> { });
        reader.setObserver(new RecordObserver() {
            @Override
            public void readStateChanged(ConnectionState newState) {
                events.add("installed " + newState.cipherSpec().bulkCipher());
            }
        });
        assertEquals(ContentType.HANDSHAKE, reader.readRecord().type());
        reader.installReadState(GCM.state());
        assertArrayEquals(new byte[] {8, 0, 0, 0}, reader.readRecord().fragment());
        assertArrayEquals(new byte[] {20, 0, 0, 0}, reader.readRecord().fragment());
        reader.installReadState(next.state());
        assertArrayEquals(new byte[] {'h', 'i'}, reader.readRecord().fragment());
        assertEquals(List.of("installed AES_128_GCM", "installed CHACHA20_POLY1305"), events);
    }

    @Test
    void aRecordReadUnderTheWrongKeysIsBadRecordMac() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        GCM.writer(wire).write(ContentType.APPLICATION_DATA, new byte[] {1});
        RecordLayer reader = new RecordLayer(new ByteArrayInputStream(wire.toByteArray()), OutputStream.nullOutputStream(),
                () -> { });
        reader.installReadState(ConnectionState.tls13(BulkCipherAlgorithm.AES_128_GCM, new byte[16], GCM.iv(),
                CryptoBackend.BOUNCY_CASTLE));
        TlsAlertException refused = assertThrows(TlsAlertException.class, reader::readRecord);
        assertEquals(AlertDescription.BAD_RECORD_MAC, refused.alert().description());
    }

    @Test
    void observersSeeTheInnerPlaintextInTheMiddleFormAndTheApplicationDataRecordOutside() throws IOException {
        List<Object> seen = new ArrayList<>();
        RecordLayer writer = GCM.writer(OutputStream.nullOutputStream());
        writer.setPaddingPolicy(PaddingPolicy.padToMultipleOf(8));
        writer.setObserver(new RecordObserver() {
            @Override
            public void recordWritten(long seq, TLSPlaintext plaintext, TLSCompressed inner, TLSCiphertext ciphertext) {
                seen.add(plaintext.type());
                seen.add(HexFormat.of().formatHex(inner.fragment()));
                seen.add(ciphertext.type());
                seen.add(ciphertext.length());
            }
        });
        writer.write(ContentType.ALERT, new byte[] {1, 0});
        assertEquals(List.of(ContentType.ALERT, "0100150000000000", ContentType.APPLICATION_DATA, 8 + 16), seen);
    }

    @Test
    void aTls13StateIsMadeForAnAeadOnlyWithItsKeyAndTwelveByteIvLengths() {
        assertThrows(IllegalArgumentException.class, () -> ConnectionState.tls13(BulkCipherAlgorithm.AES_128_CBC,
                new byte[16], new byte[12], CryptoBackend.BOUNCY_CASTLE));
        assertThrows(IllegalArgumentException.class, () -> ConnectionState.tls13(BulkCipherAlgorithm.AES_256_GCM,
                new byte[16], new byte[12], CryptoBackend.BOUNCY_CASTLE));
        assertThrows(IllegalArgumentException.class, () -> ConnectionState.tls13(BulkCipherAlgorithm.AES_128_GCM,
                new byte[16], new byte[4], CryptoBackend.JDK));
        assertTrue(ConnectionState.tls13(BulkCipherAlgorithm.AES_128_GCM, new byte[16], new byte[12],
                CryptoBackend.JDK).isTls13());
        assertEquals(false, ConnectionState.initial().isTls13());
    }
}
