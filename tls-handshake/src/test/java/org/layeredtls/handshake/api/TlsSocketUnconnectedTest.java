package org.layeredtls.handshake.api;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;

import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.research.OfflineSocket;

/**
 * Issue 13: TlsSocket.client on a socket that is not connected threw a NullPointerException. Now a
 * socket with no address (a subclass over pipes, say) takes the configured server name, or the
 * peer given; without either the error says what is missing.
 */
class TlsSocketUnconnectedTest {

    /** A socket over pipes, with no address: its peer says nothing and ends its stream. */
    private static OfflineSocket withoutAddress() {
        return new OfflineSocket() {
            @Override
            public InputStream getInputStream() {
                return InputStream.nullInputStream();
            }

            @Override
            public OutputStream getOutputStream() {
                return OutputStream.nullOutputStream();
            }

            @Override
            public InetAddress getInetAddress() {
                return null;
            }

            @Override
            public int getPort() {
                return 0;
            }
        };
    }

    @Test
    void aClientOnASocketWithoutAddressOrServerNameIsAClearIOException() {
        IOException e = assertThrows(IOException.class,
                () -> TlsSocket.client(withoutAddress(), TestCertificates.client().serverName(null).build()));
        assertTrue(e.getMessage().contains("not connected and no server name is configured"), e.getMessage());
    }

    @Test
    void aClientOnASocketWithoutAddressRunsItsHandshakeForTheConfiguredServerName() throws IOException {
        TlsSocket tls = TlsSocket.client(withoutAddress(), TestCertificates.client().build());
        // The handshake runs (and meets the end of the pipe): no NullPointerException on the way.
        TlsAlertException ended = assertThrows(TlsAlertException.class, tls::startHandshake);
        assertSame(AlertDescription.DECODE_ERROR, ended.description());
    }

    @Test
    void aClientOnASocketWithoutAddressMayBeGivenItsPeer() throws IOException {
        TlsSocket tls = TlsSocket.client(withoutAddress(), "localhost", 443, TestCertificates.client().serverName(null).build());
        assertSame(AlertDescription.DECODE_ERROR, assertThrows(TlsAlertException.class, tls::startHandshake).description());
    }

    @Test
    void aPlainSocketMayBeConnectedAfterTheTlsSocketIsMadeAndSaysSoOtherwise() throws IOException {
        try (Socket notYet = new Socket()) {
            TlsSocket tls = TlsSocket.client(notYet, "localhost", 443, TestCertificates.client().build());
            SocketException e = assertThrows(SocketException.class, tls::startHandshake);
            assertTrue(e.getMessage().contains("not connected"), e.getMessage());
        }
    }
}
