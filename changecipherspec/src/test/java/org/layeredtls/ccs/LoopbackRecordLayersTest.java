package org.layeredtls.ccs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.record.BulkCipherAlgorithm;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.CipherType;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.MacAlgorithm;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.RecordObserver;
import org.layeredtls.record.TLSCiphertext;
import org.layeredtls.record.TLSCompressed;
import org.layeredtls.record.TLSPlaintext;
import org.layeredtls.record.TrafficKeys;

/**
 * Two record layers over a real loopback socket: data in the clear, ChangeCipherSpec switching
 * each direction to new keys mid-stream, protected data both ways, and alerts closing the
 * connection — the three lower layers of SSL working together without a handshake.
 */
class LoopbackRecordLayersTest {

    private static final java.security.SecureRandom SECURE_RANDOM = new java.security.SecureRandom();
    private static final RandomSource RANDOM = (out, offset, length) -> {
        byte[] bytes = new byte[length];
        SECURE_RANDOM.nextBytes(bytes);
        System.arraycopy(bytes, 0, out, offset, length);
    };

    private ServerSocket listener;
    private ExecutorService serverThread;

    @BeforeEach
    void listen() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        serverThread = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void stop() throws IOException {
        listener.close();
        serverThread.shutdownNow();
    }

    static Stream<Arguments> protections() {
        return Stream.of(
                Arguments.of(ProtocolVersion.TLS1_2, CipherSpec.of(BulkCipherAlgorithm.AES_128_GCM, MacAlgorithm.NULL), CompressionMethod.NULL),
                Arguments.of(ProtocolVersion.TLS1_2, CipherSpec.of(BulkCipherAlgorithm.CHACHA20_POLY1305, MacAlgorithm.NULL), CompressionMethod.NULL),
                Arguments.of(ProtocolVersion.TLS1_2, new CipherSpec(BulkCipherAlgorithm.AES_256_CBC, MacAlgorithm.HMAC_SHA256, true), CompressionMethod.NULL),
                Arguments.of(ProtocolVersion.TLS1_1, CipherSpec.of(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1), CompressionMethod.DEFLATE),
                Arguments.of(ProtocolVersion.TLS1_0, CipherSpec.of(BulkCipherAlgorithm.TRIPLE_DES_EDE_CBC, MacAlgorithm.HMAC_SHA1), CompressionMethod.NULL),
                Arguments.of(ProtocolVersion.SSL3_0, CipherSpec.of(BulkCipherAlgorithm.RC4_128, MacAlgorithm.HMAC_MD5), CompressionMethod.NULL),
                Arguments.of(ProtocolVersion.TLS1_2, CipherSpec.of(BulkCipherAlgorithm.NULL, MacAlgorithm.HMAC_SHA1), CompressionMethod.DEFLATE));
    }

    /** Keys of the right sizes for a cipher; TLS 1.1+ CBC takes no IV from the key block (RFC 4346 §6.3). */
    static TrafficKeys keysFor(ProtocolVersion version, CipherSpec spec) {
        BulkCipherAlgorithm bulk = spec.bulkCipher();
        int ivLength = bulk.type() == CipherType.BLOCK && version.hasExplicitIv() ? 0 : bulk.fixedIvLength();
        return new TrafficKeys(RANDOM.nextBytes(spec.mac().macLength()), RANDOM.nextBytes(bulk.keyLength()),
                RANDOM.nextBytes(ivLength));
    }

    /** The pair of states for one direction: the writer's and the reader's, from the same keys. */
    static ConnectionState[] statePair(ProtocolVersion version, CipherSpec spec, CompressionMethod compression) {
        TrafficKeys keys = keysFor(version, spec);
        CryptoProvider crypto = CryptoProvider.defaultProvider();
        return new ConnectionState[] {
                ConnectionState.create(version, spec, keys, compression, true, crypto, RANDOM),
                ConnectionState.create(version, spec, keys, compression, false, crypto, RANDOM)};
    }

