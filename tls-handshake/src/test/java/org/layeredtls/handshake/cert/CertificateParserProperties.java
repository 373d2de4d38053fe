package org.layeredtls.handshake.cert;

import org.layeredtls.handshake.testing.OpenSsl;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.layeredtls.alert.AlertDescription;

/** No input makes a parser of this package throw anything but {@link CertificateParseException}. */
class CertificateParserProperties {

    private static final IssuedCertificate SAMPLE = CertificateAuthority.create("Sample CA", KeyAlgorithm.EC_P256,
            Instant.now(), Instant.now().plus(Duration.ofDays(1)), OpenSsl.RANDOM).certificate();
    private static final byte[] CERT = SAMPLE.certificate().encoded();
    private static final byte[] PKCS8 = KeyEncoding.encodePkcs8(SAMPLE.keyPair().privateKey());

    interface Parser {
        Object parse(byte[] input) throws CertificateParseException;
    }

    private static final List<Parser> PARSERS = List.of(
            Certificate::parse, KeyEncoding::decodePkcs8, KeyEncoding::decodePkcs1, KeyEncoding::decodeSec1,
            KeyEncoding::decodePublicKey, Pem::readCertificates, Pem::readPrivateKey, Pem::readPublicKey);

    private static void onlyCheckedException(byte[] input) {
        for (Parser parser : PARSERS) {
            try {
                Object parsed = parser.parse(input);
                if (parsed instanceof Certificate certificate) { // what parsing accepted, the lazy fields read too
                    certificate.subject();
                    certificate.issuer();
                    certificate.commonName();
                    certificate.subjectAltNames();
                }
            } catch (CertificateParseException expected) {
                AlertDescription d = expected.description();
                assertEquals(true, d == AlertDescription.BAD_CERTIFICATE || d == AlertDescription.UNSUPPORTED_CERTIFICATE);
            }
        }
    }

    @Property
    void randomBytesRaiseOnlyTheCheckedException(@ForAll @Size(max = 300) byte[] input) {
        onlyCheckedException(input);
    }

    @Property
    void randomDerLikeBytesRaiseOnlyTheCheckedException(@ForAll("derLike") byte[] input) {
        onlyCheckedException(input);
    }

    @Provide
    Arbitrary<byte[]> derLike() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(body -> {
            byte[] out = new byte[body.length + 2];
            out[0] = 0x30;
            out[1] = (byte) Math.min(body.length, 127);
            System.arraycopy(body, 0, out, 2, body.length);
            return out;
        });
    }

    @Property(tries = 300)
    void mutatedCertificatesRaiseOnlyTheCheckedException(@ForAll @IntRange(min = 0, max = 10_000) int position,
                                                         @ForAll byte value, @ForAll boolean truncate) {
        byte[] source = position % 2 == 0 ? CERT : PKCS8;
        int at = position % source.length;
        byte[] mutated = truncate ? java.util.Arrays.copyOf(source, at) : source.clone();
        if (!truncate) {
            mutated[at] = value;
        }
        onlyCheckedException(mutated);
    }

    /**
     * A Name whose first AttributeTypeAndValue is a SET instead of a SEQUENCE is still valid DER, and a parse that
     * left the names to be read later let BouncyCastle's IllegalArgumentException out of {@code subject()} in the
     * middle of a handshake (found by the research example's bit flips in OpenSSL's records): refused at parse.
     */
    @org.junit.jupiter.api.Test
    void aNameWithASetForAnAttributeIsRefusedAtParse() throws Exception {
        Certificate good = Certificate.parse(CERT);
        byte[] subject = good.subjectEncoded();
        int rdn = 2; // the Name: 30 len, then its first RDN: 31 len 30 ...
        org.junit.jupiter.api.Assertions.assertEquals(0x31, subject[rdn] & 0xff);
        org.junit.jupiter.api.Assertions.assertEquals(0x30, subject[rdn + 2] & 0xff);
        byte[] mutated = CERT.clone();
        int at = indexOf(mutated, subject) + rdn + 2;
        mutated[at] = 0x31;
        CertificateParseException e = org.junit.jupiter.api.Assertions.assertThrows(CertificateParseException.class,
                () -> Certificate.parse(mutated));
        assertEquals(AlertDescription.BAD_CERTIFICATE, e.description());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @Property(tries = 300)
    void randomPemTextRaisesOnlyTheCheckedException(@ForAll("pemLike") String text) {
        onlyCheckedException(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Provide
    Arbitrary<String> pemLike() {
        Arbitrary<String> body = Arbitraries.strings().withChars("ABCDEFabcdef0123456789+/=:- \n").ofMaxLength(120);
        Arbitrary<String> label = Arbitraries.of("CERTIFICATE", "PRIVATE KEY", "EC PRIVATE KEY", "RSA PRIVATE KEY",
                "PUBLIC KEY", "EC PARAMETERS", "X");
        return net.jqwik.api.Combinators.combine(label, body, label, Arbitraries.of(true, false))
                .as((begin, b, end, closed) -> "-----BEGIN " + begin + "-----\n" + b
                        + (closed ? "\n-----END " + end + "-----\n" : ""));
    }
}
