package org.layeredtls.handshake.conversation;

import static org.layeredtls.alert.AlertDescription.DECODE_ERROR;
import static org.layeredtls.alert.AlertDescription.ILLEGAL_PARAMETER;
import static org.layeredtls.alert.AlertDescription.UNEXPECTED_MESSAGE;
import static org.layeredtls.handshake.conversation.Reaction.close;
import static org.layeredtls.handshake.conversation.Reaction.fatal;
import static org.layeredtls.handshake.conversation.Reaction.silence;

import java.util.List;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.AlertLevel;
import org.layeredtls.record.ContentType;

/** Alert edge cases (RFC 5246 §7.2): unknown codes, wrong lengths, bad levels, floods of warnings. */
final class AlertProbes {

    static final String CATEGORY = "Alerts";

    private static final String WRONG_LENGTH = "an alert is two bytes (RFC 5246 §7.2); LayeredTLS calls another "
            + "length decode_error (§7.2.2: a message that cannot be parsed), OpenSSL unexpected_message";

    private AlertProbes() {
    }

    private static Conversation afterFlight(String name) {
        return Scripts.untilServerHelloDone(name, Messages.clientHello());
    }

    static List<Probe> all() {
        return List.of(
                Probe.same(CATEGORY, "a fatal alert of unknown description (255)",
                        t -> afterFlight("fatal unknown").sendAlert(2, 255), close()),
                Probe.same(CATEGORY, "a warning alert of unknown description (254)",
                        t -> afterFlight("warning unknown").sendAlert(1, 254), silence(300)),
                Probe.differ(CATEGORY, "an alert record of 1 byte",
                        t -> afterFlight("short alert").sendRecord(ContentType.ALERT.code(), new byte[] {1}),
                        fatal(UNEXPECTED_MESSAGE), fatal(DECODE_ERROR), WRONG_LENGTH),
                Probe.differ(CATEGORY, "an alert record of 3 bytes",
                        t -> afterFlight("long alert").sendRecord(ContentType.ALERT.code(), new byte[] {1, 90, 0}),
                        fatal(UNEXPECTED_MESSAGE), fatal(DECODE_ERROR), WRONG_LENGTH),
                Probe.same(CATEGORY, "an alert of level 3",
                        t -> afterFlight("level 3").sendAlert(3, AlertDescription.USER_CANCELED.code()),
                        fatal(ILLEGAL_PARAMETER)),
                Probe.same(CATEGORY, "a flood of warning user_canceled alerts (8) during the handshake",
                        t -> {
                            Conversation c = afterFlight("warning flood");
                            for (int i = 0; i < 8; i++) {
                                c.sendAlert(AlertLevel.WARNING, AlertDescription.USER_CANCELED);
                            }
                            return c;
                        }, fatal(UNEXPECTED_MESSAGE)),
                Probe.differ(CATEGORY, "close_notify as the first record",
                        t -> Conversation.named("close first").sendAlert(AlertLevel.WARNING, AlertDescription.CLOSE_NOTIFY),
                        fatal(UNEXPECTED_MESSAGE), Reaction.warning(AlertDescription.CLOSE_NOTIFY),
                        "OpenSSL wants a ClientHello first; LayeredTLS honours close_notify at any time "
                                + "(RFC 5246 §7.2.1: answer with close_notify and close)"));
    }
}
