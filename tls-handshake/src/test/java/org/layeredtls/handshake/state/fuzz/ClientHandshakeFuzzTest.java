package org.layeredtls.handshake.state.fuzz;

import java.io.EOFException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.layeredtls.alert.TlsException;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.engine.SocketDriver;
import org.layeredtls.handshake.engine.TlsEngine;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.handshake.research.OfflineSocket;

/**
 * Fuzzes the client's side of the handshake: the input is what a server sends, played into a
 * client {@link SocketDriver} (a {@link TlsEngine} over a socket) over an {@link OfflineSocket} after it has sent its ClientHello. The
 * client offers everything the stack has (SSL 3.0 to TLS 1.2, every suite, DEFLATE, tickets) and
 * holds a certificate for a CertificateRequest; it trusts the recorded conversations' CA and
 * expects {@code localhost}. The rule: the handshake ends with a {@link TlsException} (an alert
 * sent or received) or an {@link EOFException} (the input ran out); nothing else escapes.
 */
class ClientHandshakeFuzzTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    static final Certificate CA = RecordedPki.certificate("ca");
    static final Certificate CLIENT_RSA = RecordedPki.certificate("client-rsa");
    static final PrivateKey CLIENT_RSA_KEY = RecordedPki.privateKey("client-rsa");

    @FuzzTest
    void clientHandshakeRaisesOnlyAlertsOrEof(byte[] input) throws IOException {
        TlsConfig config = TlsConfig.builder()
                .versions(ProtocolVersion.SSL3_0, ProtocolVersion.TLS1_2)
                .cipherSuites(List.of(CipherSuite.values()))
                .compression(CompressionMethod.NULL, CompressionMethod.DEFLATE)
                .certificate(List.of(CLIENT_RSA), CLIENT_RSA_KEY)
                .trustAnchors(List.of(CA))
                .serverName("localhost")
                .sessionTickets(true)
                .minDhBits(1024)
                .random(DeterministicRandomSource.fromLabel("client handshake fuzz"))
                .clock(CLOCK)
                .build();
        SocketDriver client = new SocketDriver(OfflineSocket.reading(input, 0, input.length), TlsEngine.client(config, "127.0.0.1", 4433));
        try {
            client.handshake();
        } catch (TlsException | EOFException expected) {
            // the two ways a hostile server's bytes may end a handshake
        }
    }
}
