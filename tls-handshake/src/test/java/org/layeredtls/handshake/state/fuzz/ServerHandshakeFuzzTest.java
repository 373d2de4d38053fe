package org.layeredtls.handshake.state.fuzz;

import java.io.EOFException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.layeredtls.alert.TlsException;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.session.InMemorySessionCache;
import org.layeredtls.handshake.engine.SocketDriver;
import org.layeredtls.handshake.engine.TlsEngine;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.handshake.research.OfflineSocket;

/**
 * Fuzzes the server's side of the handshake, from the first byte of the ClientHello on: the input
 * is what a client sends, played into a server {@link SocketDriver} (a {@link TlsEngine} over a socket) over an {@link OfflineSocket}
 * (the server's answers go nowhere). The server is as permissive as the stack allows (SSL 3.0 to
 * TLS 1.2, every suite, DEFLATE, tickets, a session cache) so that as much of the server path as
 * possible is reachable. The rule: the handshake ends with a {@link TlsException} (an alert sent
 * or received) or an {@link EOFException} (the input ran out); nothing else escapes.
 *
 * <p>Input: {@code mode || client bytes}; {@code mode} bit 0 makes the server require a client
 * certificate (so that the client's Certificate and CertificateVerify are parsed).
 */
class ServerHandshakeFuzzTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    static final Certificate CA = RecordedPki.certificate("ca");
    static final Certificate SERVER_RSA = RecordedPki.certificate("server-rsa");
    static final Certificate SERVER_EC = RecordedPki.certificate("server-ec");
    static final PrivateKey SERVER_RSA_KEY = RecordedPki.privateKey("server-rsa");
    static final PrivateKey SERVER_EC_KEY = RecordedPki.privateKey("server-ec");

    @FuzzTest
    void serverHandshakeRaisesOnlyAlertsOrEof(byte[] input) throws IOException {
        if (input.length < 1) {
            return;
        }
        TlsConfig config = TlsConfig.builder()
                .versions(ProtocolVersion.SSL3_0, ProtocolVersion.TLS1_2)
                .cipherSuites(List.of(CipherSuite.values()))
                .compression(CompressionMethod.NULL, CompressionMethod.DEFLATE)
                .certificate(List.of(SERVER_RSA), SERVER_RSA_KEY)
                .certificate(List.of(SERVER_EC), SERVER_EC_KEY)
                .trustAnchors(List.of(CA))
                .clientAuth((input[0] & 1) != 0 ? ClientAuth.NEED : ClientAuth.NONE)
                .sessionTickets(true)
                .sessionCache(new InMemorySessionCache(4, Duration.ofHours(1), CLOCK))
                .minDhBits(1024)
                .random(DeterministicRandomSource.fromLabel("server handshake fuzz"))
                .clock(CLOCK)
                .build();
        SocketDriver server = new SocketDriver(OfflineSocket.reading(input, 1, input.length - 1), TlsEngine.server(config));
        try {
            server.handshake();
        } catch (TlsException | EOFException expected) {
            // the two ways a hostile client's bytes may end a handshake
        }
    }
}
