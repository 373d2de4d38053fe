package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

/** A bad padding must not be told apart from a bad MAC (RFC 5246 §6.2.3.2), and what padding is accepted. */
class PaddingOracleTest {

    private static final long SEQ = 7;
    private static final ContentType TYPE = ContentType.APPLICATION_DATA;
    private static final byte[] FRAGMENT = ProtectionScheme.pattern(0x30, 41);

    static List<ProtectionScheme> macThenEncrypt() {
        return ProtectionScheme.all().stream().filter(s -> s.isCbc() && !s.spec().encryptThenMac()).toList();
    }

    static List<ProtectionScheme> tlsMacThenEncrypt() {
        return macThenEncrypt().stream().filter(s -> !s.version().isSsl3()).toList();
    }

    static List<ProtectionScheme> encryptThenMac() {
        return ProtectionScheme.all().stream().filter(s -> s.spec().encryptThenMac()).toList();
    }

    private static TlsAlertException openFails(ProtectionScheme scheme, byte[] record) {
        byte[] out = new byte[record.length];
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> scheme.reader().open(SEQ, TYPE, scheme.version(), record, 0, record.length, out, 0));
        assertEquals(AlertDescription.BAD_RECORD_MAC, e.description());
        assertEquals(TlsLayer.RECORD, e.layer());
        return e;
    }

    private static byte[] open(ProtectionScheme scheme, byte[] record) throws TlsAlertException {
        byte[] out = new byte[record.length];
        int n = scheme.reader().open(SEQ, TYPE, scheme.version(), record, 0, record.length, out, 0);
        return Arrays.copyOf(out, n);
    }

    private static void assertIndistinguishable(TlsAlertException a, TlsAlertException b) {
        assertEquals(a.description(), b.description());
        assertEquals(a.layer(), b.layer());
        assertEquals(a.getMessage(), b.getMessage());
        assertTrue(a.getMessage().contains(RecordProtections.BAD_RECORD_MAC_REASON), a.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("macThenEncrypt")
    void badPaddingAndBadMacGiveTheSameAlertAndMessage(ProtectionScheme scheme) {
        byte[] mac = JdkReference.mac(scheme, SEQ, TYPE, FRAGMENT);
        int content = FRAGMENT.length + mac.length;
        int p = CraftedRecords.minimalPadding(scheme, content);
        byte[] badMac = mac.clone();
        badMac[3] ^= 0x40;
        byte[] goodPadding = CraftedRecords.tlsPadding(p);
        byte[] badPadding;
        if (scheme.version().isSsl3()) { // SSL 3.0 checks only padding_length < block size
            badPadding = CraftedRecords.tlsPadding(p + scheme.blockSize());
        } else { // TLS: one padding byte differs from padding_length
            badPadding = CraftedRecords.tlsPadding(p + scheme.blockSize());
            badPadding[2] ^= 1;
        }
        TlsAlertException macFailure = openFails(scheme,
                CraftedRecords.macThenEncrypt(scheme, FRAGMENT, badMac, goodPadding));
        TlsAlertException paddingFailure = openFails(scheme,
                CraftedRecords.macThenEncrypt(scheme, FRAGMENT, mac, badPadding));
        TlsAlertException tooShort = openFails(scheme, new byte[scheme.blockSize()]);
        assertIndistinguishable(macFailure, paddingFailure);
        assertIndistinguishable(macFailure, tooShort);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encryptThenMac")
    void encryptThenMacBadPaddingUnderAGoodMacLooksLikeABadMac(ProtectionScheme scheme) {
        int p = CraftedRecords.minimalPadding(scheme, FRAGMENT.length);
        byte[] badPadding = CraftedRecords.tlsPadding(p + scheme.blockSize());
        badPadding[0] ^= 1;
        TlsAlertException paddingFailure = openFails(scheme,
                CraftedRecords.encryptThenMac(scheme, SEQ, TYPE, FRAGMENT, badPadding, false));
        TlsAlertException macFailure = openFails(scheme,
                CraftedRecords.encryptThenMac(scheme, SEQ, TYPE, FRAGMENT, CraftedRecords.tlsPadding(p), true));
        assertIndistinguishable(macFailure, paddingFailure);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tlsMacThenEncrypt")
    void tlsAcceptsAnyWellFormedPaddingUpTo255Bytes(ProtectionScheme scheme) throws TlsAlertException {
        byte[] mac = JdkReference.mac(scheme, SEQ, TYPE, FRAGMENT);
        int minimal = CraftedRecords.minimalPadding(scheme, FRAGMENT.length + mac.length);
        for (int p = minimal; p <= 255; p += scheme.blockSize()) {
            byte[] record = CraftedRecords.macThenEncrypt(scheme, FRAGMENT, mac, CraftedRecords.tlsPadding(p));
            assertArrayEquals(FRAGMENT, open(scheme, record), "padding " + p);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encryptThenMac")
    void encryptThenMacAcceptsLongPaddingToo(ProtectionScheme scheme) throws TlsAlertException {
        int p = CraftedRecords.minimalPadding(scheme, FRAGMENT.length) + 8 * scheme.blockSize();
        byte[] record = CraftedRecords.encryptThenMac(scheme, SEQ, TYPE, FRAGMENT, CraftedRecords.tlsPadding(p), false);
        assertArrayEquals(FRAGMENT, open(scheme, record));
    }

    /**
     * RFC 6101 §5.2.3.2: SSL 3.0 padding bytes are arbitrary and unchecked (what POODLE exploits);
     * only padding_length < block size is checked.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("macThenEncrypt")
    void ssl3IgnoresPaddingBytesButRejectsAPaddingOfABlockOrMore(ProtectionScheme scheme) throws TlsAlertException {
        if (!scheme.version().isSsl3()) {
            return;
        }
        byte[] mac = JdkReference.mac(scheme, SEQ, TYPE, FRAGMENT);
        int p = CraftedRecords.minimalPadding(scheme, FRAGMENT.length + mac.length);
        byte[] arbitrary = ProtectionScheme.pattern(0xC3, p + 1);
        arbitrary[p] = (byte) p;
        assertArrayEquals(FRAGMENT, open(scheme, CraftedRecords.macThenEncrypt(scheme, FRAGMENT, mac, arbitrary)));
        byte[] tooLong = new byte[p + scheme.blockSize() + 1];
        tooLong[tooLong.length - 1] = (byte) (p + scheme.blockSize());
        openFails(scheme, CraftedRecords.macThenEncrypt(scheme, FRAGMENT, mac, tooLong));
    }
}
