package org.layeredtls.handshake.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.layeredtls.handshake.engine.EnginePairTest.ascii;
import static org.layeredtls.handshake.engine.EnginePairTest.received;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.HelloRetryCookie;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.extension.Cookie;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.KeyShare;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.intercept.OutgoingFlight;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;
import org.layeredtls.handshake.session.TicketProtector;
import org.layeredtls.record.ProtocolVersion;

/**
 * The HelloRetryRequest cookie of our TLS 1.3 server (RFC 8446 §4.2.2, §4.4.1): the cookie carries ClientHello1's
 * hash under the server's HMAC, the client echoes it, the server rebuilds the transcript from it; a second
 * ClientHello without it is missing_extension, with a changed one illegal_parameter.
 */
class HelloRetryCookieTest {

    /** The ServerHellos (HelloRetryRequests included) a client received. */
    private static final class ServerHellos implements TlsObserver {
        final List<ServerHello> received = new CopyOnWriteArrayList<>();

        @Override
        public void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
            if (message instanceof ServerHello hello) {
                received.add(hello);
            }
        }

        Optional<byte[]> cookie() {
            try {
                return received.get(0).extensionsOrEmpty().find(ExtensionType.COOKIE, Cookie::decode).map(Cookie::cookie);
            } catch (TlsAlertException e) {
                throw new AssertionError("the HelloRetryRequest's cookie does not decode", e);
            }
        }
    }

    private static TlsConfig.Builder client() {
        return Pki.client().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3);
    }

    private static TlsConfig.Builder server(HelloRetryCookie mode) {
        return Pki.server().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3).helloRetryCookie(mode);
    }

    @Test
    void aHelloRetryRequestForAnotherGroupCarriesACookieThatTheHandshakeSurvives() throws IOException {
        ServerHellos seen = new ServerHellos();
        EnginePair pair = TlsEngine.pair(client().keyShareGroups(NamedGroup.X25519).observer(seen).build(),
                server(HelloRetryCookie.ON_RETRY).namedGroups(NamedGroup.SECP384R1).build());
        pair.handshake();
        assertTrue(seen.received.get(0).isHelloRetryRequest());
        assertTrue(seen.cookie().isPresent(), "RFC 8446 §4.2.2: the HelloRetryRequest carries our cookie");
        assertTrue(seen.received.get(0).extensionsOrEmpty().find(ExtensionType.KEY_SHARE).isPresent());
        pair.client().writeApplicationData(ascii("after a cookie"));
        pair.shuttle();
        assertArrayEquals(ascii("after a cookie"), received(pair.server()));
    }

    @Test
    void withoutTheKnobAHelloRetryRequestHasNoCookie() throws IOException {
        ServerHellos seen = new ServerHellos();
        EnginePair pair = TlsEngine.pair(client().keyShareGroups(NamedGroup.X25519).observer(seen).build(),
                Pki.server().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3).namedGroups(NamedGroup.SECP384R1).build());
        pair.handshake();
        assertTrue(seen.received.get(0).isHelloRetryRequest());
        assertFalse(seen.cookie().isPresent(), "the default, as OpenSSL: no cookie");
    }

    @Test
    void aStatelessServerAsksForItsCookieEvenWhenTheKeyShareWouldDo() throws IOException {
        ServerHellos seen = new ServerHellos();
        EnginePair pair = TlsEngine.pair(client().observer(seen).build(), server(HelloRetryCookie.STATELESS).build());
        pair.handshake();
        assertEquals(2, seen.received.size(), "a HelloRetryRequest, then the ServerHello");
        assertTrue(seen.received.get(0).isHelloRetryRequest());
        assertTrue(seen.cookie().isPresent());
        // the x25519 share would do: the HelloRetryRequest asks for the cookie only, and the client keeps its share
        assertFalse(seen.received.get(0).extensionsOrEmpty().find(ExtensionType.KEY_SHARE).isPresent());
        assertEquals(ProtocolVersion.TLS1_3, pair.server().sessionInfo().version());
    }

    @Test
    void aStatelessServerResumesWithABinderOverTheTranscriptItRebuiltFromTheCookie() throws IOException {
        TlsConfig clientConfig = client().clientSessionStore(new InMemoryClientSessionStore(4)).build();
        TlsConfig serverConfig = server(HelloRetryCookie.STATELESS).ticketProtector(TicketProtector.withDefaults()).build();
        EnginePair first = TlsEngine.pair(clientConfig, serverConfig);
        first.handshake();
        first.shuttle(); // the tickets
        EnginePair second = TlsEngine.pair(clientConfig, serverConfig);
        second.handshake();
        assertTrue(second.server().sessionInfo().resumed(), "RFC 8446 §4.2.11.2: the binder covers message_hash and the HRR");
    }

    @Test
    void aSecondClientHelloWithoutTheCookieIsMissingExtension() throws IOException {
        TlsConfig client = client().handshakeInterceptor(secondClientHello(hello -> with(hello, null))).build();
        assertEquals(AlertDescription.MISSING_EXTENSION, serverAlert(client, server(HelloRetryCookie.STATELESS).build()));
    }

    @Test
    void aChangedCookieIsIllegalParameter() throws IOException {
        TlsConfig client = client().handshakeInterceptor(secondClientHello(hello -> {
            byte[] cookie = cookieOf(hello);
            cookie[cookie.length / 2] ^= 1; // a byte of the HMACed content: the stored hash of ClientHello1
            return with(hello, cookie);
        })).build();
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, serverAlert(client, server(HelloRetryCookie.STATELESS).build()));
    }

    @Test
    void aCookieFromAServerWithAnotherKeyIsIllegalParameter() throws IOException {
        byte[] key = new byte[TlsConfig.HELLO_RETRY_COOKIE_KEY_LENGTH];
        ServerHellos fromOther = new ServerHellos();
        TlsEngine.pair(client().observer(fromOther).build(), server(HelloRetryCookie.STATELESS).helloRetryCookieKey(key).build())
                .handshake();
        byte[] othersCookie = fromOther.cookie().orElseThrow();
        key[0] = 1;
        TlsConfig client = client().handshakeInterceptor(secondClientHello(hello -> with(hello, othersCookie))).build();
        // RFC 8446 §4.2.2: a server takes back only the cookies it made (OpenSSL: "cookie mismatch", illegal_parameter)
        assertEquals(AlertDescription.ILLEGAL_PARAMETER,
                serverAlert(client, server(HelloRetryCookie.STATELESS).helloRetryCookieKey(key).build()));
    }

    // ------------------------------------------------------------------ helpers

    private static byte[] cookieOf(ClientHello hello) {
        try {
            return hello.extensionsOrEmpty().find(ExtensionType.COOKIE, Cookie::decode).map(Cookie::cookie).orElseThrow();
        } catch (TlsAlertException e) {
            throw new AssertionError("our client's cookie does not decode", e);
        }
    }

    private static AlertDescription serverAlert(TlsConfig client, TlsConfig server) {
        EnginePair pair = TlsEngine.pair(client, server);
        TlsAlertException failure = assertThrows(TlsAlertException.class, pair::handshake);
        return failure.description();
    }

    /** Sends every message as it is but the second ClientHello, which {@code change} rewrites. */
    private static HandshakeInterceptor secondClientHello(UnaryOperator<ClientHello> change) {
        return new HandshakeInterceptor() {
            private int clientHellos;

            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                boolean second = message.message() instanceof ClientHello && ++clientHellos == 2;
                flight.send(second ? change.apply((ClientHello) message.message()) : message.message());
                flight.flushRecord();
            }
        };
    }

    /** {@code hello} with its cookie replaced by {@code cookie} (null: removed), other extensions as they are. */
    private static ClientHello with(ClientHello hello, byte[] cookie) {
        List<Extension> extensions = new java.util.ArrayList<>();
        for (Extension extension : hello.extensionsOrEmpty().list()) {
            if (extension.type() != ExtensionType.COOKIE.code()) {
                extensions.add(extension);
            } else if (cookie != null) {
                extensions.add(new Cookie(cookie).toExtension());
            }
        }
        return new ClientHello(hello.clientVersion(), hello.random(), hello.sessionId(), hello.cipherSuites(),
                hello.compressionMethods(), Optional.of(new Extensions(extensions)));
    }
}
