package org.layeredtls.handshake.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.codec.ByteReader;

/** The few steps the message codecs share. */
final class MessageCodec {

    private MessageCodec() {
    }

    static ByteReader reader(byte[] body) {
        return new ByteReader(body, TlsLayer.HANDSHAKE);
    }

    static TlsAlertException illegalParameter(String reason) {
        return new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, TlsLayer.HANDSHAKE, reason);
    }

    static TlsAlertException unexpectedMessage(String reason) {
        return new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, TlsLayer.HANDSHAKE, reason);
    }

    /** Copies a list of byte arrays, each checked to be {@code min..max} bytes long. */
    static List<byte[]> copyAll(List<byte[]> arrays, int min, int max, String what) {
        List<byte[]> copy = new ArrayList<>(arrays.size());
        for (byte[] array : arrays) {
            if (array.length < min || array.length > max) {
                throw new IllegalArgumentException(what + " must be " + min + ".." + max + " bytes, not " + array.length);
            }
            copy.add(array.clone());
        }
        return List.copyOf(copy);
    }

    static boolean equalAll(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static int hashAll(List<byte[]> arrays) {
        int hash = 1;
        for (byte[] array : arrays) {
            hash = 31 * hash + Arrays.hashCode(array);
        }
        return hash;
    }

    static String lengths(List<byte[]> arrays) {
        return arrays.stream().map(a -> a.length + " bytes").collect(Collectors.joining(", ", "[", "]"));
    }

    static void checkLength(byte[] value, int min, int max, String what) {
        if (value.length < min || value.length > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + " bytes, not " + value.length);
        }
    }

    static void checkU16Codes(List<Integer> codes, String what) {
        for (int code : codes) {
            if (code < 0 || code > 0xFFFF) {
                throw new IllegalArgumentException(what + ": " + code + " is not a uint16");
            }
        }
    }
}
