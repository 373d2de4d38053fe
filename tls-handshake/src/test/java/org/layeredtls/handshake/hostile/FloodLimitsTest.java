package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.intercept.OpenSslProcess;
import org.layeredtls.handshake.intercept.Pki;
import org.layeredtls.handshake.state.Connection;

/**
 * Records that move nothing forward: a run of warning alerts (OpenSSL: the 5th ends the
 * connection) and a run of empty records (OpenSSL: the 33rd does) get a fatal
 * unexpected_message, from our server as from {@code openssl s_server} fed the same bytes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FloodLimitsTest {

    private static final byte[] WARNING_USER_CANCELED = SurvivalWire.record(SurvivalWire.ALERT, new byte[] {1, 90});
    private static final int UNEXPECTED_MESSAGE = 10;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private TlsServerSocket listener;

    @AfterEach
    void stop() throws IOException {
        if (listener != null) {
            listener.close();
        }
        threads.shutdownNow();
    }

    /** Sends the ClientHello and then {@code alerts} warning alerts (stopping when the peer hangs up); returns the peer's first alert. */
    private byte[] clientHelloThenWarnings(int port, int alerts) throws Exception {
        byte[] hello = SurvivalWire.clientHello(Pki.client().build());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) SurvivalWire.BOUND_MILLIS);
            Future<byte[]> answer = threads.submit(() -> SurvivalWire.firstAlert(socket.getInputStream()));
            OutputStream out = socket.getOutputStream();
            out.write(hello);
            byte[] chunk = new byte[WARNING_USER_CANCELED.length * 1000];
            for (int i = 0; i < 1000; i++) {
                System.arraycopy(WARNING_USER_CANCELED, 0, chunk, i * WARNING_USER_CANCELED.length, WARNING_USER_CANCELED.length);
            }
            try {
                for (int sent = 0; sent < alerts; sent += 1000) {
                    out.write(chunk, 0, Math.min(1000, alerts - sent) * WARNING_USER_CANCELED.length);
                }
                out.flush();
            } catch (IOException peerHungUp) {
                // the expected end of a flood: the peer stopped reading and closed
            }
            return answer.get(SurvivalWire.BOUND_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private Future<Exception> serverHandshake(TlsConfig config) throws IOException {
        listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, config);
        return threads.submit(() -> {
            try (TlsSocket socket = listener.accept()) {
                socket.startHandshake();
                return null;
            } catch (Exception e) {
                return e;
            }
        });
    }

    @Test
    void aMillionWarningAlertsAfterTheClientHelloGetUnexpectedMessageFromOurServer() throws Exception {
        Future<Exception> server = serverHandshake(Pki.server().build());
        byte[] alert = clientHelloThenWarnings(listener.getLocalPort(), 1_000_000);
        SurvivalWire.assertFatal(UNEXPECTED_MESSAGE, alert, "our server after a warning alert flood");
        TlsAlertException sent = assertInstanceOf(TlsAlertException.class, server.get(SurvivalWire.BOUND_MILLIS, TimeUnit.MILLISECONDS));
        assertTrue(sent.getMessage().contains("5 warning alerts in a row"), sent.getMessage());
    }

    @Test
    void openSslServerAnswersTheSameFloodWithUnexpectedMessageToo() throws Exception {
        try (OpenSslProcess server = OpenSslProcess.server("-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString(), "-www")) {
            byte[] alert = clientHelloThenWarnings(server.port(), 1_000_000);
            SurvivalWire.assertFatal(UNEXPECTED_MESSAGE, alert, "openssl s_server after a warning alert flood");
            server.awaitOutput("too many warn alerts");
        }
    }

    @Test
    void fourWarningAlertsInARowAreStillAcceptedAsOpenSslDoes() throws Exception {
        Future<Exception> server = serverHandshake(Pki.server().handshakeTimeout(java.time.Duration.ofSeconds(2)).build());
        byte[] alert = clientHelloThenWarnings(listener.getLocalPort(), 4);
        // No flood alert: the handshake only ends when its (short) timeout fires.
        SurvivalWire.assertFatal(AlertDescription.HANDSHAKE_FAILURE.code(), alert, "our server after four warnings");
        assertInstanceOf(TlsAlertException.class, server.get(SurvivalWire.BOUND_MILLIS, TimeUnit.MILLISECONDS));
    }

    @Test
    void theWarningAlertLimitIsATlsConfigKnob() throws Exception {
        Future<Exception> server = serverHandshake(Pki.server().warningAlertLimit(2).build());
        SurvivalWire.assertFatal(UNEXPECTED_MESSAGE, clientHelloThenWarnings(listener.getLocalPort(), 2), "limit 2");
        assertTrue(server.get(SurvivalWire.BOUND_MILLIS, TimeUnit.MILLISECONDS).getMessage().contains("2 warning alerts in a row"));
    }

    /** Our client as a raw Connection, which can write empty application-data records. */
    private static Connection connection(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) SurvivalWire.BOUND_MILLIS);
        Connection connection = new Connection(socket, Pki.client().build(), true);
        connection.setPeer("localhost", port);
        connection.handshake();
        return connection;
    }

    private static void writeEmptyRecords(Connection connection, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            connection.write(new byte[0], 0, 0);
        }
    }

    @Test
    void thirtyThreeEmptyRecordsInARowGetUnexpectedMessageFromOurServer() throws Exception {
        listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, Pki.server().build());
        Future<Exception> server = threads.submit(() -> {
            try (TlsSocket socket = listener.accept()) {
                return assertThrows(TlsAlertException.class, () -> socket.getInputStream().read());
            }
        });
        Connection client = connection(listener.getLocalPort());
        writeEmptyRecords(client, 33);
        TlsAlertReceivedException received = assertThrows(TlsAlertReceivedException.class, () -> client.read(new byte[1], 0, 1));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, received.alert().description());
        assertTrue(server.get(SurvivalWire.BOUND_MILLIS, TimeUnit.MILLISECONDS).getMessage().contains("33 empty records in a row"));
    }

    @Test
    void thirtyTwoEmptyRecordsAndThenDataAreAccepted() throws Exception {
        listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, Pki.server().build());
        Future<Integer> server = threads.submit(() -> {
            try (TlsSocket socket = listener.accept()) {
                return socket.getInputStream().read();
            }
        });
        Connection client = connection(listener.getLocalPort());
        writeEmptyRecords(client, 32);
        client.write(new byte[] {7}, 0, 1);
        assertEquals(7, server.get(SurvivalWire.BOUND_MILLIS, TimeUnit.MILLISECONDS));
        client.close();
    }

    @Test
    void openSslServerAnswersThirtyThreeEmptyRecordsWithUnexpectedMessageToo() throws Exception {
        try (OpenSslProcess server = OpenSslProcess.server("-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString())) {
            Connection client = connection(server.port());
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
