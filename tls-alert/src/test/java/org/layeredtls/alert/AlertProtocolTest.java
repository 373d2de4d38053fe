package org.layeredtls.alert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AlertProtocolTest {

    /** Records what the protocol writes and whether it closed the transport. */
    static final class FakeTransport implements AlertTransport {
        final List<byte[]> written = new ArrayList<>();
        int closes;
        boolean failWrites;

        @Override
        public void writeAlertRecord(byte[] alert) throws IOException {
            if (failWrites) {
                throw new IOException("broken pipe");
            }
            written.add(alert);
        }

        @Override
        public void closeTransport() {
            closes++;
        }
    }

    private final FakeTransport transport = new FakeTransport();
    private final List<String> events = new ArrayList<>();
    private final AlertProtocol alerts = new AlertProtocol(transport, () -> events.add("invalidated"),
            new AlertObserver() {
                @Override
                public void alertSent(Alert alert) {
                    events.add("sent " + alert);
                }

                @Override
                public void alertReceived(Alert alert) {
                    events.add("received " + alert);
                }
            });

    @Test
    void aReceivedFatalAlertClosesTheConnectionInvalidatesTheSessionAndNamesTheAlert() {
        TlsAlertReceivedException e = assertThrows(TlsAlertReceivedException.class,
                () -> alerts.receive(new byte[] {2, 40}));
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.description());
        assertEquals(1, transport.closes);
        assertTrue(events.contains("invalidated"));
        assertTrue(transport.written.isEmpty(), "nothing is sent back after a fatal alert");
        assertTrue(alerts.isInboundClosed());
        assertTrue(alerts.isOutboundClosed());
    }

    @Test
    void closeNotifyEndsThePeersDirectionAndIsAnsweredOnce() throws Exception {
        Alert alert = alerts.receive(new byte[] {1, 0});
        assertTrue(alert.isCloseNotify());
        assertTrue(alerts.isInboundClosed());
        assertEquals(1, transport.written.size());
        assertArrayEquals(new byte[] {1, 0}, transport.written.get(0));
        assertEquals(1, transport.closes);
        alerts.sendCloseNotify();
        assertEquals(1, transport.written.size(), "close_notify is sent once");
        assertFalse(events.contains("invalidated"), "an orderly close keeps the session resumable");
    }

    @Test
    void aWarningIsReportedAndTheConnectionGoesOn() throws Exception {
        Alert alert = alerts.receive(new byte[] {1, 100});
        assertEquals(AlertDescription.NO_RENEGOTIATION, alert.description());
        assertEquals(List.of("received warning no_renegotiation(100)"), events);
        assertEquals(0, transport.closes);
        assertFalse(alerts.isInboundClosed());
        alerts.sendWarning(AlertDescription.USER_CANCELED);
        assertEquals(1, transport.written.size());
    }

    @Test
    void aMalformedAlertIsAnsweredWithDecodeError() {
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> alerts.receive(new byte[] {2, 20, 0}));
        assertEquals(AlertDescription.DECODE_ERROR, e.description());
        assertArrayEquals(new byte[] {2, 50}, transport.written.get(0));
        assertEquals(1, transport.closes);
    }

    @Test
    void failSendsTheFatalAlertOnceInvalidatesAndCloses() {
        TlsAlertException error = new TlsAlertException(AlertDescription.BAD_RECORD_MAC, TlsLayer.RECORD, "bad");
        assertSame(error, alerts.fail(error));
        alerts.fail(new TlsAlertException(AlertDescription.INTERNAL_ERROR, TlsLayer.RECORD, "later"));
        assertEquals(1, transport.written.size());
        assertArrayEquals(new byte[] {2, 20}, transport.written.get(0));
        assertEquals(List.of("invalidated", "sent fatal bad_record_mac(20)"), events);
        assertEquals(Alert.fatal(AlertDescription.BAD_RECORD_MAC), alerts.fatalAlert());
        assertThrows(IOException.class, () -> alerts.sendWarning(AlertDescription.USER_CANCELED));
    }

    @Test
    void failStillClosesWhenTheAlertCannotBeWritten() {
        transport.failWrites = true;
        TlsAlertException error = new TlsAlertException(AlertDescription.DECODE_ERROR, TlsLayer.HANDSHAKE, "x");
        alerts.fail(error);
        assertEquals(1, transport.closes);
        assertEquals(1, error.getSuppressed().length);
    }
}
