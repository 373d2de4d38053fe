package org.layeredtls.handshake.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.api.EarlyDataStatus;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.prf.Rfc8448;
import org.layeredtls.handshake.research.MessageSubstitution;
import org.layeredtls.handshake.research.OfflineSocket;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;

/**
 * RFC 8448 §4 (Resumed 0-RTT Handshake) through our client. Our client resumes with the ticket it kept from replaying
 * §3 ({@link Rfc8448Section3ReplayTest#replayAsClient}; its early_data allows 1024 bytes), so the PSK is the one our
 * own key schedule derived from §3's resumption_master_secret and the ticket's nonce; the hook sends the RFC's
 * ClientHello (its binder, its early_data) in place of ours. Our client sends the RFC's 0-RTT data under
 * client_early_traffic_secret, accepts the server's pre_shared_key and early_data, checks its Finished over the
 * PSK-based (psk_dhe_ke) schedule, sends EndOfEarlyData under the early keys and its Finished, and reads the server's
 * application data: every record it writes is the RFC's.
 *
 * <p>The server role cannot be replayed: the RFC's ticket is not one of our
 * {@link org.layeredtls.handshake.session.TicketProtector}'s, so our server would not resume.
 */
class Rfc8448ResumptionReplayTest {

    /** RFC 8448 §4: the client's 0-RTT application data ("ABCDEF"). */
    private static final byte[] EARLY_DATA = {0x41, 0x42, 0x43, 0x44, 0x45, 0x46};

    @Test
    void rfc8448Section4OurClientResumesWithItsSection3TicketSendsTheRfcsEarlyDataAndWritesEveryRecordOfTheRfc()
            throws Exception {
        InMemoryClientSessionStore tickets = new InMemoryClientSessionStore(1, Rfc8448Sides.WHEN_THE_RFC_WAS_WRITTEN);
        Rfc8448Section3ReplayTest.replayAsClient(tickets);
        byte[] clientHello = Rfc8448.S4_CLIENT_HELLO;
        MessageSubstitution hook = new MessageSubstitution().replace(HandshakeType.CLIENT_HELLO, clientHello);
        TlsConfig config = Rfc8448Sides.rfcClient().clientSessionStore(tickets)
                .random(new Rfc8448Randomness(null, Rfc8448Trace.random(clientHello), Rfc8448.S4_CLIENT_X25519_PRIVATE))
                .handshakeInterceptor(hook).build();
        byte[] server = Rfc8448Trace.stream(Rfc8448ResumptionTrace.SERVER_HELLO_RECORD, Rfc8448ResumptionTrace.SERVER_FLIGHT_RECORD,
                Rfc8448ResumptionTrace.SERVER_APPLICATION_DATA_RECORD, Rfc8448ResumptionTrace.SERVER_CLOSE_NOTIFY_RECORD);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        OfflineSocket socket = new OfflineSocket() {
            private final InputStream in = new ByteArrayInputStream(server);

            @Override
            public InputStream getInputStream() {
                return in;
            }

            @Override
            public OutputStream getOutputStream() {
                return written;
            }
        };

        try (TlsSocket tls = TlsSocket.client(socket, config)) {
            tls.writeEarlyData(EARLY_DATA);
            tls.startHandshake(); // accepts the PSK and the early data, checks the server's Finished
            assertTrue(tls.session().resumed(), "a PSK resumption");
            assertEquals(EarlyDataStatus.ACCEPTED, tls.earlyDataStatus(), "the server's EncryptedExtensions has early_data");
            assertEquals(Rfc8448Trace.serverCertificate(), tls.session().peerCertificates().get(0), "§3's server, from the ticket");
            OutputStream out = tls.getOutputStream();
            out.write(Rfc8448Trace.applicationData());
            out.flush();
            InputStream in = tls.getInputStream();
            assertArrayEquals(Rfc8448Trace.applicationData(), in.readNBytes(50));
            assertEquals(-1, in.read(), "the server's close_notify");
        }
        byte[] ours = written.toByteArray();
        byte[] helloRecord = Rfc8448Trace.clearRecord(clientHello, true);
        int hello = helloRecord.length;
        assertArrayEquals(helloRecord, Arrays.copyOf(ours, hello));
        // RFC 8446 §2.3: the 0-RTT record, EndOfEarlyData under the early keys, Finished, then the application's records
        assertArrayEquals(Rfc8448Trace.stream(Rfc8448ResumptionTrace.EARLY_DATA_RECORD, Rfc8448ResumptionTrace.END_OF_EARLY_DATA_RECORD,
                Rfc8448ResumptionTrace.CLIENT_FINISHED_RECORD, Rfc8448ResumptionTrace.CLIENT_APPLICATION_DATA_RECORD,
                Rfc8448ResumptionTrace.CLIENT_CLOSE_NOTIFY_RECORD), Arrays.copyOfRange(ours, hello, ours.length));
    }
}
