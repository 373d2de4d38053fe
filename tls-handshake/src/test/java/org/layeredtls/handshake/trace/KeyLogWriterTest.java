package org.layeredtls.handshake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeMessage;

class KeyLogWriterTest {

    private static final Pattern LINE = Pattern.compile("CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}");

    /** Remembers the ClientHello's exact bytes as sent. */
    static final class ClientHelloBytes implements TlsObserver {
        volatile byte[] bytes;

        @Override
        public void handshakeMessageSent(HandshakeMessage message, byte[] exact) {
            if (message instanceof ClientHello) {
                bytes = exact.clone();
            }
        }
    }

    @Test
    void writesClientRandomFromTheClientHelloBytesAndTheMasterSecretOnBothSides() throws Exception {
        StringWriter clientLog = new StringWriter();
        StringWriter serverLog = new StringWriter();
        ClientHelloBytes hello = new ClientHelloBytes();
        byte[][] masterSecret = new byte[1][];
        TlsObserver secretSpy = new TlsObserver() {
            @Override
            public void masterSecretDerived(byte[] clientRandom, byte[] secret) {
                masterSecret[0] = secret.clone();
            }
        };
        try (TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0,
                Tls12Pki.server().observer(new KeyLogWriter(serverLog)).build())) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                try (TlsSocket s = listener.accept()) {
                    s.startHandshake();
                    s.getInputStream().read();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (TlsSocket client = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), Tls12Pki.client()
                    .observer(TlsObservers.of(new KeyLogWriter(clientLog), hello, secretSpy)).build())) {
                client.startHandshake();
            }
            server.get(30, TimeUnit.SECONDS);
        }
        // handshake header (4) + client_version (2), then the 32-byte random (RFC 5246 §7.4.1.2)
        byte[] random = Arrays.copyOfRange(hello.bytes, 6, 38);
        String expected = "CLIENT_RANDOM " + HexFormat.of().formatHex(random) + " " + HexFormat.of().formatHex(masterSecret[0]) + "\n";
        assertEquals(expected, clientLog.toString());
        assertEquals(expected, serverLog.toString());
        assertTrue(LINE.matcher(expected.strip()).matches());
    }

    @Test
    void writesTheSameLineAsOpenSslClientKeylogfileForTheSameSession(@TempDir Path dir) throws Exception {
        Path opensslLog = dir.resolve("openssl.keys");
        Path ourLog = dir.resolve("ours.keys");
        try (KeyLogWriter keyLog = KeyLogWriter.appendingTo(ourLog);
             TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0,
                     Tls12Pki.server().observer(keyLog).build());
             OpenSslProcess client = OpenSslProcess.client(listener.getLocalPort(), "-tls1_2",
                     "-CAfile", Pki.caPem().toString(), "-keylogfile", opensslLog.toString())) {
            try (TlsSocket s = listener.accept()) {
                s.socket().setSoTimeout((int) OpenSslProcess.TIMEOUT_MILLIS);
                s.startHandshake();
                client.awaitOutput("Verify return code");
                client.closeInput();
                s.getInputStream().read();
            }
            assertTrue(client.awaitExit(OpenSslProcess.TIMEOUT_MILLIS));
        }
        List<String> theirs = Files.readAllLines(opensslLog).stream().filter(l -> !l.startsWith("#")).toList();
        List<String> ours = Files.readAllLines(ourLog);
        assertEquals(1, ours.size());
        assertTrue(LINE.matcher(ours.get(0)).matches(), ours.get(0));
        assertNotNull(theirs);
        assertEquals(theirs, ours);
    }
}
