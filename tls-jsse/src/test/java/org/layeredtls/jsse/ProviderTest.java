package org.layeredtls.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.security.Security;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;

/** The provider's registration, its names as JSSE spells them, and the checks a socket makes on what it is given. */
class ProviderTest {

    private final LayeredTlsProvider provider = new LayeredTlsProvider();

    private SSLContext initialised() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS", provider);
        context.init(null, null, null);
        return context;
    }

    @Test
    void registersSslContextsForTlsTls13Tls12AndSsl() throws Exception {
        for (String protocol : List.of("TLS", "TLSv1.3", "TLSv1.2", "SSL")) {
            SSLContext context = SSLContext.getInstance(protocol, provider);
            assertSame(provider, context.getProvider(), protocol);
            assertEquals(protocol, context.getProtocol());
        }
    }

    @Test
    void theDefaultContextIsInitialisedAndBecomesTheJvmsWhenTheProviderComesFirst() throws Exception {
        assertTrue(SSLContext.getInstance("Default", provider).getSocketFactory() instanceof LayeredSslSocketFactory);
        Security.insertProviderAt(provider, 1);
        try {
            assertEquals(LayeredTlsProvider.NAME, SSLContext.getInstance("Default").getProvider().getName());
            assertEquals(LayeredTlsProvider.NAME, SSLContext.getInstance("TLS").getProvider().getName());
        } finally {
            Security.removeProvider(LayeredTlsProvider.NAME);
        }
    }

    @Test
    void anUninitialisedContextSaysSo() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS", provider);
        IllegalStateException error = assertThrows(IllegalStateException.class, context::getSocketFactory);
        assertTrue(error.getMessage().contains("init"), error.getMessage());
    }

    @Test
    void createsOurSslEngineForAPeerAndForNone() throws Exception {
        javax.net.ssl.SSLEngine forPeer = initialised().createSSLEngine("localhost", 8443);
        assertInstanceOf(LayeredSslEngine.class, forPeer);
        assertEquals("localhost", forPeer.getPeerHost());
        assertEquals(8443, forPeer.getPeerPort());
        javax.net.ssl.SSLEngine forNone = initialised().createSSLEngine();
        assertEquals(null, forNone.getPeerHost(), "no peer: no SNI, no name check");
        assertEquals(-1, forNone.getPeerPort());
        IllegalStateException uninitialised = assertThrows(IllegalStateException.class,
                () -> SSLContext.getInstance("TLS", provider).createSSLEngine());
        assertTrue(uninitialised.getMessage().contains("init"), uninitialised.getMessage());
    }

    @Test
    void namesProtocolsAndSuitesAsJsseDoes() throws Exception {
        SSLContext context = initialised();
        SSLParameters supported = context.getSupportedSSLParameters();
        SSLParameters defaults = context.getDefaultSSLParameters();

        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3"}, supported.getProtocols());
        assertTrue(List.of(supported.getCipherSuites()).containsAll(List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_RSA_WITH_AES_128_CBC_SHA", "SSL_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV")));
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, defaults.getProtocols(), "TLS 1.3 and 1.2 by default, as TlsConfig and SunJSSE");
        assertEquals(List.of("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"), List.of(defaults.getCipherSuites()).subList(0, 4),
                "the TLS 1.3 suites first, then TlsConfig's TLS 1.2 ones");
        assertArrayEquals(defaults.getCipherSuites(), context.getSocketFactory().getDefaultCipherSuites());
    }

    @Test
    void aTls13ContextEnablesTls13And12AndATls12ContextTls12Only() throws Exception {
        SSLContext tls13 = SSLContext.getInstance("TLSv1.3", provider);
        tls13.init(null, null, null);
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, tls13.getDefaultSSLParameters().getProtocols());
        assertTrue(List.of(tls13.getSupportedSSLParameters().getCipherSuites()).contains("TLS_AES_128_GCM_SHA256"));
        SSLContext tls12 = SSLContext.getInstance("TLSv1.2", provider);
        tls12.init(null, null, null);
        assertArrayEquals(new String[] {"TLSv1.2"}, tls12.getDefaultSSLParameters().getProtocols(), "as SunJSSE's TLSv1.2 context");
        assertEquals("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", tls12.getDefaultSSLParameters().getCipherSuites()[0]);
    }

    @Test
    void aSocketRefusesNamesItDoesNotKnowAndKeepsThoseItDoes() throws Exception {
        SSLSocket socket = (SSLSocket) initialised().getSocketFactory().createSocket();

        assertThrows(IllegalArgumentException.class, () -> socket.setEnabledCipherSuites(new String[] {"TLS_NO_SUCH_SUITE"}));
        assertThrows(IllegalArgumentException.class, () -> socket.setEnabledProtocols(new String[] {"TLSv1.4"}));
        SSLParameters ftp = new SSLParameters();
        ftp.setEndpointIdentificationAlgorithm("FTP");
        assertThrows(IllegalArgumentException.class, () -> socket.setSSLParameters(ftp));

        socket.setEnabledCipherSuites(new String[] {"SSL_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_AES_128_GCM_SHA256"});
        socket.setEnabledProtocols(new String[] {"TLSv1.2", "TLSv1.1"});
        socket.setNeedClientAuth(true);
        assertArrayEquals(new String[] {"SSL_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_AES_128_GCM_SHA256"}, socket.getEnabledCipherSuites());
        assertArrayEquals(new String[] {"TLSv1.2", "TLSv1.1"}, socket.getEnabledProtocols());
        assertTrue(socket.getNeedClientAuth() && socket.getSSLParameters().getNeedClientAuth());
        assertTrue(socket.getUseClientMode());
        socket.close();
    }

    @Test
    void setSslParametersKeepsWhatANullListLeavesAndLayeredHooks() throws Exception {
        SSLSocket socket = (SSLSocket) initialised().getSocketFactory().createSocket();
        LayeredSslParameters hooks = new LayeredSslParameters();
        hooks.setObserver(new org.layeredtls.handshake.api.TlsObserver() { });
        socket.setSSLParameters(hooks);

        socket.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"});

        SSLParameters now = socket.getSSLParameters();
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, now.getProtocols(), "a null protocol list kept the socket's");
        assertSame(hooks.getObserver(), assertInstanceOf(LayeredSslParameters.class, now).getObserver());
        socket.close();
    }

    @Test
    void aServerWithoutKeyRefusesTheHandshakeSayingWhy() throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) initialised().getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Exception> refused = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                    accepted.startHandshake();
                    return null;
                } catch (Exception e) {
                    return e;
                }
            });
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                SSLHandshakeException error = assertInstanceOf(SSLHandshakeException.class, refused.get(30, TimeUnit.SECONDS));
                assertTrue(error.getMessage().contains("KeyManager"), error.getMessage());
            }
        }
    }
}