    private <T> Future<T> server(Callable<T> body) {
        return serverThread.submit(body);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @MethodSource("protections")
    void changeCipherSpecSwitchesEachDirectionMidStreamAndCloseNotifyEndsBoth(
            ProtocolVersion version, CipherSpec spec, CompressionMethod compression) throws Exception {
        ConnectionState[] clientToServer = statePair(version, spec, compression);
        ConnectionState[] serverToClient = statePair(version, spec, compression);
        byte[] secret = ascii("GET /secret HTTP/1.1\r\n\r\n".repeat(900)); // more than one record

        List<TLSCiphertext> protectedOnTheWire = Collections.synchronizedList(new ArrayList<>());
        Future<List<String>> serverLog = server(() -> {
            List<String> log = new ArrayList<>();
            try (Peer server = new Peer(listener.accept())) {
                server.records.setWriteVersion(version);
                server.records.setPendingReadState(clientToServer[1]);
                server.records.setObserver(new RecordObserver() {
                    @Override
                    public void recordRead(long seq, TLSCiphertext c, TLSCompressed z, TLSPlaintext p) {
                        if (p.type() == ContentType.APPLICATION_DATA && server.records.readState() == clientToServer[1]) {
                            protectedOnTheWire.add(c);
                        }
                    }
                });
                log.add("clear: " + new String(server.next().fragment(), StandardCharsets.US_ASCII));
                TLSPlaintext finished = server.next();
                log.add("handshake after CCS: " + new String(finished.fragment(), StandardCharsets.US_ASCII));
                server.records.setPendingWriteState(serverToClient[0]);
                server.ccs.send();
                server.send(ContentType.HANDSHAKE, ascii("server finished"));
                java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
                while (data.size() < secret.length) {
                    data.writeBytes(server.next().fragment());
                }
                server.send(ContentType.APPLICATION_DATA, ascii("echo " + data.size()));
                log.add("data: " + data.size() + " bytes, equal=" + java.util.Arrays.equals(secret, data.toByteArray()));
                // The client's close_notify ends its direction; the alert layer answers it and closes.
                log.add("end of data: " + (server.next() == null));
                log.add("inbound closed: " + server.alerts.isInboundClosed());
            }
            return log;
        });

        try (Peer client = new Peer(new Socket(listener.getInetAddress(), listener.getLocalPort()))) {
            client.records.setWriteVersion(version);
            client.send(ContentType.APPLICATION_DATA, ascii("hello in the clear"));
            client.records.setPendingWriteState(clientToServer[0]);
            client.records.setPendingReadState(serverToClient[1]);
            client.ccs.send();
            client.send(ContentType.HANDSHAKE, ascii("client finished"));
            TLSPlaintext serverFinished = client.next();
            assertEquals("server finished", new String(serverFinished.fragment(), StandardCharsets.US_ASCII));
            assertTrue(client.records.readState() == serverToClient[1], "the server's CCS switched our read state");
            client.send(ContentType.APPLICATION_DATA, secret);
            assertEquals("echo " + secret.length, new String(client.next().fragment(), StandardCharsets.US_ASCII));
            client.alerts.sendCloseNotify();
            assertNull(client.next(), "the server answers our close_notify with its own");
            assertTrue(client.alerts.isInboundClosed());
            assertFalse(client.sessionInvalidated);
        }

        List<String> log = serverLog.get(20, TimeUnit.SECONDS);
        assertEquals(List.of("clear: hello in the clear", "handshake after CCS: client finished",
                "data: " + secret.length + " bytes, equal=true", "end of data: true", "inbound closed: true"), log);
        assertTrue(protectedOnTheWire.size() >= 2, "the secret took several records");
        for (TLSCiphertext c : protectedOnTheWire) {
            assertFalse(new String(c.fragment(), StandardCharsets.US_ASCII).contains("GET /secret"),
                    "application data after CCS is protected on the wire");
        }
    }

    @Test
    void aFlippedBitInAProtectedRecordIsAnsweredWithBadRecordMacAndClosesTheConnection() throws Exception {
        ProtocolVersion version = ProtocolVersion.TLS1_2;
        CipherSpec spec = CipherSpec.of(BulkCipherAlgorithm.AES_128_GCM, MacAlgorithm.NULL);
        ConnectionState[] clientToServer = statePair(version, spec, CompressionMethod.NULL);

        Future<TlsAlertException> serverError = server(() -> {
            try (Peer server = new Peer(listener.accept())) {
                server.records.setPendingReadState(clientToServer[1]);
                return assertThrows(TlsAlertException.class, server::next);
            }
        });

        Socket socket = new Socket(listener.getInetAddress(), listener.getLocalPort());
        FlipBitOnce tamper = new FlipBitOnce(socket.getOutputStream());
        try (Peer client = new Peer(socket, tamper)) {
            client.records.setPendingWriteState(clientToServer[0]);
            client.ccs.send();
            tamper.armed = true;
            client.send(ContentType.APPLICATION_DATA, ascii("transfer 100 EUR"));
            TlsAlertReceivedException received = assertThrows(TlsAlertReceivedException.class, client::next);
            assertEquals(AlertDescription.BAD_RECORD_MAC, received.description());
            assertTrue(client.sessionInvalidated);
        }
        assertEquals(AlertDescription.BAD_RECORD_MAC, serverError.get(20, TimeUnit.SECONDS).description());
    }

    @Test
    void aChangeCipherSpecBeforeTheKeysExistIsAnsweredWithUnexpectedMessage() throws Exception {
        Future<TlsAlertException> serverError = server(() -> {
            try (Peer server = new Peer(listener.accept())) {
                return assertThrows(TlsAlertException.class, server::next);
            }
        });
        try (Peer client = new Peer(new Socket(listener.getInetAddress(), listener.getLocalPort()))) {
            client.send(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1});
            TlsAlertReceivedException received = assertThrows(TlsAlertReceivedException.class, client::next);
            assertEquals(AlertDescription.UNEXPECTED_MESSAGE, received.description());
        }
        TlsAlertException sent = serverError.get(20, TimeUnit.SECONDS);
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, sent.description());
        assertNotEquals(0, sent.getMessage().length());
    }

    /** Flips one bit in the last byte of the next record written once armed. */
    static final class FlipBitOnce extends FilterOutputStream {
        volatile boolean armed;

        FlipBitOnce(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (armed) {
                armed = false;
                byte[] copy = java.util.Arrays.copyOfRange(b, off, off + len);
                copy[len - 1] ^= 0x01;
                out.write(copy, 0, len);
            } else {
                out.write(b, off, len);
            }
        }
    }
}
