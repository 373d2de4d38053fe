package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layeredtls.alert.Alert;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.AlertLevel;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.handshake.extension.EcPointFormat;
import org.layeredtls.handshake.extension.EcPointFormats;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.handshake.testing.RawPeer;
import org.layeredtls.handshake.testing.Reply;

/**
 * The hostile and unusual first flights, each sent by a {@link RawPeer}: every test checks the exact
 * alert (or the exact answer) and then that a normal client is served right after by the same server. The
 * subclasses run them against the {@code layeredtls server} process, a {@code TlsServerSocket} in this JVM,
 * and {@code openssl s_server} (the reference: where OpenSSL answers alike, its run passes too).
 */
abstract class HostileHelloScenarios {

    static final Duration BOUND = RawPeer.BOUND;

    /** The server under test at its default security level (2), started if it is not running. */
    abstract ServerUnderTest server() throws Exception;

    /** The same server at security level 0 (as OpenSSL's {@code @SECLEVEL=0}): SHA-1 and the RFC 5246 defaults allowed. */
    abstract ServerUnderTest levelZeroServer() throws Exception;

    private Reply exchange(byte[] bytes) throws Exception {
        return exchange(server(), bytes);
    }

    private Reply exchange(ServerUnderTest server, byte[] bytes) throws Exception {
        try (RawPeer peer = RawPeer.connect(server.port())) {
            peer.send(bytes);
            return peer.awaitHandshake(HandshakeType.SERVER_HELLO_DONE, BOUND);
        }
    }

    private Reply hello(Hello hello) throws Exception {
        return exchange(RawPeer.record(ContentType.HANDSHAKE, ProtocolVersion.TLS1_0, hello.bytes()));
    }

    private void assertFatal(AlertDescription expected, Reply reply) throws Exception {
        assertTrue(reply.isFatal(expected), () -> {
            try {
                return "expected fatal " + expected.rfcName() + ", got " + reply + "\n" + server().log();
            } catch (Exception e) {
                return e.toString();
            }
        });
    }

    private void assertServerHello(ProtocolVersion version, Reply reply) throws Exception {
        assertTrue(reply.serverHello().isPresent() && reply.alerts().isEmpty(), () -> "expected a ServerHello, got " + reply);
        assertEquals(version, reply.serverHello().get().serverVersion(), reply::toString);
        assertTrue(reply.handshakeTypes().contains(HandshakeType.SERVER_HELLO_DONE), reply::toString);
    }

    // --- one stray connection must not stop the server ---

    @Test
    void aPortProbeThatConnectsAndClosesLeavesTheServerServing() throws Exception {
        RawPeer.connect(server().port()).close();
        NormalClient.isServed(server());
    }

    @Test
    void aPeerThatResetsTheConnectionLeavesTheServerServing() throws Exception {
        try (RawPeer peer = RawPeer.connect(server().port())) {
            peer.send(Arrays.copyOf(RawPeer.record(ContentType.HANDSHAKE, ProtocolVersion.TLS1_0, Hello.defaults().bytes()), 40));
            peer.reset();
        }
        NormalClient.isServed(server());
    }

    @Test
    void aRecordCutShortThenEndOfStreamGetsAnAnswerOrACloseAndTheServerGoesOn() throws Exception {
        byte[] record = RawPeer.record(ContentType.HANDSHAKE, ProtocolVersion.TLS1_0, Hello.defaults().bytes());
        try (RawPeer peer = RawPeer.connect(server().port())) {
            peer.send(Arrays.copyOf(record, record.length / 2));
            peer.shutdownOutput();
            Reply reply = peer.awaitEnd(BOUND);
            assertTrue(reply.ended(), () -> "the server kept a half-closed connection open: " + reply);
            assertTrue(reply.serverHello().isEmpty(), reply::toString);
        }
        NormalClient.isServed(server());
    }

    // --- RFC 5246 Appendix E.1: a higher client_version gets the server's highest ---

    @ParameterizedTest(name = "client_version {0}.{1}")
    @CsvSource({"3,4", "4,1", "6,3", "254,254"})
    void aHigherClientVersionIsAnsweredWithTls12(int major, int minor) throws Exception {
        assertServerHello(ProtocolVersion.TLS1_2, hello(Hello.defaults().version(major, minor)));
        NormalClient.isServed(server());
    }

