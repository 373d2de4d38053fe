package org.layeredtls.handshake.cert;

import java.io.IOException;
import java.util.Arrays;
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

    /** Parses exactly one DER object: trailing bytes and non-DER (BER) encodings are refused. */
    static ASN1Primitive strict(byte[] der) throws IOException {
        ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
        if (!Arrays.equals(primitive.getEncoded(ASN1Encoding.DER), der)) {
            throw new IOException("not in DER (distinguished) encoding");
        }
        return primitive;
    }

    static byte[] der(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot DER-encode " + value, e);
        }
    }
}
