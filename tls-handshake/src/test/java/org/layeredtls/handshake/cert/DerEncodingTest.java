package org.layeredtls.handshake.cert;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import java.time.Duration;
import java.time.Instant;
import org.layeredtls.handshake.testing.OpenSsl;

/**
 * {@link DerEncoding} refuses what DER forbids and accepts what it allows, rule by rule; and on mutated real
 * certificates it refuses exactly what the former check refused (parse with BouncyCastle, re-encode in DER,
 * compare the bytes), which it replaces because that re-encoding cost a tenth of a full handshake.
 */
class DerEncodingTest {

    private static final byte[] RSA_CERT = CertificateAuthority.create("DER RSA CA", KeyAlgorithm.RSA_2048,
            Instant.now(), Instant.now().plus(Duration.ofDays(1)), OpenSsl.RANDOM).certificate().certificate().encoded();
    private static final byte[] EC_CERT = CertificateAuthority.create("DER EC CA", KeyAlgorithm.EC_P256,
            Instant.now(), Instant.now().plus(Duration.ofDays(1)), OpenSsl.RANDOM).certificate().certificate().encoded();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "indefinite length, 3080020100 0000",
        "long-form length below 128, 308103020100",
        "length with a leading zero octet, 30820003020100",
        "length of five octets, 3085000000000302",
        "length past the end, 3005020100",
        "trailing bytes, 3003020100 00",
        "INTEGER with a redundant leading zero, 3004 02020001",
        "INTEGER with a redundant leading 0xFF, 3004 0202FF80",
        "empty INTEGER, 3002 0200",
        "BOOLEAN TRUE not 0xFF, 3003 010101",
        "BOOLEAN of two octets, 3004 01020000",
        "BIT STRING unused bits not zero, 3004 03020101",
        "BIT STRING with 8 unused bits, 3004 03020800",
        "BIT STRING with unused bits and no data, 3003 030101",
        "NULL with contents, 3003 050100",
        "constructed OCTET STRING, 3006 2404 040200FF",
        "primitive SEQUENCE, 1003020100",
        "OBJECT IDENTIFIER subidentifier with a leading 0x80, 3005 0603 2A8001",
        "OBJECT IDENTIFIER cut inside a subidentifier, 3004 06022A86",
        "SET elements out of order, 3108 020102 020101 0500",
        "UTCTime without seconds, 300D 170B 323630313031303030305A",
        "UTCTime with an offset, 3013 1711 3236303130313030303030302B30313030",
        "GeneralizedTime with a trailing zero fraction, 3014 1812 32303236303130313030303030302E31305A",
        "high tag number in the low form, 3004 9F1E0100",
        "high tag number with a leading 0x80 octet, 3005 9F80200100",
        "end-of-contents octets, 3002 0000",
    })
    void refusesWhatDerForbids(String rule, String hex) {
        byte[] der = HexFormat.of().parseHex(hex.replace(" ", ""));
        assertThrows(IOException.class, () -> DerEncoding.check(der), rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "3000", "3003020100", "300402020080", "3003 0201FF", "3003 0101FF", "3003 010100", "3004 03020680",
        "3002 0500", "3005 06032A8648", "3108 020101 020102 0500", "300F 170D 3236303130313030303030305A",
        "3011 180F 32303236303130313030303030305A", "3015 1813 32303236303130313030303030302E3132355A",
        "3005 9F1F020100", "3006 A004 0402AABB", "3003 820100", "3081 80 047E",
    })
    void acceptsWhatDerAllows(String hex) {
        byte[] der = HexFormat.of().parseHex(hex.replace(" ", ""));
        if (hex.startsWith("3081 80")) { // a long-form length of 128 around a 126-octet OCTET STRING
            byte[] full = Arrays.copyOf(der, 3 + 128);
            assertDoesNotThrow(() -> DerEncoding.check(full));
            return;
        }
        assertDoesNotThrow(() -> DerEncoding.check(der));
    }

    @org.junit.jupiter.api.Test
    void acceptsTheCertificatesOfTheCertificateTool() {
        assertDoesNotThrow(() -> DerEncoding.check(RSA_CERT));
        assertDoesNotThrow(() -> DerEncoding.check(EC_CERT));
    }

    @Property(tries = 2000)
    void refusesExactlyWhatReEncodingRefusedOnMutatedCertificates(@ForAll @IntRange(min = 0, max = 100_000) int position,
                                                                 @ForAll byte value, @ForAll boolean ec) {
        byte[] source = ec ? EC_CERT : RSA_CERT;
        byte[] mutated = source.clone();
        mutated[position % source.length] = value;
        assertEquals(reEncodingAccepts(mutated), accepts(mutated), () -> HexFormat.of().formatHex(mutated));
    }

    private static boolean accepts(byte[] der) {
        try {
            DerEncoding.check(der);
            ASN1Primitive.fromByteArray(der);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    // the check this class replaces
    private static boolean reEncodingAccepts(byte[] der) {
        try {
            return Arrays.equals(ASN1Primitive.fromByteArray(der).getEncoded(ASN1Encoding.DER), der);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
