package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.testing.HandshakeServer;

/**
 * The peer's stream ends before the handshake completes. RFC 5246 names no alert; OpenSSL 3.0's answer is
 * the reference: a fatal decode_error ("unexpected eof while reading"), whether the peer sent nothing,
 * stopped inside a record, or stopped between the records of an unfinished handshake. Before, our server
 * answered each with a warning close_notify, as if the connection had ended in order. Each case is sent to
 * {@code openssl s_server} too, which must answer it alike (with its TLS 1.2 record version).
 */
@Timeout(60)
class StreamEndsDuringHandshakeTest {

    private static final int TIMEOUT_MILLIS = 10_000;
    private static final byte[] FATAL_DECODE_ERROR_TLS10 = {21, 3, 1, 0, 2, 2, 50};
    private static final byte[] FATAL_DECODE_ERROR_TLS12 = {21, 3, 3, 0, 2, 2, 50};

    @Test
    void aPeerThatSendsNothingGetsAFatalDecodeError() throws Exception {
        assertDecodeErrorFromUsAndFromOpenSsl(new byte[0]);
    }

    @Test
    void aRecordCutShortGetsAFatalDecodeError() throws Exception {
        // A handshake record announcing 64 bytes, of which 3 arrive.
        assertDecodeErrorFromUsAndFromOpenSsl(new byte[] {22, 3, 1, 0, 64, 1, 0, 0});
    }

    @Test
    void aHandshakeMessageLeftUnfinishedAtARecordBoundaryGetsAFatalDecodeError() throws Exception {
        // A whole record holding the first 6 bytes of a ClientHello that announces 100.
        assertDecodeErrorFromUsAndFromOpenSsl(new byte[] {22, 3, 1, 0, 6, 1, 0, 0, 100, 3, 3});
    }

    private void assertDecodeErrorFromUsAndFromOpenSsl(byte[] bytes) throws Exception {
        Exchange exchange = exchange(bytes);
        assertArrayEquals(FATAL_DECODE_ERROR_TLS10, exchange.answer());
        TlsAlertException failure = assertInstanceOf(TlsAlertException.class, exchange.serverFailure());
        assertEquals(AlertDescription.DECODE_ERROR, failure.description());
        try (OpenSslReference openssl = OpenSslReference.start()) {
            assertArrayEquals(FATAL_DECODE_ERROR_TLS12, sendAndReadToEnd(openssl.port(), bytes), openssl::log);
        }
    }

    private record Exchange(byte[] answer, Throwable serverFailure) {
    }

    /** Sends {@code bytes}, ends the stream, and returns all the server wrote and how its handshake failed. */
    private static Exchange exchange(byte[] bytes) throws Exception {
        try (HandshakeServer listener = HandshakeServer.bind(Tls12Pki.server().build(), Duration.ofMillis(TIMEOUT_MILLIS))) {
            Future<HandshakeServer.Outcome> server = listener.acceptOne();
            byte[] answer = sendAndReadToEnd(listener.port(), bytes);
            return new Exchange(answer, server.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).failure());
        }
    }

    /** Sends {@code bytes}, half-closes, and returns all the server writes until it closes. */
    private static byte[] sendAndReadToEnd(int port, byte[] bytes) throws IOException {
        try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), port)) {
            peer.setSoTimeout(TIMEOUT_MILLIS);
            peer.getOutputStream().write(bytes);
            peer.shutdownOutput();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            peer.getInputStream().transferTo(all);
            return all.toByteArray();
        }
    }
}