    // --- extensions ---

    @Test
    void aNonEmptyExtendedMasterSecretExtensionIsDecodeError() throws Exception {
        // RFC 7627 §5.1: the extension_data field of this extension SHALL be empty.
        assertFatal(AlertDescription.DECODE_ERROR, hello(Hello.defaults().withRaw(ExtensionType.EXTENDED_MASTER_SECRET.code(), new byte[] {0})));
        NormalClient.isServed(server());
    }

    @Test
    void ecPointFormatsWithoutUncompressedIsIllegalParameter() throws Exception {
        // RFC 8422 §5.1.2: a list without uncompressed (0) makes the server abort with illegal_parameter.
        Hello hello = Hello.defaults().with(EcPointFormats.of(EcPointFormat.ANSIX962_COMPRESSED_PRIME))
                .suites(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
        assertFatal(AlertDescription.ILLEGAL_PARAMETER, hello(hello));
        NormalClient.isServed(server());
    }

    @Test
    void aServerNameListLongerThanItsExtensionIsDecodeError() throws Exception {
        // server_name_list says 9 bytes, 7 follow (RFC 6066 §3).
        byte[] data = {0x00, 0x09, 0x00, 0x00, 0x04, 'h', 'o', 's', 't'};
        assertFatal(AlertDescription.DECODE_ERROR, hello(Hello.defaults().withRaw(ExtensionType.SERVER_NAME.code(), data)));
        NormalClient.isServed(server());
    }

    @Test
    void aHostNameLongerThanItsEntryIsDecodeError() throws Exception {
        // one entry, host_name says 40 bytes, 4 follow.
        byte[] data = {0x00, 0x07, 0x00, 0x00, 0x28, 'h', 'o', 's', 't'};
        assertFatal(AlertDescription.DECODE_ERROR, hello(Hello.defaults().withRaw(ExtensionType.SERVER_NAME.code(), data)));
        NormalClient.isServed(server());
    }

    // --- sizes ---

    @Test
    void theLargestLegalClientHelloOf131396BytesIsAnswered() throws Exception {
        // A body of 131,396 bytes: 32-byte session_id, 32,767 suites, 255 compression methods, 2^16-1 bytes of
        // extensions (padding fills them). OpenSSL's CLIENT_HELLO_MAX_LENGTH is this number.
        List<Integer> suites = new ArrayList<>();
        suites.add(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.code());
        for (int code = 0xFF01; suites.size() < 0x7FFF; code = code == 0xFFFF ? 0x0100 : code + 1) {
            suites.add(code); // unassigned codes, ignored (RFC 5246 §7.4.1.2)
        }
        Integer[] methods = new Integer[255];
        for (int i = 0; i < methods.length; i++) {
            methods[i] = i; // null (0) first, then DEFLATE and unassigned codes
        }
        Hello hello = Hello.defaults().sessionId(new byte[32]).suiteCodes(suites).compression(methods);
        int extensionsLength = hello.message().extensionsOrEmpty().list().stream().mapToInt(e -> 4 + e.data().length).sum();
        hello.withRaw(21, new byte[0xFFFF - extensionsLength - 4]); // RFC 7685 padding
        byte[] message = hello.bytes();
        assertEquals(4 + 131_396, message.length);
        try (RawPeer peer = RawPeer.connect(server().port())) {
            peer.sendHandshakeBytes(message);
            assertServerHello(ProtocolVersion.TLS1_2, peer.awaitHandshake(HandshakeType.SERVER_HELLO_DONE, BOUND));
        }
        NormalClient.isServed(server());
    }

    // --- the message type decides before the body ---

    @Test
    void aCertificateWithAMalformedBodyInsteadOfClientHelloIsUnexpectedMessage() throws Exception {
        byte[] certificate = {11, 0, 0, 2, (byte) 0xFF, (byte) 0xFF};
        assertFatal(AlertDescription.UNEXPECTED_MESSAGE, exchange(RawPeer.record(ContentType.HANDSHAKE, ProtocolVersion.TLS1_0, certificate)));
        NormalClient.isServed(server());
    }

    @Test
    void aServerHelloWithAMalformedBodyInsteadOfClientHelloIsUnexpectedMessage() throws Exception {
        byte[] serverHello = {2, 0, 0, 3, 3, 3, 0};
        assertFatal(AlertDescription.UNEXPECTED_MESSAGE, exchange(RawPeer.record(ContentType.HANDSHAKE, ProtocolVersion.TLS1_0, serverHello)));
        NormalClient.isServed(server());
    }

    // --- RFC 5246 Appendix E.2: the SSLv2-compatible ClientHello ---

    @Test
    void anSslV2CompatibleClientHelloIsAnsweredWithATls12ServerHelloAtLevel0() throws Exception {
        // An SSLv2-compatible hello has no extensions, so no signature_algorithms: SHA-1 is implied (RFC 5246
        // §7.4.1.4.1), which only level 0 allows (OpenSSL at level 2: "no suitable signature algorithm").
        assertServerHello(ProtocolVersion.TLS1_2, exchange(levelZeroServer(), sslV2ClientHello(ProtocolVersion.TLS1_2,
                CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV)));
        NormalClient.isServed(levelZeroServer());
    }

    // --- RFC 5246 §7.4.1.4.1: no signature_algorithms means {sha1,rsa}, {sha1,ecdsa} ---

    @Test
    void noSignatureAlgorithmsAtTheDefaultLevelIsHandshakeFailure() throws Exception {
        // ECDHE_RSA: the ServerKeyExchange must be signed, and {sha1,rsa} is below level 2.
        assertFatal(AlertDescription.HANDSHAKE_FAILURE, hello(Hello.defaults().without(ExtensionType.SIGNATURE_ALGORITHMS)
                .suites(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)));
        NormalClient.isServed(server());
    }

    @Test
    void noSignatureAlgorithmsAtLevel0GetsAFullTls12Flight() throws Exception {
        Reply reply = exchange(levelZeroServer(), RawPeer.record(ContentType.HANDSHAKE, ProtocolVersion.TLS1_0,
                Hello.defaults().without(ExtensionType.SIGNATURE_ALGORITHMS).bytes()));
        assertServerHello(ProtocolVersion.TLS1_2, reply);
        NormalClient.isServed(levelZeroServer());
    }

    /** RFC 5246 E.2: msg_length (2 bytes, high bit set), msg_type 1, version, three lengths, the specs, the challenge. */
    static byte[] sslV2ClientHello(ProtocolVersion version, CipherSuite... suites) {
        ByteWriter body = new ByteWriter();
        body.u8(1).u16(version.code()).u16(3 * suites.length).u16(0).u16(32);
        for (CipherSuite suite : suites) {
            body.u8(0).u16(suite.code()); // V2CipherSpec: {0x00, suite}
        }
        byte[] challenge = new byte[32];
        Arrays.fill(challenge, (byte) 0x33);
        body.bytes(challenge);
        byte[] bytes = body.toByteArray();
        return new ByteWriter().u16(0x8000 | bytes.length).bytes(bytes).toByteArray();
    }

    // --- floods ---

    @Test
    void aMillionWarningAlertsAfterClientHelloEndWithUnexpectedMessageAfterAFew() throws Exception {
        AtomicReference<Exception> writerEnded = new AtomicReference<>();
        try (RawPeer peer = RawPeer.connect(server().port())) {
            peer.sendHandshake(Hello.defaults().message());
            byte[] alert = RawPeer.record(ContentType.ALERT, ProtocolVersion.TLS1_2,
                    Alert.warning(AlertDescription.UNRECOGNIZED_NAME).encode());
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            for (int i = 0; i < 1000; i++) {
                batch.writeBytes(alert);
            }
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < 1000; i++) {
                        peer.send(batch.toByteArray());
                    }
                } catch (IOException e) {
                    writerEnded.set(e); // the server stopped reading and closed: expected
                }
            }, "warning alert flood");
            writer.setDaemon(true);
            writer.start();
            Reply reply = peer.awaitAlert(BOUND);
            assertFatal(AlertDescription.UNEXPECTED_MESSAGE, reply);
        }
        NormalClient.isServed(server());
    }
}
