package org.layeredtls.alert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AlertTest {

    @Property
    void decodeInvertsEncodeForEveryLevelAndDescription(@ForAll boolean fatal, @ForAll @IntRange(max = 255) int code)
            throws TlsAlertException {
        Alert alert = new Alert(fatal ? AlertLevel.FATAL : AlertLevel.WARNING, AlertDescription.fromCode(code));
        assertEquals(alert, Alert.decode(alert.encode()));
    }

    @Property
    void encodeInvertsDecodeForEveryValidPairOfBytes(@ForAll @IntRange(min = 1, max = 2) int level,
                                                     @ForAll @IntRange(max = 255) int code) throws TlsAlertException {
        byte[] wire = {(byte) level, (byte) code};
        assertArrayEquals(wire, Alert.decode(wire).encode());
    }

    @Test
    void encodesBadRecordMacAsTwoBytes() {
        assertArrayEquals(new byte[] {2, 20}, Alert.fatal(AlertDescription.BAD_RECORD_MAC).encode());
        assertArrayEquals(new byte[] {1, 0}, Alert.closeNotify().encode());
    }

    @Test
    void rejectsAnAlertThatIsNotExactlyTwoBytesWithDecodeError() {
        for (byte[] wrong : new byte[][] {{}, {2}, {2, 20, 0}}) {
            TlsAlertException e = assertThrows(TlsAlertException.class, () -> Alert.decode(wrong));
            assertEquals(AlertDescription.DECODE_ERROR, e.description());
            assertEquals(TlsLayer.ALERT, e.layer());
        }
    }

    @Property
    void rejectsAnUnknownLevelWithIllegalParameter(@ForAll @IntRange(max = 255) int level) {
        if (level == 1 || level == 2) {
            return;
        }
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> Alert.decode(new byte[] {(byte) level, 0}));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.description());
    }

    @Test
    void keepsAnUnknownDescriptionWithItsCode() throws TlsAlertException {
        Alert alert = Alert.decode(new byte[] {2, (byte) 200});
        assertEquals(200, alert.description().code());
        assertFalse(alert.description().isKnown());
        assertEquals("unknown(200)", alert.description().rfcName());
    }

    @Test
    void knowsTheRfcNamesOfTheCodesOfEveryAlertRfc() {
        assertEquals("bad_record_mac", AlertDescription.fromCode(20).rfcName());
        assertEquals("inappropriate_fallback", AlertDescription.fromCode(86).rfcName());
        assertEquals("unrecognized_name", AlertDescription.fromCode(112).rfcName());
        assertEquals("no_application_protocol", AlertDescription.fromCode(120).rfcName());
        assertEquals("certificate_required", AlertDescription.fromCode(116).rfcName());
        assertTrue(AlertDescription.fromCode(0).isKnown());
        assertEquals(34, AlertDescription.knownValues().size());
    }

    @Test
    void anExceptionSaysWhichAlertWhichLayerAndWhy() {
        TlsAlertException e = new TlsAlertException(AlertDescription.RECORD_OVERFLOW, TlsLayer.RECORD, "too long");
        assertEquals("record layer: record_overflow: too long", e.getMessage());
        assertEquals(Alert.fatal(AlertDescription.RECORD_OVERFLOW), e.alert());
    }
}
