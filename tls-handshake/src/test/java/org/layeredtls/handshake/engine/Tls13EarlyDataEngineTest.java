package org.layeredtls.handshake.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.engine.EnginePairTest.ascii;
import static org.layeredtls.handshake.engine.EnginePairTest.received;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.EarlyDataStatus;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;
import org.layeredtls.handshake.session.TicketProtector;
import org.layeredtls.record.ProtocolVersion;

/** TLS 1.3 0-RTT data (RFC 8446 §2.3, §4.2.10) between two engines: taken, refused and skipped, replayed. */
class Tls13EarlyDataEngineTest {

    private static final byte[] EARLY = ascii("GET /index.html: early data");

    private final TicketProtector tickets = TicketProtector.withDefaults();

    private TlsConfig client() {
        return Pki.client().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3)
                .clientSessionStore(new InMemoryClientSessionStore(4)).build();
    }

    private TlsConfig.Builder server() {
        return Pki.server().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3).ticketProtector(tickets);
    }

    /** A first connection, for the server's tickets. */
    private static void firstConnection(TlsConfig client, TlsConfig server) throws IOException {
        EnginePair first = TlsEngine.pair(client, server);
        first.handshake();
        first.shuttle(); // the NewSessionTickets reach the client
        assertEquals(EarlyDataStatus.NOT_SENT, first.client().earlyDataStatus());
    }

    private static byte[] earlyData(TlsEngine server) {
        byte[] data = new byte[server.availableEarlyData()];
        server.readEarlyData(data, 0, data.length);
        return data;
    }

    @Test
    void aServerWithMaxEarlyDataReadsTheResumingClientsEarlyDataMarkedEarly() throws IOException {
        TlsConfig client = client();
        TlsConfig server = server().maxEarlyData(1024).build();
        firstConnection(client, server);
        EnginePair second = TlsEngine.pair(client, server);
        second.client().writeEarlyData(EARLY);
        second.handshake();
        assertTrue(second.server().sessionInfo().resumed());
        assertEquals(EarlyDataStatus.ACCEPTED, second.client().earlyDataStatus());
        assertEquals(EarlyDataStatus.ACCEPTED, second.server().earlyDataStatus());
        assertArrayEquals(EARLY, earlyData(second.server()));
        assertEquals(0, second.server().availableApplicationData(), "early data is not read as ordinary data");
        second.client().writeApplicationData(ascii("after the handshake"));
        second.shuttle();
        assertArrayEquals(ascii("after the handshake"), received(second.server()));
    }

    @Test
    void aServerWithoutEarlyDataSkipsTheClientsEarlyRecordsAndTheClientHearsItWasNotDelivered() throws IOException {
        TlsConfig client = client();
        firstConnection(client, server().maxEarlyData(1024).build()); // a ticket that allows early data
        EnginePair second = TlsEngine.pair(client, server().build()); // the same tickets, 0-RTT now off
        second.client().writeEarlyData(EARLY);
        second.handshake(); // RFC 8446 §4.2.10: the records that do not decrypt are skipped
        assertTrue(second.server().sessionInfo().resumed());
        assertTrue(second.server().sessionInfo().resumed(), "the second ClientHello resumes, without early data");
        assertEquals(EarlyDataStatus.REJECTED, second.client().earlyDataStatus());
        assertEquals(EarlyDataStatus.REJECTED, second.server().earlyDataStatus());
        assertEquals(0, second.server().availableEarlyData());
        second.client().writeApplicationData(EARLY); // the application sends it again
        second.shuttle();
        assertArrayEquals(EARLY, received(second.server()));
    }

    @Test
    void aTicketIssuedWithoutEarlyDataCarriesNoneEvenWhenTheServerTakesItNow() throws IOException {
        TlsConfig client = client();
        firstConnection(client, server().build()); // 0-RTT off: the ticket allows none
        var store = client.clientSessionStore();
        var kept = store.get(EnginePair.PEER_HOST + ":" + EnginePair.PEER_PORT).orElseThrow();
        // a client that ignores what the ticket said (ours offers only what a ticket allows)
        store.put(EnginePair.PEER_HOST + ":" + EnginePair.PEER_PORT, new org.layeredtls.handshake.session.ClientSession(
                kept.state(), kept.ticket(), kept.ticketLifetimeHintSeconds(), kept.ticketAgeAdd(), 1024));
        EnginePair second = TlsEngine.pair(client, server().maxEarlyData(1024).build());
        second.client().writeEarlyData(EARLY);
        second.handshake();
        assertTrue(second.server().sessionInfo().resumed());
        assertEquals(EarlyDataStatus.REJECTED, second.server().earlyDataStatus(), "RFC 8446 §4.2.10: the ticket allowed none");
        assertEquals(0, second.server().availableEarlyData());
    }

    @Test
    void moreEarlyDataThanTheServersMaxEarlyDataIsUnexpectedMessage() throws IOException {
        TlsConfig client = client();
        firstConnection(client, server().maxEarlyData(1024).build()); // the client may send 1024 bytes
        EnginePair second = TlsEngine.pair(client, server().maxEarlyData(EARLY.length - 1).build());
        second.client().writeEarlyData(EARLY);
        TlsAlertException alert = assertThrows(TlsAlertException.class, second::handshake);
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alert.description(), alert::getMessage); // RFC 8446 §4.2.10
    }

    @Test
    void rejectedEarlyDataBeyondTheSkipLimitIsUnexpectedMessage() throws IOException {
        TlsConfig client = client();
        firstConnection(client, server().maxEarlyData(65536).build());
        EnginePair second = TlsEngine.pair(client, server().rejectedEarlyDataLimit(16384).build());
        second.client().writeEarlyData(new byte[16385]);
        TlsAlertException alert = assertThrows(TlsAlertException.class, second::handshake);
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alert.description(), alert::getMessage);

        EnginePair withinTheLimit = TlsEngine.pair(client, server().rejectedEarlyDataLimit(16384).build());
        withinTheLimit.client().writeEarlyData(new byte[16384]); // one full record, skipped whole
        withinTheLimit.handshake();
        assertEquals(EarlyDataStatus.REJECTED, withinTheLimit.client().earlyDataStatus());
    }

    @Test
    void aClientThatSentEarlyDataRefusesATls12ServerHello() throws IOException {
        TlsConfig client = Pki.client().versions(ProtocolVersion.TLS1_2, ProtocolVersion.TLS1_3)
                .clientSessionStore(new InMemoryClientSessionStore(4)).build();
        firstConnection(client, server().maxEarlyData(1024).build());
        TlsEngine resuming = TlsEngine.client(client, EnginePair.PEER_HOST, EnginePair.PEER_PORT);
        resuming.writeEarlyData(EARLY);
        resuming.beginHandshake();
        TlsEngine tls12 = TlsEngine.server(Pki.server().versions(ProtocolVersion.TLS1_2, ProtocolVersion.TLS1_2).build());
        tls12.beginHandshake();
        // the TLS 1.2 server answers the ClientHello, then chokes on what follows it (our CCS, the 0-RTT records)
        assertThrows(TlsAlertException.class, () -> tls12.offerInput(resuming.readOutput()));
        TlsAlertException alert = assertThrows(TlsAlertException.class, () -> resuming.offerInput(tls12.readOutput()));
        assertEquals(AlertDescription.PROTOCOL_VERSION, alert.description(), alert::getMessage); // RFC 8446 §D.3
    }

    @Test
    void aHelloRetryRequestRefusesEarlyDataAndTheServerSkipsItInTheClear() throws IOException {
        TlsConfig client = client();
        firstConnection(client, server().maxEarlyData(1024).build());
        EnginePair second = TlsEngine.pair(client, server().maxEarlyData(1024).namedGroups(NamedGroup.SECP384R1).build());
        second.client().writeEarlyData(EARLY);
        second.handshake();
        assertTrue(second.server().sessionInfo().resumed(), "the second ClientHello resumes, without early data");
        assertEquals(EarlyDataStatus.REJECTED, second.client().earlyDataStatus());
        assertEquals(EarlyDataStatus.REJECTED, second.server().earlyDataStatus());
        assertEquals(0, second.server().availableEarlyData());
    }

    @Test
    void aTicketsEarlyDataIsTakenOnceAndTheReplayedClientHelloGetsNoneDelivered() throws IOException {
        TlsConfig client = client();
        TlsConfig server = server().maxEarlyData(1024).build();
        firstConnection(client, server);
        TlsEngine original = TlsEngine.client(client, EnginePair.PEER_HOST, EnginePair.PEER_PORT);
        original.writeEarlyData(EARLY);
        original.beginHandshake();
        byte[] firstFlight = original.readOutput(); // ClientHello, change_cipher_spec, 0-RTT data: what an attacker copies

        TlsEngine first = TlsEngine.server(server);
        first.beginHandshake();
        first.offerInput(firstFlight);
        assertEquals(EarlyDataStatus.ACCEPTED, first.earlyDataStatus());
        assertArrayEquals(EARLY, earlyData(first));

        TlsEngine replay = TlsEngine.server(server); // another connection of the same server
        replay.beginHandshake();
        replay.offerInput(firstFlight);
        assertEquals(EarlyDataStatus.REJECTED, replay.earlyDataStatus(), "RFC 8446 §8.1: a ticket carries 0-RTT once");
        assertEquals(0, replay.availableEarlyData());
        assertTrue(replay.readOutput().length > 0, "the replay gets a 1-RTT handshake it cannot finish without the keys");
    }

    @Test
    void theKeyLogGetsTheClientEarlyTrafficSecretOnBothSides() throws IOException {
        List<String> clientLabels = new ArrayList<>();
        List<String> serverLabels = new ArrayList<>();
        TlsConfig plainClient = client();
        TlsConfig server = server().maxEarlyData(1024).build();
        firstConnection(plainClient, server);
        TlsConfig client = plainClient.toBuilder().observer(labels(clientLabels)).build();
        EnginePair second = TlsEngine.pair(client, server.toBuilder().observer(labels(serverLabels)).build());
        second.client().writeEarlyData(EARLY);
        second.handshake();
        assertTrue(clientLabels.contains("CLIENT_EARLY_TRAFFIC_SECRET"), clientLabels::toString);
        assertTrue(serverLabels.contains("CLIENT_EARLY_TRAFFIC_SECRET"), serverLabels::toString);
    }

    private static TlsObserver labels(List<String> into) {
        return new TlsObserver() {
            @Override
            public void tls13SecretDerived(byte[] clientRandom, String label, byte[] secret) {
                into.add(label);
            }
        };
    }
}
