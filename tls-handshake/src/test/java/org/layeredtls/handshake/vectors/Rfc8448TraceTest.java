package org.layeredtls.handshake.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.SignatureScheme;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.research.ConversationPki;
import org.layeredtls.handshake.research.OfflineSocket;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * RFC 8448 §3 (the simple 1-RTT handshake): the first message our side writes on its own, without a hook. Each side
 * gets a random source that yields exactly what the RFC's side drew (its random and its x25519 private key), and
 * the test compares the first message our side writes with the RFC's, field by field and extension by extension.
 * Neither is byte-exact; these are the differences the replays ({@link Rfc8448Section3ReplayTest} and the others)
 * substitute the RFC's bytes for, listed in test-vectors/README.md ("RFC 8448 through the state machines").
 */
class Rfc8448TraceTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final int RANDOM_OFFSET = 4 + 2; // header, legacy_version
    private static final int RANDOM_LENGTH = 32;
    /** RFC 8448 §3: {client} create an ephemeral x25519 key pair, private key. */
    private static final byte[] CLIENT_X25519_PRIVATE = HEX.parseHex("49af42ba7f7994852d713ef2784bcbcaa7911de26adc5642cb634540e7ea5005");
    /** RFC 8448 §3: {server} create an ephemeral x25519 key pair, private key. */
    private static final byte[] SERVER_X25519_PRIVATE = HEX.parseHex("b1580eeadf6dd589b8ef4f2d5652578cc810e9980191ec8d058308cea216a21e");

    @Test
    void ourClientHelloCarriesRfc8448sRandomSuitesGroupsAndKeyShareButNotItsExtensionOrder() throws Exception {
        byte[] rfc = rfc8448("simple-client-hello.hex");
        // the RFC's client (NSS) offers: its three suites in its order, no legacy_session_id, SNI "server", nine groups
        TlsConfig config = TlsConfig.builder().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3)
                .tls13CipherSuites(suite("TLS_AES_128_GCM_SHA256"), suite("TLS_CHACHA20_POLY1305_SHA256"),
                        suite("TLS_AES_256_GCM_SHA384"))
                .middleboxCompatibility(false).serverName("server").securityLevel(0).extendedMasterSecret(false)
                .namedGroups(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1, NamedGroup.SECP521R1,
                        NamedGroup.FFDHE2048, NamedGroup.FFDHE3072, NamedGroup.FFDHE4096, NamedGroup.FFDHE6144,
                        NamedGroup.FFDHE8192)
                .signatureSchemes(SignatureScheme.ECDSA_SHA256, SignatureScheme.ECDSA_SHA384, SignatureScheme.ECDSA_SHA512,
                        SignatureScheme.ECDSA_SHA1, SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA384,
                        SignatureScheme.RSA_PSS_RSAE_SHA512, SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA384,
                        SignatureScheme.RSA_PKCS1_SHA512, SignatureScheme.RSA_PKCS1_SHA1)
                .random(new Rfc8448Randomness(null, Arrays.copyOfRange(rfc, RANDOM_OFFSET, RANDOM_OFFSET + RANDOM_LENGTH),
                        CLIENT_X25519_PRIVATE))
                .build();
        byte[] ours = firstMessage(config, true, new byte[0]);
        ClientHello our = ClientHello.decode(body(ours));
        ClientHello theirs = ClientHello.decode(body(rfc));
        assertArrayEquals(theirs.random(), our.random());
        assertArrayEquals(theirs.sessionId(), our.sessionId());
        assertEquals(theirs.cipherSuites(), our.cipherSuites());
        Map<Integer, String> mine = extensions(our.extensionsOrEmpty().list());
        Map<Integer, String> rfcs = extensions(theirs.extensionsOrEmpty().list());
        for (ExtensionType same : List.of(ExtensionType.SERVER_NAME, ExtensionType.SUPPORTED_GROUPS,
                ExtensionType.SESSION_TICKET, ExtensionType.RENEGOTIATION_INFO, ExtensionType.SUPPORTED_VERSIONS,
                ExtensionType.KEY_SHARE, ExtensionType.PSK_KEY_EXCHANGE_MODES)) {
            assertEquals(rfcs.get(same.code()), mine.get(same.code()), same + ": the RFC's bytes");
        }
        // what keeps the whole message from being the RFC's (test-vectors/README.md lists why)
        assertNotEquals(rfcs.get(ExtensionType.SIGNATURE_ALGORITHMS.code()), mine.get(ExtensionType.SIGNATURE_ALGORITHMS.code()));
        assertNotEquals(new ArrayList<>(rfcs.keySet()), new ArrayList<>(mine.keySet()), "the extension order");
    }

    @Test
    void ourServerAnswersRfc8448sClientHelloWithItsRandomSuiteAndKeyShareButNotItsExtensionOrder() throws Exception {
        byte[] clientHello = rfc8448("simple-client-hello.hex");
        byte[] rfc = rfc8448("simple-server-hello.hex");
        // our server draws its key share before its random; certificate and later draws do not reach the ServerHello
        TlsConfig config = TlsConfig.builder().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3)
                .tls13CipherSuites(suite("TLS_AES_128_GCM_SHA256")).middleboxCompatibility(false)
                .certificate(List.of(ConversationPki.certificate("server-rsa")), ConversationPki.privateKey("server-rsa"))
                .random(new Rfc8448Randomness(DeterministicRandomSource.fromLabel("rfc 8448 server, after its hello"),
                        SERVER_X25519_PRIVATE, Arrays.copyOfRange(rfc, RANDOM_OFFSET, RANDOM_OFFSET + RANDOM_LENGTH)))
                .build();
        byte[] ours = firstMessage(config, false, record(clientHello));
        ServerHello our = ServerHello.decode(body(ours));
        ServerHello theirs = ServerHello.decode(body(rfc));
        assertArrayEquals(theirs.random(), our.random());
        assertEquals(theirs.cipherSuite(), our.cipherSuite());
        assertEquals(ours.length, rfc.length);
        Map<Integer, String> mine = extensions(our.extensionsOrEmpty().list());
        Map<Integer, String> rfcs = extensions(theirs.extensionsOrEmpty().list());
        assertEquals(rfcs, mine, "the same extensions with the same bytes (the RFC's server x25519 share among them)");
        assertEquals(List.of(ExtensionType.KEY_SHARE.code(), ExtensionType.SUPPORTED_VERSIONS.code()), new ArrayList<>(rfcs.keySet()));
        assertEquals(List.of(ExtensionType.SUPPORTED_VERSIONS.code(), ExtensionType.KEY_SHARE.code()), new ArrayList<>(mine.keySet()),
                "our server (as OpenSSL's) puts supported_versions first");
    }

    /** The first handshake message our side writes, its peer's stream being {@code peerBytes} and then its end. */
    private static byte[] firstMessage(TlsConfig config, boolean client, byte[] peerBytes) throws IOException {
        List<byte[]> sent = new ArrayList<>();
        TlsConfig observed = config.toBuilder().observer(new TlsObserver() {
            @Override
            public void handshakeMessageSent(HandshakeMessage message, byte[] bytes) {
                sent.add(bytes);
            }
        }).build();
        OfflineSocket socket = OfflineSocket.reading(peerBytes, 0, peerBytes.length);
        TlsSocket tls = client ? TlsSocket.client(socket, observed) : TlsSocket.server(socket, observed);
        IOException end = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, tls::startHandshake);
        assertTrue(end.getMessage().contains("ended"), end.getMessage()); // the RFC's next message cannot follow
        return sent.get(0);
    }

    private static Map<Integer, String> extensions(List<Extension> extensions) {
        Map<Integer, String> byType = new LinkedHashMap<>();
        extensions.forEach(e -> byType.put(e.type(), HEX.formatHex(e.data())));
        return byType;
    }

    private static byte[] body(byte[] message) {
        return Arrays.copyOfRange(message, 4, message.length);
    }

    /** A handshake record in clear holding {@code message} (RFC 8446 §5.1: legacy_record_version {3,1} first). */
    private static byte[] record(byte[] message) {
        byte[] record = new byte[5 + message.length];
        record[0] = 22;
        record[1] = 3;
        record[2] = 1;
        record[3] = (byte) (message.length >> 8);
        record[4] = (byte) message.length;
        System.arraycopy(message, 0, record, 5, message.length);
        return record;
    }

    private static CipherSuite suite(String name) {
        return CipherSuite.fromName(name).orElseThrow();
    }

    /** An RFC 8448 message as the message codecs' tests keep it (message/rfc8448/*.hex). */
    private static byte[] rfc8448(String name) throws IOException {
        try (InputStream in = Rfc8448TraceTest.class.getResourceAsStream("/org/layeredtls/handshake/message/rfc8448/" + name)) {
            return HEX.parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        }
    }
}
