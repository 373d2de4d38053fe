package org.layeredtls.handshake.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.intercept.ResearchExamples;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.Tls13NewSessionTicket;
import org.layeredtls.handshake.prf.Rfc8448;
import org.layeredtls.handshake.research.MessageSubstitution;
import org.layeredtls.handshake.research.ReplaySocket;
import org.layeredtls.handshake.session.ClientSessionStore;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;

/**
 * RFC 8448 §3 (Simple 1-RTT Handshake) replayed whole through our state machines, each role in turn: our side
 * gets the RFC's randomness and keys, reads the other side's records exactly as the RFC gives them, and must
 * write its own side's records byte for byte ({@link ReplaySocket} fails at the first byte that differs).
 * Where our messages legitimately differ from the RFC's (extension order and contents, the randomized RSA-PSS
 * signature, the ticket), {@link MessageSubstitution} sends the RFC's bytes in their place; everything after
 * them (the transcript, the traffic keys, Finished, every protected record) is ours.
 */
class Rfc8448Section3ReplayTest {

    private static final int NO_CHUNKING = Integer.MAX_VALUE;

    @Test
    void rfc8448Section3OurClientWritesTheRfcsFinishedApplicationDataAndCloseNotifyRecordsByteForByte() throws Exception {
        InMemoryClientSessionStore tickets = new InMemoryClientSessionStore(1, Rfc8448Sides.WHEN_THE_RFC_WAS_WRITTEN);
        MessageSubstitution hook = replayAsClient(tickets);
        assertEquals(1, hook.replaced().size(), "only the ClientHello is the RFC's; the rest is our client's own");
        byte[] rfcTicket = Tls13NewSessionTicket.decode(Rfc8448Trace.body(Rfc8448Trace.message("simple-new-session-ticket"))).ticket();
        assertArrayEquals(rfcTicket, tickets.get(Rfc8448Sides.SERVER_KEY).orElseThrow().ticket(),
                "the RFC's NewSessionTicket is kept for the next connection to \"server\"");
    }

    /**
     * Our client through §3, asserting every record it writes is the RFC's; the RFC's ticket ends in {@code tickets}
     * (what §4 resumes with). Returns the hook that sent the RFC's ClientHello.
     */
    static MessageSubstitution replayAsClient(ClientSessionStore tickets) throws IOException {
        byte[] clientHello = Rfc8448Trace.message("simple-client-hello");
        MessageSubstitution hook = new MessageSubstitution().replace(HandshakeType.CLIENT_HELLO, clientHello);
        TlsConfig config = Rfc8448Sides.rfcClient()
                .random(new Rfc8448Randomness(null, Rfc8448Trace.random(clientHello), Rfc8448.S3_CLIENT_X25519_PRIVATE))
                .handshakeInterceptor(hook).clientSessionStore(tickets).build();
        byte[] server = Rfc8448Trace.stream(Rfc8448Trace.clearRecord(Rfc8448Trace.message("simple-server-hello"), false),
                Rfc8448Trace.S3_SERVER_FLIGHT_RECORD, Rfc8448Trace.S3_NEW_SESSION_TICKET_RECORD,
                Rfc8448Trace.S3_SERVER_APPLICATION_DATA_RECORD, Rfc8448Trace.S3_SERVER_CLOSE_NOTIFY_RECORD);
        byte[] client = Rfc8448Trace.stream(Rfc8448Trace.clearRecord(clientHello, true), Rfc8448Trace.S3_CLIENT_FINISHED_RECORD,
                Rfc8448Trace.S3_CLIENT_APPLICATION_DATA_RECORD, Rfc8448Trace.S3_CLIENT_CLOSE_NOTIFY_RECORD);
        ReplaySocket socket = new ReplaySocket(server, client, () -> NO_CHUNKING);

        try (TlsSocket tls = TlsSocket.client(socket, config)) {
            tls.startHandshake(); // decrypts the server's flight, checks its CertificateVerify and Finished, writes ours
            assertEquals(Rfc8448Trace.serverCertificate(), tls.session().peerCertificates().get(0));
            OutputStream out = tls.getOutputStream();
            out.write(Rfc8448Trace.applicationData());
            out.flush();
            InputStream in = tls.getInputStream();
            assertArrayEquals(Rfc8448Trace.applicationData(), in.readNBytes(50)); // after the NewSessionTicket
            assertEquals(-1, in.read(), "the server's close_notify");
        }
        assertArrayEquals(client, socket.written());
        return hook;
    }

    @Test
    void rfc8448Section3OurServerWritesTheRfcsHandshakeTicketApplicationDataAndCloseNotifyRecordsByteForByte() throws Exception {
        byte[] clientHello = Rfc8448Trace.message("simple-client-hello");
        byte[] serverHello = Rfc8448Trace.message("simple-server-hello");
        MessageSubstitution hook = ResearchExamples.rfc8448Section3Server(serverHello,
                Rfc8448Trace.message("simple-encrypted-extensions"), Rfc8448Trace.message("simple-certificate-verify"),
                Rfc8448Trace.message("simple-new-session-ticket"));
        // our server draws its key share, then its random; then the signature's salt and the ticket's age_add
        TlsConfig config = Rfc8448Sides.rfcServer()
                .ticketProtector(Rfc8448Sides.ticketProtector("rfc 8448 §3 server tickets")).tls13TicketCount(1)
                .random(new Rfc8448Randomness(DeterministicRandomSource.fromLabel("rfc 8448 §3 server, after its hello"),
                        Rfc8448.S3_SERVER_X25519_PRIVATE, Rfc8448Trace.random(serverHello)))
                .handshakeInterceptor(hook).build();
        byte[] client = Rfc8448Trace.stream(Rfc8448Trace.clearRecord(clientHello, true), Rfc8448Trace.S3_CLIENT_FINISHED_RECORD,
                Rfc8448Trace.S3_CLIENT_APPLICATION_DATA_RECORD, Rfc8448Trace.S3_CLIENT_CLOSE_NOTIFY_RECORD);
        byte[] server = Rfc8448Trace.stream(Rfc8448Trace.clearRecord(serverHello, false), Rfc8448Trace.S3_SERVER_FLIGHT_RECORD,
                Rfc8448Trace.S3_NEW_SESSION_TICKET_RECORD, Rfc8448Trace.S3_SERVER_APPLICATION_DATA_RECORD,
                Rfc8448Trace.S3_SERVER_CLOSE_NOTIFY_RECORD);
        ReplaySocket socket = new ReplaySocket(client, server, () -> NO_CHUNKING);

        try (TlsSocket tls = TlsSocket.server(socket, config)) {
            tls.startHandshake(); // checks the RFC's client Finished against our transcript, then sends the ticket
            InputStream in = tls.getInputStream();
            assertArrayEquals(Rfc8448Trace.applicationData(), in.readNBytes(50));
            OutputStream out = tls.getOutputStream();
            out.write(Rfc8448Trace.applicationData());
            out.flush();
            assertEquals(-1, in.read(), "the client's close_notify");
        }
        assertArrayEquals(server, socket.written());
        assertEquals(List.of(HandshakeType.SERVER_HELLO, HandshakeType.ENCRYPTED_EXTENSIONS, HandshakeType.CERTIFICATE_VERIFY,
                HandshakeType.NEW_SESSION_TICKET), Rfc8448Sides.replacedTypes(hook),
                "our Certificate and Finished are the RFC's bytes as our server built them");
    }
}
