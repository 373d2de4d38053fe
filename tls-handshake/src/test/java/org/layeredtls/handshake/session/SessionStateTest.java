package org.layeredtls.handshake.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ProtocolVersion;

class SessionStateTest {

    private final SessionState session = Sessions.session(7, Sessions.T0, Duration.ofHours(1));

    @Test
    void roundTripsThroughItsEncodingWithCertificates() throws TlsAlertException {
        SessionState decoded = SessionState.decode(session.encode());
        assertEquals(session, decoded);
        assertEquals(2, decoded.peerCertificates().size());
        assertArrayEquals(Sessions.CHAIN.get(0).encoded(), decoded.peerCertificates().get(0).encoded());
        assertArrayEquals(session.masterSecret(), decoded.masterSecret());
    }

    @Test
    void encodingStartsWithTheFormatByteThenTheSessionIdVector() {
        byte[] encoded = session.encode();
        assertEquals(SessionState.FORMAT, encoded[0]);
        assertEquals(32, encoded[1]);
        assertArrayEquals(Sessions.id(7), Arrays.copyOfRange(encoded, 2, 34));
        assertEquals(0x03, encoded[34]);
        assertEquals(0x03, encoded[35]); // TLS 1.2
    }

    @Test
    void toStringNeverShowsTheMasterSecret() {
        String hex = HexFormat.of().formatHex(session.masterSecret());
        assertFalse(session.toString().contains(hex.substring(0, 16)), session.toString());
        assertFalse(session.toString().contains("masterSecret="));
    }

    @Test
    void wipeZeroesTheMasterSecretButNotCopiesHandedOutBefore() {
        byte[] before = session.masterSecret();
        SessionState copy = session.copy();
        session.wipe();
        assertArrayEquals(new byte[48], session.masterSecret());
        assertArrayEquals(before, copy.masterSecret());
        assertNotEquals(session, copy);
    }

    @Test
    void accessorsHandOutCopiesSoCallersCannotChangeTheSession() {
        session.masterSecret()[0] ^= 1;
        session.sessionId()[0] ^= 1;
        assertEquals(Sessions.session(7, Sessions.T0, Duration.ofHours(1)), session);
    }

    @Test
    void isValidFromCreationUntilJustBeforeTheLifetimeEnds() {
        assertTrue(session.isValidAt(Sessions.T0));
        assertTrue(session.isValidAt(Sessions.T0.plus(Duration.ofHours(1)).minusNanos(1)));
        assertFalse(session.isValidAt(Sessions.T0.plus(Duration.ofHours(1))));
        assertFalse(session.isValidAt(Sessions.T0.minusSeconds(1)));
    }

    @Test
    void isValidAtDoesNotOverflowForHugeLifetimes() {
        SessionState forever = Sessions.session(1, Sessions.T0, Duration.ofSeconds(Long.MAX_VALUE));
        assertTrue(forever.isValidAt(Sessions.T0.plus(Duration.ofDays(365 * 1000))));
    }

    @Test
    void withSessionIdKeepsEverythingElse() {
        SessionState renamed = session.withSessionId(new byte[0]);
        assertEquals(0, renamed.sessionId().length);
        assertArrayEquals(session.masterSecret(), renamed.masterSecret());
        assertEquals(session.peerCertificates(), renamed.peerCertificates());
    }

    @Test
    void rejectsSessionIdsLongerThan32BytesAndMasterSecretsNot48Bytes() {
        assertThrows(IllegalArgumentException.class, () -> session.withSessionId(new byte[33]));
        assertThrows(IllegalArgumentException.class, () -> new SessionState(new byte[0], ProtocolVersion.TLS1_2,
                CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, CompressionMethod.NULL, new byte[47], false, List.of(),
                null, null, Sessions.T0, Duration.ofHours(1)));
    }

