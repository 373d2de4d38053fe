package org.layeredtls.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The TLS 1.3 alert rules (RFC 8446 §6), alone and applied by {@link AlertProtocol}. */
class Tls13AlertRulesTest {

    private final AlertProtocolTest.FakeTransport transport = new AlertProtocolTest.FakeTransport();
    private final List<String> events = new ArrayList<>();
    private final AlertProtocol alerts = new AlertProtocol(transport, () -> events.add("invalidated"), null);

    Tls13AlertRulesTest() {
        alerts.followTls13Rules();
    }

    @Property
    void everyAlertButTheTwoClosureAlertsIsFatalWhateverItsLevel(@ForAll @IntRange(min = 0, max = 255) int code,
                                                                  @ForAll boolean warning) {
        AlertDescription description = AlertDescription.fromCode(code);
        Alert alert = warning ? Alert.warning(description) : Alert.fatal(description);
        boolean closure = code == 0 || code == 90;
        assertEquals(!closure, Tls13AlertRules.isFatal(alert));
        assertEquals(!closure, Tls13AlertRules.closesConnection(alert));
        assertEquals(closure, Tls13AlertRules.isClosureAlert(description));
        assertEquals(closure ? AlertLevel.WARNING : AlertLevel.FATAL, Tls13AlertRules.toSend(description).level());
    }

    @Test
    void eachClosureAlertHasItsOwnEffect() {
        assertEquals(Tls13AlertRules.Effect.CLOSES_PEER_WRITE_SIDE, Tls13AlertRules.effectOf(Alert.closeNotify()));
        assertEquals(Tls13AlertRules.Effect.CANCELS_HANDSHAKE,
                Tls13AlertRules.effectOf(Alert.warning(AlertDescription.USER_CANCELED)));
        assertEquals(Tls13AlertRules.Effect.ENDS_CONNECTION,
                Tls13AlertRules.effectOf(Alert.warning(AlertDescription.UNRECOGNIZED_NAME)));
    }

    @Test
    void aWarningLevelErrorAlertEndsTheConnection() {
        TlsAlertReceivedException e = assertThrows(TlsAlertReceivedException.class,
                () -> alerts.receive(new byte[] {1, 112})); // warning unrecognized_name: fatal in 1.3
        assertEquals(AlertDescription.UNRECOGNIZED_NAME, e.description());
        assertEquals(1, transport.closes);
        assertEquals(List.of("invalidated"), events);
        assertTrue(alerts.isInboundClosed());
        assertTrue(alerts.isOutboundClosed());
    }

    @Test
    void anUnknownAlertIsAnErrorAlert() {
        assertThrows(TlsAlertReceivedException.class, () -> alerts.receive(new byte[] {1, (byte) 200}));
        assertEquals(1, transport.closes);
    }

    @Test
    void closeNotifyClosesOnlyThePeersDirectionAndIsNotAnsweredAtOnce() throws IOException {
        Alert received = alerts.receive(new byte[] {1, 0});
        assertTrue(received.isCloseNotify());
        assertTrue(alerts.isInboundClosed());
        assertFalse(alerts.isOutboundClosed(), "our write side stays open");
        assertTrue(transport.written.isEmpty(), "no close_notify is sent back by itself");
        assertEquals(0, transport.closes);
        assertTrue(events.isEmpty(), "an orderly close keeps the session");

        alerts.sendCloseNotify(); // we finish writing, then close ours
        assertEquals(1, transport.written.size());
        assertEquals(1, transport.closes, "both directions are closed: the transport goes");
    }

    @Test
    void ourCloseNotifyFirstClosesOurWriteSideAndTheirsThenTheTransport() throws IOException {
        alerts.sendCloseNotify();
        assertTrue(alerts.isOutboundClosed());
        assertFalse(alerts.isInboundClosed(), "we still read until the peer's close_notify");
        assertEquals(0, transport.closes);
        alerts.receive(new byte[] {1, 0});
        assertEquals(1, transport.closes);
        assertEquals(1, transport.written.size(), "still only our one close_notify");
    }

    @Test
    void userCanceledIsReportedAndClosesNothing() throws IOException {
        Alert received = alerts.receive(new byte[] {1, 90});
        assertEquals(AlertDescription.USER_CANCELED, received.description());
        assertFalse(alerts.isInboundClosed());
        assertFalse(alerts.isOutboundClosed());
        assertEquals(0, transport.closes);
        assertTrue(events.isEmpty());
        alerts.receive(new byte[] {1, 0}); // the close_notify that should follow it
        assertTrue(alerts.isInboundClosed());
    }

    @Test
    void theTls12RulesStayUntilTheHandshakeSwitches() throws IOException {
        AlertProtocolTest.FakeTransport tls12Transport = new AlertProtocolTest.FakeTransport();
        AlertProtocol tls12 = new AlertProtocol(tls12Transport, () -> { }, null);
        assertFalse(tls12.followsTls13Rules());
        assertEquals(AlertDescription.UNRECOGNIZED_NAME, tls12.receive(new byte[] {1, 112}).description());
        assertFalse(tls12.isInboundClosed(), "a TLS 1.2 warning is reported, the connection goes on");
        tls12.receive(new byte[] {1, 0});
        assertEquals(1, tls12Transport.written.size(), "TLS 1.2 answers close_notify at once");
        assertEquals(1, tls12Transport.closes);
    }
}
