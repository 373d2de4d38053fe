package org.layeredtls.handshake.cert.fuzz;

import java.util.Arrays;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.CertificateParseException;
import org.layeredtls.handshake.cert.KeyEncoding;
import org.layeredtls.handshake.cert.Pem;

/**
 * Fuzzes the readers of certificates and keys as OpenSSL writes them: PEM files (certificates,
 * PKCS#8, PKCS#1 and SEC1 private keys, public keys), DER X.509 certificates (RFC 5280) and DER
 * keys. The rule (the package's contract): malformed input is a {@link CertificateParseException}
 * ({@code bad_certificate} or {@code unsupported_certificate}); nothing else escapes.
 *
 * <p>Input: {@code reader || bytes}; {@code reader} picks one of the {@value #READERS} readers.
 */
class CertificateParsingFuzzTest {

    static final int READERS = 8;

    @FuzzTest
    void parseRaisesOnlyCertificateParseException(byte[] input) {
        if (input.length < 1) {
            return;
        }
        byte[] bytes = Arrays.copyOfRange(input, 1, input.length);
        try {
            switch ((input[0] & 0xFF) % READERS) {
                case 0 -> Pem.readCertificates(bytes).forEach(Pem::encodeCertificate);
                case 1 -> Pem.readPrivateKey(bytes);
                case 2 -> Pem.readPublicKey(bytes);
                case 3 -> Pem.encodeCertificate(Certificate.parse(bytes));
                case 4 -> KeyEncoding.decodePublicKey(bytes);
                case 5 -> KeyEncoding.decodePkcs8(bytes);
                case 6 -> KeyEncoding.decodePkcs1(bytes);
                default -> KeyEncoding.decodeSec1(bytes);
            }
        } catch (CertificateParseException expected) {
            // malformed input: bad_certificate / unsupported_certificate
        }
    }
}
