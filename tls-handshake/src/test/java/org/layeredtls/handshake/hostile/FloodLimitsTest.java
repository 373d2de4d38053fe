package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.alert.Alert;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.AlertLevel;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.engine.SocketDriver;
import org.layeredtls.handshake.engine.TlsEngine;
import org.layeredtls.handshake.testing.HandshakeServer;
import org.layeredtls.handshake.testing.RawPeer;
import org.layeredtls.handshake.testing.Reply;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;

/**
 * Records that move nothing forward: a run of warning alerts (OpenSSL: the 5th ends the
 * connection) and a run of empty records (OpenSSL: the 33rd does) get a fatal
 * unexpected_message, from our server as from {@code openssl s_server} fed the same bytes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FloodLimitsTest {

    private static final byte[] WARNING_USER_CANCELED = RawPeer.record(ContentType.ALERT, ProtocolVersion.TLS1_2,
            new Alert(AlertLevel.WARNING, AlertDescription.USER_CANCELED).encode());
    private static final AlertDescription UNEXPECTED_MESSAGE = AlertDescription.UNEXPECTED_MESSAGE;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private HandshakeServer listener;

    @AfterEach
    void stop() throws IOException {
        if (listener != null) {
            listener.close();
        }
        threads.shutdownNow();
    }

    /** Sends the ClientHello and then {@code alerts} warning alerts (stopping when the peer hangs up); returns the peer's answer, to its first alert. */
    private Reply clientHelloThenWarnings(int port, int alerts) throws Exception {
        byte[] hello = CapturedClientHello.of(Tls12Pki.client().build());
        try (RawPeer peer = RawPeer.connect(port)) {
            Future<Reply> answer = threads.submit(() -> peer.awaitAlert(HandshakeServer.BOUND));
            peer.send(hello);
            byte[] chunk = new byte[WARNING_USER_CANCELED.length * 1000];
            for (int i = 0; i < 1000; i++) {
                System.arraycopy(WARNING_USER_CANCELED, 0, chunk, i * WARNING_USER_CANCELED.length, WARNING_USER_CANCELED.length);
            }
            try {
                for (int sent = 0; sent < alerts; sent += 1000) {
                    peer.send(Arrays.copyOf(chunk, Math.min(1000, alerts - sent) * WARNING_USER_CANCELED.length));
                }
            } catch (IOException peerHungUp) {
                // the expected end of a flood: the peer stopped reading and closed
            }
            return HandshakeServer.await(answer);
        }
    }

    private Future<HandshakeServer.Outcome> serverHandshake(TlsConfig config) throws IOException {
        listener = HandshakeServer.bind(config);
        return listener.acceptOne();
    }

    @Test
    void aMillionWarningAlertsAfterTheClientHelloGetUnexpectedMessageFromOurServer() throws Exception {
        Future<HandshakeServer.Outcome> server = serverHandshake(Tls12Pki.server().build());
        Reply answer = clientHelloThenWarnings(listener.port(), 1_000_000);
        answer.assertFatal(UNEXPECTED_MESSAGE, "our server after a warning alert flood");
        TlsAlertException sent = assertInstanceOf(TlsAlertException.class, HandshakeServer.failureOf(server));
        assertTrue(sent.getMessage().contains("5 warning alerts in a row"), sent.getMessage());
    }

    @Test
    void openSslServerAnswersTheSameFloodWithUnexpectedMessageToo() throws Exception {
        try (OpenSslProcess server = OpenSslProcess.server("-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString(), "-www")) {
            Reply answer = clientHelloThenWarnings(server.port(), 1_000_000);
            answer.assertFatal(UNEXPECTED_MESSAGE, "openssl s_server after a warning alert flood");
            server.awaitOutput("too many warn alerts");
        }
    }

    @Test
    void fourWarningAlertsInARowAreStillAcceptedAsOpenSslDoes() throws Exception {
        Future<HandshakeServer.Outcome> server = serverHandshake(Tls12Pki.server().handshakeTimeout(java.time.Duration.ofSeconds(2)).build());
        Reply answer = clientHelloThenWarnings(listener.port(), 4);
        // No flood alert: the handshake only ends when its (short) timeout fires.
        answer.assertFatal(AlertDescription.HANDSHAKE_FAILURE, "our server after four warnings");
        assertInstanceOf(TlsAlertException.class, HandshakeServer.failureOf(server));
    }

    @Test
    void theWarningAlertLimitIsATlsConfigKnob() throws Exception {
        Future<HandshakeServer.Outcome> server = serverHandshake(Tls12Pki.server().warningAlertLimit(2).build());
        clientHelloThenWarnings(listener.port(), 2).assertFatal(UNEXPECTED_MESSAGE, "limit 2");
        assertTrue(HandshakeServer.failureOf(server).getMessage().contains("2 warning alerts in a row"));
    }

    /** Our client as a raw SocketDriver, which can write empty application-data records. */
    private static SocketDriver connection(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) HandshakeServer.BOUND.toMillis());
        SocketDriver connection = new SocketDriver(socket, TlsEngine.client(Tls12Pki.client().build(), "localhost", port));
        connection.handshake();
        return connection;
    }

    private static void writeEmptyRecords(SocketDriver connection, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            connection.write(new byte[0], 0, 0);
        }
    }

    @Test
    void thirtyThreeEmptyRecordsInARowGetUnexpectedMessageFromOurServer() throws Exception {
        listener = HandshakeServer.bind(Tls12Pki.server().build());
        Future<TlsAlertException> server = listener.accept(socket -> assertThrows(TlsAlertException.class, () -> socket.getInputStream().read()));
        SocketDriver client = connection(listener.port());
        writeEmptyRecords(client, 33);
        TlsAlertReceivedException received = assertThrows(TlsAlertReceivedException.class, () -> client.read(new byte[1], 0, 1));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, received.alert().description());
        assertTrue(HandshakeServer.await(server).getMessage().contains("33 empty records in a row"));
    }

    @Test
    void thirtyTwoEmptyRecordsAndThenDataAreAccepted() throws Exception {
        listener = HandshakeServer.bind(Tls12Pki.server().build());
        Future<Integer> server = listener.accept(socket -> socket.getInputStream().read());
        SocketDriver client = connection(listener.port());
        writeEmptyRecords(client, 32);
        client.write(new byte[] {7}, 0, 1);
        assertEquals(7, HandshakeServer.await(server));
        client.close();
    }

    @Test
    void openSslServerAnswersThirtyThreeEmptyRecordsWithUnexpectedMessageToo() throws Exception {
        try (OpenSslProcess server = OpenSslProcess.server("-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString())) {
            SocketDriver client = connection(server.port());
            writeEmptyRecords(client, 33);
            TlsAlertReceivedException received = assertThrows(TlsAlertReceivedException.class, () -> client.read(new byte[1], 0, 1));
            assertEquals(AlertDescription.UNEXPECTED_MESSAGE, received.alert().description());
            server.awaitOutput("record too small");
        }
    }

    @Test
    void limitsRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> TlsConfig.builder().warningAlertLimit(0));
        assertThrows(IllegalArgumentException.class, () -> TlsConfig.builder().emptyRecordLimit(0));
        assertArrayEquals(new int[] {5, 32}, new int[] {TlsConfig.builder().build().warningAlertLimit(),
                TlsConfig.builder().build().emptyRecordLimit()});
    }
}