    @Test
    void rejectsSignallingSuitesVersionsOutsideSsl3ToTls13AndTls13SessionsWithoutTls13SuiteAndPsk() {
        assertThrows(IllegalArgumentException.class, () -> new SessionState(new byte[0], ProtocolVersion.TLS1_2,
                CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV, CompressionMethod.NULL, new byte[48], false, List.of(),
                null, null, Sessions.T0, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new SessionState(new byte[0], ProtocolVersion.TLS1_3,
                CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, CompressionMethod.NULL, new byte[48], false, List.of(),
                null, null, Sessions.T0, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new SessionState(new byte[0], ProtocolVersion.TLS1_3,
                CipherSuite.TLS_AES_128_GCM_SHA256, CompressionMethod.NULL, new byte[48], false, List.of(),
                null, null, Sessions.T0, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new SessionState(new byte[0], new ProtocolVersion(3, 5),
                CipherSuite.TLS_AES_128_GCM_SHA256, CompressionMethod.NULL, new byte[32], false, List.of(),
                null, null, Sessions.T0, Duration.ofHours(1)));
        // RFC 8446 §4.6.1: a TLS 1.3 session is its resumption PSK, as long as the suite's hash
        new SessionState(new byte[0], ProtocolVersion.TLS1_3, CipherSuite.TLS_AES_256_GCM_SHA384, CompressionMethod.NULL,
                new byte[48], false, List.of(), null, null, Sessions.T0, Duration.ofHours(1));
    }

    @Test
    void aTls13TicketKeepsTheMaxEarlyDataItAnnouncedAndZeroIsWrittenAsNone() throws TlsAlertException {
        SessionState allowing = new SessionState(new byte[0], ProtocolVersion.TLS1_3, CipherSuite.TLS_AES_256_GCM_SHA384,
                CompressionMethod.NULL, new byte[48], false, List.of(), null, null, Sessions.T0, Duration.ofHours(1), 16384);
        assertEquals(allowing, SessionState.decode(allowing.encode()));
        assertEquals(16384, SessionState.decode(allowing.encode()).maxEarlyData());
        SessionState none = allowing.withSessionId(new byte[0]);
        byte[] withoutEarlyData = new SessionState(new byte[0], ProtocolVersion.TLS1_3, CipherSuite.TLS_AES_256_GCM_SHA384,
                CompressionMethod.NULL, new byte[48], false, List.of(), null, null, Sessions.T0, Duration.ofHours(1)).encode();
        assertEquals(none.encode().length, withoutEarlyData.length + 4, "the u32 only when not 0");
        assertDecodeError(Arrays.copyOf(withoutEarlyData, withoutEarlyData.length + 4)); // an explicit 0: not canonical
        assertThrows(IllegalArgumentException.class, () -> new SessionState(new byte[0], ProtocolVersion.TLS1_2,
                CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, CompressionMethod.NULL, new byte[48], false, List.of(),
                null, null, Sessions.T0, Duration.ofHours(1), 1024)); // 0-RTT is TLS 1.3's
    }

    @Test
    void decodeRejectsTrailingBytesWithDecodeError() {
        byte[] encoded = session.encode();
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
        assertDecodeError(longer);
    }

    @Test
    void decodeRejectsAnUnknownFormat() {
        byte[] encoded = session.encode();
        encoded[0] = 2;
        assertDecodeError(encoded);
    }

    @Test
    void decodeRejectsAnUnknownCipherSuiteAndASignallingOne() {
        byte[] encoded = session.encode();
        encoded[36] = (byte) 0xFE;
        encoded[37] = (byte) 0xFE;
        assertDecodeError(encoded);
        encoded[36] = 0x00;
        encoded[37] = (byte) 0xFF; // TLS_EMPTY_RENEGOTIATION_INFO_SCSV
        assertDecodeError(encoded);
    }

    @Test
    void decodeTurnsAnUnparsableCertificateIntoDecodeError() {
        ByteWriter out = new ByteWriter();
        out.u8(SessionState.FORMAT).vector8(new byte[0]).u16(0x0303).u16(0x002F).u8(0).vector8(new byte[48]).u8(0);
        int list = out.beginVector24();
        out.vector24(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00});
        out.endVector24(list);
        out.u8(0).u8(0).u64(0).u32(0).u64(60).u32(0);
        assertDecodeError(out.toByteArray());
    }

    @Test
    void decodeRejectsMalformedUtf8InTheServerName() {
        ByteWriter out = new ByteWriter();
        out.u8(SessionState.FORMAT).vector8(new byte[0]).u16(0x0303).u16(0x002F).u8(0).vector8(new byte[48]).u8(0);
        out.vector24(new byte[0]);
        out.u8(1).vector16(new byte[] {(byte) 0xC3, 0x28}).u8(0).u64(0).u32(0).u64(60).u32(0);
        assertDecodeError(out.toByteArray());
    }

    @Test
    void decodeRejectsANegativeLifetimeAndAnOutOfRangeInstant() {
        ByteWriter negative = minimal().u64(0).u32(0).u64(-1).u32(0);
        assertDecodeError(negative.toByteArray());
        ByteWriter farFuture = minimal().u64(Long.MAX_VALUE).u32(0).u64(60).u32(0);
        assertDecodeError(farFuture.toByteArray());
    }

    @Test
    void aMinimalSessionDecodes() throws TlsAlertException {
        SessionState decoded = SessionState.decode(minimal().u64(0).u32(0).u64(60).u32(0).toByteArray());
        assertEquals(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, decoded.cipherSuite());
        assertEquals(null, decoded.serverName());
        assertEquals(Duration.ofSeconds(60), decoded.lifetime());
    }

    private static ByteWriter minimal() {
        ByteWriter out = new ByteWriter();
        out.u8(SessionState.FORMAT).vector8(new byte[0]).u16(0x0303).u16(0x002F).u8(0).vector8(new byte[48]).u8(0);
        out.vector24(new byte[0]);
        return out.u8(0).u8(0);
    }

    private static void assertDecodeError(byte[] encoded) {
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> SessionState.decode(encoded));
        assertEquals(AlertDescription.DECODE_ERROR, e.description());
    }
}
