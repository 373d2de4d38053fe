package org.layeredtls.handshake.cert;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;

/** The guard around BouncyCastle's ASN.1 parsers: strict DER in, only our checked exception out. */
final class Asn1 {

    private Asn1() {
    }

    interface Parse<T> {
        T run() throws IOException;
    }

    /**
     * Runs a BouncyCastle ASN.1 parse. Its parsers signal bad input with IOException,
     * IllegalArgumentException, IllegalStateException, ClassCastException and more; every one of
     * them becomes a {@link CertificateParseException}, so no RuntimeException escapes.
     */
    static <T> T parse(String what, Parse<T> parse) throws CertificateParseException {
        try {
            return parse.run();
        } catch (CertificateParseException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new CertificateParseException("malformed " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses exactly one DER object: trailing bytes and non-DER (BER) encodings are refused, checked on the
     * bytes before parsing ({@link DerEncoding}) rather than by re-encoding the parsed object and comparing.
     */
    static ASN1Primitive strict(byte[] der) throws IOException {
        DerEncoding.check(der);
        return ASN1Primitive.fromByteArray(der);
    }

    static byte[] der(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot DER-encode " + value, e);
        }
    }
}
