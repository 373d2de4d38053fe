package org.layeredtls.handshake.cert;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A certificate's validity times (RFC 5280 §4.1.2.5), read straight from their DER: UTCTime
 * {@code YYMMDDhhmmssZ} or GeneralizedTime {@code YYYYMMDDhhmmss[.f*]Z}, whose form {@link DerEncoding} has checked.
 */
final class DerTime {

    static final int UTC_TIME_DIGITS = 12;
    static final int GENERALIZED_TIME_DIGITS = 14;
    private static final int UTC_TIME = 0x17;
    private static final int GENERALIZED_TIME = 0x18;
    // RFC 5280 §4.1.2.5.1: YY >= 50 is 19YY, YY < 50 is 20YY
    private static final int UTC_CENTURY_PIVOT = 50;
    private static final int MILLIS_DIGITS = 3;
    private static final int NANOS_PER_MILLI = 1_000_000;

    private DerTime() {
    }

    /** The time encoded by the Time element at {@code at} (tag, length, contents). */
    static Instant parse(byte[] b, int at) throws IOException {
        int tag = b[at];
        int i = DerEncoding.contentStart(b, at);
        int year;
        if (tag == UTC_TIME) {
            int yy = digits(b, i, 2);
            year = yy >= UTC_CENTURY_PIVOT ? 1900 + yy : 2000 + yy;
            i += 2;
        } else if (tag == GENERALIZED_TIME) {
            year = digits(b, i, 4);
            i += 4;
        } else {
            throw new IOException("validity time neither UTCTime nor GeneralizedTime");
        }
        int millis = 0;
        int f = i + 10;
        if (b[f] == '.') { // a fraction of a second, kept to the millisecond as java.util.Date kept it
            int scale = 0;
            for (f++; b[f] != 'Z'; f++) {
                if (scale < MILLIS_DIGITS) {
                    millis = millis * 10 + (b[f] - '0');
                    scale++;
                }
            }
            for (; scale < MILLIS_DIGITS; scale++) {
                millis *= 10;
            }
        }
        LocalDateTime time = LocalDateTime.of(year, digits(b, i, 2), digits(b, i + 2, 2), digits(b, i + 4, 2),
                digits(b, i + 6, 2), digits(b, i + 8, 2), millis * NANOS_PER_MILLI);
        return time.toInstant(ZoneOffset.UTC);
    }

    private static int digits(byte[] b, int at, int count) {
        int value = 0;
        for (int k = 0; k < count; k++) {
            value = value * 10 + (b[at + k] - '0');
        }
        return value;
    }
}
