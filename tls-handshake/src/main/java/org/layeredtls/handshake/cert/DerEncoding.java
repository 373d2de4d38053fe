package org.layeredtls.handshake.cert;

import java.io.IOException;
import java.util.Arrays;

/**
 * The Distinguished Encoding Rules (X.690 §10, §11) checked on the bytes as they are, in one pass and
 * without building anything: what re-encoding the parsed object in DER and comparing would refuse, at a
 * fraction of the cost. Each element's tag and length must be in their minimal forms with a definite length,
 * strings and other primitive types primitive, SEQUENCE and SET constructed, and the primitive contents
 * canonical (BOOLEAN, INTEGER, BIT STRING, NULL, OBJECT IDENTIFIER, the two times); a SET's elements sorted.
 */
final class DerEncoding {

    // X.690 §8.1.2: the tag classes; §8.1.2.5: the constructed bit
    private static final int CLASS_MASK = 0xC0;
    private static final int UNIVERSAL = 0x00;
    private static final int CONSTRUCTED = 0x20;
    private static final int TAG_NUMBER_MASK = 0x1F;
    private static final int HIGH_TAG_NUMBER = 0x1F;
    // the universal tags with a rule of their own (X.680 §8.4)
    private static final int BOOLEAN = 1;
    private static final int INTEGER = 2;
    private static final int BIT_STRING = 3;
    private static final int NULL = 5;
    private static final int OBJECT_IDENTIFIER = 6;
    private static final int EXTERNAL = 8;
    private static final int ENUMERATED = 10;
    private static final int EMBEDDED_PDV = 11;
    private static final int RELATIVE_OID = 13;
    private static final int SEQUENCE = 16;
    private static final int SET = 17;
    private static final int UTC_TIME = 23;
    private static final int GENERALIZED_TIME = 24;
    private static final int CHARACTER_STRING = 29;
    /** Nesting deeper than any certificate or key needs; deeper input is refused, not recursed into. */
    private static final int MAX_DEPTH = 64;
    /** At most 4 length octets: no element here is 4 GiB long. */
    private static final int MAX_LENGTH_OCTETS = 4;

    private DerEncoding() {
    }

    /** Checks that {@code der} is exactly one DER-encoded element, nothing before or after it. */
    static void check(byte[] der) throws IOException {
        if (element(der, 0, der.length, 0) != der.length) {
            throw new IOException("trailing bytes after the DER object");
        }
    }

