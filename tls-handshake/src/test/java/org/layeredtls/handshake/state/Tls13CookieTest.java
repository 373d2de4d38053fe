package org.layeredtls.handshake.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.handshake.api.HelloRetryCookie;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.engine.TlsEngine;
import org.layeredtls.handshake.extension.Cookie;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.prf.Tls13Transcript;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/** Our HelloRetryRequest cookie (RFC 8446 §4.2.2): what it holds, and that no byte of it can be changed. */
class Tls13CookieTest {

    private static final TlsConfig SERVER = Pki.server().maxVersion(ProtocolVersion.TLS1_3)
            .helloRetryCookie(HelloRetryCookie.ON_RETRY).build();

    @Test
    void aCookieOpensToWhatWasPutIn() throws TlsAlertException {
        byte[] messageHash = Tls13Transcript.messageHash(HashAlgorithm.SHA384, new byte[] {1, 0, 0, 0});
        Tls13Cookie.Contents contents = Tls13Cookie.open(SERVER,
                Tls13Cookie.make(SERVER, CipherSuite.TLS_AES_256_GCM_SHA384, NamedGroup.SECP384R1, messageHash));
        assertEquals(CipherSuite.TLS_AES_256_GCM_SHA384, contents.suite());
        assertEquals(NamedGroup.SECP384R1, contents.group());
        assertArrayEquals(messageHash, contents.messageHash());
        assertNull(Tls13Cookie.open(SERVER, Tls13Cookie.make(SERVER, CipherSuite.TLS_AES_128_GCM_SHA256, null, messageHash)).group());
    }

    @Test
    void everyChangedBitAndEveryCutIsIllegalParameter() {
        byte[] cookie = Tls13Cookie.make(SERVER, CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.X25519,
                Tls13Transcript.messageHash(HashAlgorithm.SHA256, new byte[] {1, 0, 0, 0}));
        for (int i = 0; i < cookie.length * 8; i++) {
            byte[] changed = cookie.clone();
            changed[i / 8] ^= (byte) (1 << (i % 8));
            assertEquals(AlertDescription.ILLEGAL_PARAMETER, assertThrows(TlsAlertException.class,
                    () -> Tls13Cookie.open(SERVER, changed)).description(), "bit " + i);
        }
        for (int length = 1; length < cookie.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(cookie, length);
            assertEquals(AlertDescription.ILLEGAL_PARAMETER, assertThrows(TlsAlertException.class,
                    () -> Tls13Cookie.open(SERVER, cut)).description(), "cut to " + length);
        }
    }

    @Test
    void theCookieOfAHelloRetryRequestHoldsTheMessageHashOfClientHello1() throws IOException {
        List<byte[]> clientHellos = new CopyOnWriteArrayList<>();
        List<ServerHello> serverHellos = new CopyOnWriteArrayList<>();
        TlsObserver observer = new TlsObserver() {
            @Override
            public void handshakeMessageSent(HandshakeMessage message, byte[] bytes) {
                if (message instanceof ClientHello) {
                    clientHellos.add(bytes.clone());
                }
            }

            @Override
            public void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
                if (message instanceof ServerHello hello) {
                    serverHellos.add(hello);
                }
            }
        };
        TlsConfig client = Pki.client().maxVersion(ProtocolVersion.TLS1_3).keyShareGroups(NamedGroup.X25519).observer(observer).build();
        TlsConfig server = SERVER.toBuilder().namedGroups(NamedGroup.SECP256R1).build();
        TlsEngine.pair(client, server).handshake();
        byte[] cookie = serverHellos.get(0).extensionsOrEmpty().find(ExtensionType.COOKIE, Cookie::decode).orElseThrow().cookie();
        Tls13Cookie.Contents contents = Tls13Cookie.open(server, cookie);
        CipherSuite suite = CipherSuite.fromCode(serverHellos.get(1).cipherSuite()).orElseThrow();
        // RFC 8446 §4.4.1: message_hash || 00 00 Hash.length || Hash(ClientHello1), what the transcript restarts from
        assertArrayEquals(Tls13Transcript.messageHash(suite.prfHash(), clientHellos.get(0)), contents.messageHash());
        assertEquals(NamedGroup.SECP256R1, contents.group());
        assertEquals(suite, contents.suite());
    }
}
