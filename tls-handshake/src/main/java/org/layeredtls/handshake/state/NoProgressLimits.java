package org.layeredtls.handshake.state;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.AlertLevel;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.TLSPlaintext;

/**
 * Records that cost us work and move nothing forward: warning alerts and empty records. Each is
 * legal alone, so the RFCs set no limit, but an endless stream of them keeps a connection (and a
 * thread) busy forever. As OpenSSL does, a run of them ends the connection with a fatal
 * {@code unexpected_message}: the {@code TlsConfig.warningAlertLimit}-th warning alert in a row
 * (OpenSSL: the 5th, "too many warn alerts"), or one empty record more than
 * {@code TlsConfig.emptyRecordLimit} in a row (OpenSSL: the 33rd, "record too small"). Any
 * other record resets the count it does not belong to.
 */
final class NoProgressLimits {

    private final int warningAlertLimit;
    private final int emptyRecordLimit;
    private int warningAlertsInARow;
    private int emptyRecordsInARow;

    NoProgressLimits(int warningAlertLimit, int emptyRecordLimit) {
        this.warningAlertLimit = warningAlertLimit;
        this.emptyRecordLimit = emptyRecordLimit;
    }

    /** Counts one received record; throws when it is one too many. */
    void received(TLSPlaintext record) throws TlsAlertException {
        if (record.length() == 0) {
            emptyRecordsInARow++;
            if (emptyRecordsInARow > emptyRecordLimit) {
                throw tooMany(emptyRecordsInARow + " empty records in a row (the limit is " + emptyRecordLimit + ")");
            }
            return;
        }
        emptyRecordsInARow = 0;
        // close_notify is a warning too, but it ends the peer's direction: it is never one too many.
        boolean warning = record.type() == ContentType.ALERT && (record.fragment()[0] & 0xFF) == AlertLevel.WARNING.code()
                && !(record.length() > 1 && record.fragment()[1] == 0);
        if (!warning) {
            warningAlertsInARow = 0;
            return;
        }
        warningAlertsInARow++;
        if (warningAlertsInARow >= warningAlertLimit) {
            throw tooMany(warningAlertsInARow + " warning alerts in a row (the limit is " + warningAlertLimit + ")");
        }
    }

    private static TlsAlertException tooMany(String what) {
        return new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, TlsLayer.HANDSHAKE, "no progress: " + what);
    }
}
