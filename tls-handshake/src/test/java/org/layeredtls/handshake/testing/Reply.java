package org.layeredtls.handshake.testing;

import java.util.List;
import java.util.Optional;

import org.layeredtls.alert.Alert;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.AlertLevel;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.ServerHello;

/**
 * What a server sent back to a {@link RawPeer}, and how the exchange ended.
 *
 * @param ending           how reading stopped
 * @param alerts           the alerts read in the clear, in order (alerts after the server's ChangeCipherSpec are
 *                         encrypted: they count in {@code encryptedAlerts} only)
 * @param encryptedAlerts  alert records read after the server's ChangeCipherSpec
 * @param handshakeTypes   the handshake messages read in the clear, in order
 * @param serverHello      the first ServerHello, decoded
 * @param changeCipherSpec whether the server sent its ChangeCipherSpec
 * @param bytesRead        everything read, headers included
 * @param millis           how long reading took
 */
public record Reply(Ending ending, List<Alert> alerts, int encryptedAlerts, List<HandshakeType> handshakeTypes,
             Optional<ServerHello> serverHello, boolean changeCipherSpec, long bytesRead, long millis) {

    /** Why reading stopped. */
    public enum Ending {
        /** An alert arrived, and the caller asked to stop at the first one. */
        ALERT,
        /** The message the caller waited for arrived. */
        ANSWERED,
        /** The server closed the connection (end of stream). */
        EOF,
        /** The server reset the connection. */
        RESET,
        /** Nothing ended the exchange within the bound. */
        TIMEOUT
    }

    public Reply {
        alerts = List.copyOf(alerts);
        handshakeTypes = List.copyOf(handshakeTypes);
    }

    /** The first alert read in the clear. */
    public Optional<Alert> firstAlert() {
        return alerts.stream().findFirst();
    }

    /** The description of the first alert read in the clear, whatever its level. */
    public Optional<AlertDescription> alertDescription() {
        return firstAlert().map(Alert::description);
    }

    /** Whether the server sent this handshake message in the clear. */
    public boolean sent(HandshakeType type) {
        return handshakeTypes.contains(type);
    }

    /** Whether the first alert in the clear is fatal with this description. */
    public boolean isFatal(AlertDescription description) {
        return firstAlert().filter(a -> a.level() == AlertLevel.FATAL && a.description().equals(description)).isPresent();
    }

    /** Asserts that the first alert in the clear is fatal with this description; {@code context} names who answered. */
    public void assertFatal(AlertDescription description, String context) {
        if (!isFatal(description)) {
            throw new AssertionError("expected fatal alert " + description.rfcName() + ", got " + this + ": " + context);
        }
    }

    /** Whether the connection ended (alert, close or reset) rather than timing out. */
    public boolean ended() {
        return ending != Ending.TIMEOUT;
    }

    /** A short description for counts and messages: the first alert, or how it ended. */
    public String outcome() {
        if (!alerts.isEmpty()) {
            Alert first = alerts.get(0);
            return first.level().name().toLowerCase(java.util.Locale.ROOT) + " " + first.description().rfcName();
        }
        if (encryptedAlerts > 0) {
            return "encrypted alert";
        }
        return ending.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Reply[" + outcome() + ", ending " + ending + ", handshake " + handshakeTypes + ", alerts " + alerts
                + ", " + bytesRead + " bytes in " + millis + " ms]";
    }
}
