package org.layeredtls.handshake.extension;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/** The few reading and writing steps the extension codecs share. */
final class ExtensionCodec {

    private ExtensionCodec() {
    }

    /** A reader over an extension's data, reporting errors from the handshake layer. */
    static ByteReader reader(byte[] extensionData) {
        return new ByteReader(extensionData, TlsLayer.HANDSHAKE);
    }

    static TlsAlertException illegalParameter(String reason) {
        return new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, TlsLayer.HANDSHAKE, reason);
    }

    /** Reads a list of two-byte codes from a whole vector; an odd length is {@code decode_error}. */
    static List<Integer> u16List(ByteReader vector, String what) throws TlsAlertException {
        if (vector.remaining() % 2 != 0) {
            throw vector.error(what + " has an odd length " + vector.remaining());
        }
        List<Integer> codes = new ArrayList<>();
        while (!vector.isEmpty()) {
            codes.add(vector.u16());
        }
        return codes;
    }

    /** Reads a list of one-byte codes from a whole vector. */
    static List<Integer> u8List(ByteReader vector) throws TlsAlertException {
        List<Integer> codes = new ArrayList<>();
        while (!vector.isEmpty()) {
            codes.add(vector.u8());
        }
        return codes;
    }

    static void writeU16List(ByteWriter writer, List<Integer> codes) {
        int mark = writer.beginVector16();
        codes.forEach(writer::u16);
        writer.endVector16(mark);
    }

    static void writeU8List(ByteWriter writer, List<Integer> codes) {
        int mark = writer.beginVector8();
        codes.forEach(writer::u8);
        writer.endVector8(mark);
    }

    /** Checks at construction that every code fits its width and the list its bounds. */
    static List<Integer> checkCodes(List<Integer> codes, int maxCode, int minCount, int maxCount, String what) {
        List<Integer> copy = List.copyOf(codes);
        if (copy.size() < minCount || copy.size() > maxCount) {
            throw new IllegalArgumentException(what + " must hold " + minCount + ".." + maxCount + " codes, not " + copy.size());
        }
        for (int code : copy) {
            if (code < 0 || code > maxCode) {
                throw new IllegalArgumentException(what + ": code " + code + " out of range");
            }
        }
        return copy;
    }
}