    // one element at `at`, within `limit`; returns the offset after it
    private static int element(byte[] b, int at, int limit, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("nested deeper than " + MAX_DEPTH);
        }
        int identifier = octet(b, at++, limit);
        int tag = identifier & TAG_NUMBER_MASK;
        if (tag == HIGH_TAG_NUMBER) {
            // X.690 §8.1.2.4.2 c: no leading 0x80 subsequent octet; §10.1 with §8.1.2.2: numbers < 31 use one octet
            if (octet(b, at, limit) == 0x80) {
                throw new IOException("tag number not in its shortest form");
            }
            tag = 0;
            int next;
            do {
                next = octet(b, at++, limit);
                if (tag > Integer.MAX_VALUE >> 7) {
                    throw new IOException("tag number too large");
                }
                tag = tag << 7 | next & 0x7F;
            } while ((next & 0x80) != 0);
            if (tag < HIGH_TAG_NUMBER) {
                throw new IOException("tag number not in its shortest form");
            }
        }
        int first = octet(b, at++, limit);
        int length;
        if (first < 0x80) {
            length = first;
        } else if (first == 0x80) {
            throw new IOException("indefinite length (BER, not DER)"); // X.690 §10.1
        } else {
            int count = first & 0x7F;
            if (count > MAX_LENGTH_OCTETS) {
                throw new IOException("length of " + count + " octets");
            }
            if (octet(b, at, limit) == 0) {
                throw new IOException("length not in its shortest form"); // X.690 §10.1
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = length << 8 | octet(b, at++, limit);
            }
            if (length < 0x80) {
                throw new IOException("long-form length below 128"); // X.690 §10.1
            }
        }
        if (length < 0 || length > limit - at) {
            throw new IOException("element runs past its enclosing one");
        }
        int end = at + length;
        boolean constructed = (identifier & CONSTRUCTED) != 0;
        if ((identifier & CLASS_MASK) == UNIVERSAL) {
            universal(b, tag, constructed, at, end, depth);
        } else if (constructed) {
            children(b, at, end, depth, false);
        }
        return end;
    }

    private static void universal(byte[] b, int tag, boolean constructed, int at, int end, int depth) throws IOException {
        int length = end - at;
        switch (tag) {
            case SEQUENCE, SET -> {
                if (!constructed) {
                    throw new IOException("primitive SEQUENCE or SET");
                }
                children(b, at, end, depth, tag == SET);
                return;
            }
            case EXTERNAL, EMBEDDED_PDV, CHARACTER_STRING -> {
                if (constructed) {
                    children(b, at, end, depth, false);
                }
                return;
            }
            default -> {
                // X.690 §10.2: strings are primitive in DER; the other types are primitive in any encoding
                if (constructed) {
                    throw new IOException("constructed encoding of universal type " + tag);
                }
            }
        }
        switch (tag) {
            case 0 -> throw new IOException("end-of-contents octets (BER, not DER)");
            case BOOLEAN -> {
                // X.690 §11.1: TRUE is all ones
                if (length != 1 || (b[at] != 0 && b[at] != (byte) 0xFF)) {
                    throw new IOException("BOOLEAN not 0x00 or 0xFF");
                }
            }
            case INTEGER, ENUMERATED -> minimalInteger(b, at, length);
            case BIT_STRING -> bitString(b, at, length);
            case NULL -> {
                if (length != 0) {
                    throw new IOException("NULL with contents");
                }
            }
            case OBJECT_IDENTIFIER, RELATIVE_OID -> subidentifiers(b, at, end);
            case UTC_TIME -> time(b, at, end, DerTime.UTC_TIME_DIGITS); // X.690 §11.8: YYMMDDhhmmssZ
            case GENERALIZED_TIME -> time(b, at, end, DerTime.GENERALIZED_TIME_DIGITS); // X.690 §11.7: YYYYMMDDhhmmss[.f*]Z
            default -> { }
        }
    }

    // the elements of a constructed encoding, back to back; a SET's in ascending order (X.690 §11.6)
    private static void children(byte[] b, int at, int end, int depth, boolean sorted) throws IOException {
        int previous = -1;
        while (at < end) {
            int next = element(b, at, end, depth + 1);
            if (sorted && previous >= 0 && Arrays.compareUnsigned(b, previous, at, b, at, next) > 0) {
                throw new IOException("SET elements not in DER order");
            }
            previous = at;
            at = next;
        }
    }

    // X.690 §8.3.2: the first nine bits are not all zeros or all ones
    private static void minimalInteger(byte[] b, int at, int length) throws IOException {
        if (length == 0) {
            throw new IOException("INTEGER without contents");
        }
        if (length > 1 && ((b[at] == 0 && b[at + 1] >= 0) || (b[at] == (byte) 0xFF && b[at + 1] < 0))) {
            throw new IOException("INTEGER not in its shortest form");
        }
    }

    // X.690 §8.6.2.2-3 and §11.2.1: at most 7 unused bits, none without data, and every unused bit zero
    private static void bitString(byte[] b, int at, int length) throws IOException {
        if (length == 0) {
            throw new IOException("BIT STRING without its unused-bits octet");
        }
        int unused = b[at];
        if (unused < 0 || unused > 7 || (length == 1 && unused != 0)) {
            throw new IOException("BIT STRING with " + unused + " unused bits");
        }
        if (unused > 0 && (b[at + length - 1] & ((1 << unused) - 1)) != 0) {
            throw new IOException("BIT STRING unused bits not zero");
        }
    }

    // X.690 §8.19.2: each subidentifier in its shortest form, the last octet of each with bit 8 clear
    private static void subidentifiers(byte[] b, int at, int end) throws IOException {
        if (at == end || b[end - 1] < 0) {
            throw new IOException("OBJECT IDENTIFIER empty or cut short");
        }
        boolean startOfSubidentifier = true;
        for (int i = at; i < end; i++) {
            if (startOfSubidentifier && b[i] == (byte) 0x80) {
                throw new IOException("OBJECT IDENTIFIER subidentifier not in its shortest form");
            }
            startOfSubidentifier = b[i] >= 0;
        }
    }

    // `digits` digits, then for GeneralizedTime an optional fraction without trailing zeros, then 'Z'
    private static void time(byte[] b, int at, int end, int digits) throws IOException {
        int length = end - at;
        if (length < digits + 1 || b[end - 1] != 'Z') {
            throw new IOException("time not in DER form (seconds and Z required)");
        }
        for (int i = at; i < at + digits; i++) {
            if (b[i] < '0' || b[i] > '9') {
                throw new IOException("time with a non-digit");
            }
        }
        int fraction = at + digits;
        if (fraction == end - 1) {
            return;
        }
        if (digits != DerTime.GENERALIZED_TIME_DIGITS || b[fraction] != '.' || fraction + 1 >= end - 1 || b[end - 2] == '0') {
            throw new IOException("time not in DER form");
        }
        for (int i = fraction + 1; i < end - 1; i++) {
            if (b[i] < '0' || b[i] > '9') {
                throw new IOException("time with a non-digit fraction");
            }
        }
    }

    /** Where the contents of the element at {@code at} start; for bytes {@link #check} accepted. */
    static int contentStart(byte[] b, int at) {
        int i = at + 1;
        if ((b[at] & TAG_NUMBER_MASK) == HIGH_TAG_NUMBER) {
            while (b[i++] < 0) {
                // the tag number's octets: bit 8 set on all but the last
            }
        }
        int first = b[i] & 0xFF;
        return first < 0x80 ? i + 1 : i + 1 + (first & 0x7F);
    }

    /** The offset just after the element at {@code at}; for bytes {@link #check} accepted. */
    static int end(byte[] b, int at) {
        int i = at + 1;
        if ((b[at] & TAG_NUMBER_MASK) == HIGH_TAG_NUMBER) {
            while (b[i++] < 0) {
                // the tag number's octets
            }
        }
        int first = b[i++] & 0xFF;
        if (first < 0x80) {
            return i + first;
        }
        int length = 0;
        for (int n = first & 0x7F; n > 0; n--) {
            length = length << 8 | b[i++] & 0xFF;
        }
        return i + length;
    }

    private static int octet(byte[] b, int at, int limit) throws IOException {
        if (at >= limit) {
            throw new IOException("DER cut short");
        }
        return b[at] & 0xFF;
    }
}
