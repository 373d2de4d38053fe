package org.layeredtls.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.interop.TestPki;
import org.layeredtls.handshake.jca.JcaCertificates;

/**
 * The provider against the JDK's own TLS (SunJSSE), in TLS 1.2, both directions: a SunJSSE client with a trust
 * store against our SSLServerSocket, our SSLSocket against a SunJSSE SSLServerSocket, with and without client
 * certificates; names (protocol, suites) as both sides spell them; SNI, ALPN, trust and host name checks.
 */
class SunJsseInteropTest {

    @TempDir
    static Path directory;
    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    private static SSLSocket connect(SSLContext context, int port) throws Exception {
        return (SSLSocket) context.getSocketFactory().createSocket("localhost", port);
    }

    @Test
    void aSunJsseClientTalksToOurServerSocketAndBothSeeTheSameSession() throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(TestManagers.layered(pki, pki.serverRsa()), s -> { });
             SSLSocket client = connect(TestManagers.sunJsse(pki, null), server.port())) {
            assertEquals("echo hello from SunJSSE", OneConnectionServer.exchange(client, "hello from SunJSSE"));
            SSLSession theirs = client.getSession();
            client.close();

            OneConnectionServer.Served ours = server.served();
            assertEquals("TLSv1.2", theirs.getProtocol());
            assertEquals("TLSv1.2", ours.protocol());
            assertEquals(theirs.getCipherSuite(), ours.cipherSuite(), "both spell the suite the JSSE way");
            assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", ours.cipherSuite());
            assertEquals(JcaCertificates.toJca(pki.serverRsa().chain().get(0)), theirs.getPeerCertificates()[0]);
            assertNull(ours.peer(), "no client certificate was asked for");
        }
    }

    @Test
    void ourSocketTalksToASunJsseServerAndSeesItsCertificateAsX509() throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(TestManagers.sunJsse(pki, pki.serverEcdsa()), s -> { });
             SSLSocket client = connect(TestManagers.layered(pki, null), server.port())) {
            assertEquals("echo hello from LayeredTLS", OneConnectionServer.exchange(client, "hello from LayeredTLS"));
            SSLSession ours = client.getSession();
            client.close();

            OneConnectionServer.Served theirs = server.served();
            assertEquals("TLSv1.2", ours.getProtocol());
            assertEquals(theirs.cipherSuite(), ours.getCipherSuite());
            assertTrue(ours.getCipherSuite().startsWith("TLS_ECDHE_ECDSA_WITH_AES_"), ours.getCipherSuite());
            X509Certificate leaf = (X509Certificate) ours.getPeerCertificates()[0];
            assertEquals("CN=localhost", leaf.getSubjectX500Principal().getName());
            assertEquals("localhost", ours.getPeerHost());
            assertEquals(server.port(), ours.getPeerPort());
            assertTrue(ours.getId().length > 0 && ours.isValid());
            assertTrue(ours.getCreationTime() > 0);
        }
    }

    @Test
    void ourServerNeedingClientAuthGetsTheSunJsseClientsCertificate() throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(TestManagers.layered(pki, pki.serverRsa()), s -> s.setNeedClientAuth(true));
             SSLSocket client = connect(TestManagers.sunJsse(pki, pki.clientRsa()), server.port())) {
            assertEquals("echo with a certificate", OneConnectionServer.exchange(client, "with a certificate"));
            client.close();

            OneConnectionServer.Served ours = server.served();
            assertEquals("CN=client.localhost", ours.peer());
            assertEquals("CN=localhost", ours.local(), "our server's SSLSession names the certificate it sent");
        }
    }

    @Test
    void ourClientAnswersTheCertificateRequestOfASunJsseServerNeedingClientAuth() throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(TestManagers.sunJsse(pki, pki.serverRsa()), s -> s.setNeedClientAuth(true));
             SSLSocket client = connect(TestManagers.layered(pki, pki.clientEcdsa()), server.port())) {
            assertEquals("echo mutual", OneConnectionServer.exchange(client, "mutual"));
            X509Certificate[] sent = (X509Certificate[]) client.getSession().getLocalCertificates();
            assertEquals(JcaCertificates.toJca(pki.clientEcdsa().chain().get(0)), sent[0], "the chain our client sent");
            assertEquals(2, sent.length, "the leaf and the CA, as the key manager holds them");
            client.close();

            assertEquals("CN=client.localhost", server.served().peer());
        }
    }

    @Test
    void ourServerWantingClientAuthTakesAClientWithOrWithoutCertificate() throws Exception {
        SSLContext context = TestManagers.layered(pki, pki.serverEcdsa());
        try (OneConnectionServer server = new OneConnectionServer(context, s -> s.setWantClientAuth(true));
             SSLSocket client = connect(TestManagers.sunJsse(pki, null), server.port())) {
            assertEquals("echo anonymous", OneConnectionServer.exchange(client, "anonymous"));
            client.close();
            assertNull(server.served().peer());
        }
        try (OneConnectionServer server = new OneConnectionServer(context, s -> s.setWantClientAuth(true));
             SSLSocket client = connect(TestManagers.sunJsse(pki, pki.clientRsa()), server.port())) {
            assertEquals("echo known", OneConnectionServer.exchange(client, "known"));
            client.close();
            assertEquals("CN=client.localhost", server.served().peer());
        }
    }

    @Test
    void aSocketLayeredInServerModeOverAnAcceptedConnectionServesASunJsseClient() throws Exception {
        SSLContext context = TestManagers.layered(pki, pki.serverRsa());
        try (java.net.ServerSocket plain = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
                try (java.net.Socket accepted = plain.accept();
                     SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(accepted, null, accepted.getPort(), true)) {
                    tls.setUseClientMode(false);
                    tls.setSoTimeout(30_000);
                    String line = new java.io.BufferedReader(new java.io.InputStreamReader(tls.getInputStream(),
                            java.nio.charset.StandardCharsets.UTF_8)).readLine();
                    tls.getOutputStream().write(("echo " + line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    tls.getOutputStream().flush();
                    return tls.getSession().getProtocol() + " " + line;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (SSLSocket client = connect(TestManagers.sunJsse(pki, null), plain.getLocalPort())) {
                assertEquals("echo server mode", OneConnectionServer.exchange(client, "server mode"));
            }
            assertEquals("TLSv1.2 server mode", served.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void ourServerNeedingClientAuthRefusesASunJsseClientWithoutCertificate() throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(TestManagers.layered(pki, pki.serverRsa()), s -> s.setNeedClientAuth(true));
             SSLSocket client = connect(TestManagers.sunJsse(pki, null), server.port())) {
            assertThrows(java.io.IOException.class, () -> OneConnectionServer.exchange(client, "no certificate"));
            ExecutionException refused = assertThrows(ExecutionException.class, server::served);
            assertInstanceOf(SSLHandshakeException.class, refused.getCause().getCause(), refused.toString());
        }
    }

    /** A trust manager that names no CA (so a client sends whatever certificate it has) and reports each call, then asks PKIX. */
    private static final class RecordingTrustManager implements X509TrustManager {
        private final X509TrustManager pkix;
        final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

        RecordingTrustManager(X509TrustManager pkix) {
            this.pkix = pkix;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            calls.add("client " + authType + " " + chain[0].getSubjectX500Principal().getName());
            pkix.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            calls.add("server " + authType + " " + chain[0].getSubjectX500Principal().getName());
            pkix.checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    @Test
    void ourServerAsksTheTrustManagerAboutTheClientsChainAndRefusesWithCertificateUnknown() throws Exception {
        RecordingTrustManager trust = new RecordingTrustManager((X509TrustManager) TestManagers.trustManagers(pki.ca())[0]);
        SSLContext context = SSLContext.getInstance("TLS", new LayeredTlsProvider());
        context.init(TestManagers.keyManagers(pki, pki.serverRsa()), new TrustManager[] {trust}, null);
        try (OneConnectionServer server = new OneConnectionServer(context, s -> s.setNeedClientAuth(true));
             SSLSocket client = connect(TestManagers.sunJsse(pki, pki.otherClient(), pki.otherCa()), server.port())) {
            assertThrows(java.io.IOException.class, () -> OneConnectionServer.exchange(client, "untrusted certificate"));
            ExecutionException refused = assertThrows(ExecutionException.class, server::served);
            TlsAlertException alert = assertInstanceOf(TlsAlertException.class, refused.getCause().getCause().getCause(), refused.toString());
            assertEquals(AlertDescription.CERTIFICATE_UNKNOWN, alert.description());
            assertEquals(List.of("client RSA CN=client.localhost"), trust.calls);
        }
    }

    @Test
    void ourClientAsksTheTrustManagerWithTheKeyExchangeAsAuthType() throws Exception {
        RecordingTrustManager trust = new RecordingTrustManager((X509TrustManager) TestManagers.trustManagers(pki.ca())[0]);
        SSLContext context = SSLContext.getInstance("TLSv1.2", new LayeredTlsProvider()); // a TLS 1.2 suite names its key exchange
        context.init(null, new TrustManager[] {trust}, null);
        try (OneConnectionServer server = new OneConnectionServer(TestManagers.sunJsse(pki, pki.serverRsa()), s -> { });
             SSLSocket client = connect(context, server.port())) {
            assertEquals("echo asked", OneConnectionServer.exchange(client, "asked"));
            assertEquals(List.of("server ECDHE_RSA CN=localhost"), trust.calls);
        }
    }

    @Test
    void ourTls13ClientAsksTheTrustManagerWithUnknownAsAuthTypeAsSunJsseDoes() throws Exception {
        RecordingTrustManager trust = new RecordingTrustManager((X509TrustManager) TestManagers.trustManagers(pki.ca())[0]);
        SSLContext context = SSLContext.getInstance("TLSv1.3", new LayeredTlsProvider());
        context.init(null, new TrustManager[] {trust}, null);
        try (OneConnectionServer server = new OneConnectionServer(TestManagers.sunJsse(pki, pki.serverRsa()), s -> { });
             SSLSocket client = connect(context, server.port())) {
            assertEquals("echo asked", OneConnectionServer.exchange(client, "asked"));
            assertEquals("TLSv1.3", client.getSession().getProtocol());
            // the JDK's PKIX trust manager refused "ANY", the word this handshake had before
            assertEquals(List.of("server UNKNOWN CN=localhost"), trust.calls);
        }
    }

    @Test
    void ourClientRefusesAServerItsTrustManagerDoesNotTrust() throws Exception {
        SSLContext trustsOnlyTheOtherCa = SSLContext.getInstance("TLS", new LayeredTlsProvider());
        trustsOnlyTheOtherCa.init(null, TestManagers.trustManagers(pki.otherCa()), null);
        try (OneConnectionServer server = new OneConnectionServer(TestManagers.sunJsse(pki, pki.serverRsa()), s -> { });
             SSLSocket client = connect(trustsOnlyTheOtherCa, server.port())) {
            SSLHandshakeException refused = assertThrows(SSLHandshakeException.class, client::startHandshake);
            assertTrue(refused.getMessage().contains("trust manager refused the server's certificate"), refused.getMessage());
            assertEquals(LayeredSslSession.NULL_SUITE, client.getSession().getCipherSuite(), "JSSE's session after a failed handshake");
            assertThrows(ExecutionException.class, server::served);
        }
    }

    @Test
    void httpsEndpointIdentificationChecksTheHostConnectedTo() throws Exception {
        SSLContext context = TestManagers.layered(pki, null);
        try (OneConnectionServer server = new OneConnectionServer(TestManagers.sunJsse(pki, pki.serverRsa()), s -> { });
             java.net.Socket tcp = new java.net.Socket(InetAddress.getLoopbackAddress(), server.port());
             SSLSocket client = (SSLSocket) context.getSocketFactory().createSocket(tcp, "not-localhost.example", server.port(), true)) {
            SSLParameters parameters = client.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            client.setSSLParameters(parameters);

            SSLHandshakeException refused = assertThrows(SSLHandshakeException.class, client::startHandshake);
            assertTrue(refused.getMessage().contains("not-localhost.example"), refused.getMessage());
        }
        try (OneConnectionServer server = new OneConnectionServer(TestManagers.sunJsse(pki, pki.serverRsa()), s -> { });
             SSLSocket client = connect(context, server.port())) {
            SSLParameters parameters = client.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            client.setSSLParameters(parameters);

            assertEquals("echo the right host", OneConnectionServer.exchange(client, "the right host"));
        }
    }

    @Test
    void sniAlpnAndTheEnabledSuiteReachTheSunJsseServer() throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(TestManagers.sunJsse(pki, pki.serverRsa()), s -> {
                SSLParameters parameters = s.getSSLParameters();
                parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
                s.setSSLParameters(parameters);
            });
             SSLSocket client = connect(TestManagers.layered(pki, null), server.port())) {
            SSLParameters parameters = client.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName("localhost")));
            parameters.setApplicationProtocols(new String[] {"http/1.1"});
            parameters.setCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"});
            client.setSSLParameters(parameters);

            assertEquals("echo names", OneConnectionServer.exchange(client, "names"));
            assertEquals("http/1.1", client.getApplicationProtocol());
            client.close();

            OneConnectionServer.Served theirs = server.served();
            assertEquals("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", theirs.cipherSuite());
            assertEquals("http/1.1", theirs.applicationProtocol());
            assertEquals(List.of(new SNIHostName("localhost")), theirs.requestedServerNames());
        }
    }

    @Test
    void ourServerSelectsAlpnForASunJsseClient() throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(TestManagers.layered(pki, pki.serverEcdsa()), s -> {
                SSLParameters parameters = s.getSSLParameters();
                parameters.setApplicationProtocols(new String[] {"http/1.1"});
                s.setSSLParameters(parameters);
            });
             SSLSocket client = connect(TestManagers.sunJsse(pki, null), server.port())) {
            SSLParameters parameters = client.getSSLParameters();
            parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
            client.setSSLParameters(parameters);

            assertEquals("echo alpn", OneConnectionServer.exchange(client, "alpn"));
            assertEquals("http/1.1", client.getApplicationProtocol());
            client.close();
            assertEquals("http/1.1", server.served().applicationProtocol());
        }
    }

    @Test
    void anUnconnectedSocketTakesItsPeerHostFromConnect() throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(TestManagers.sunJsse(pki, pki.serverRsa()), s -> { });
             SSLSocket client = (SSLSocket) TestManagers.layered(pki, null).getSocketFactory().createSocket()) {
            client.connect(new java.net.InetSocketAddress("localhost", server.port()), 30_000);
            SSLParameters parameters = client.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            client.setSSLParameters(parameters);

            assertEquals("echo connected later", OneConnectionServer.exchange(client, "connected later"));
            assertEquals("localhost", client.getSession().getPeerHost());
            client.close();
            assertEquals(List.of(new SNIHostName("localhost")), server.served().requestedServerNames(), "SNI names the host connected to");
        }
    }

    @Test
    void aHandshakeCompletedListenerHearsOfTheSession() throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(TestManagers.sunJsse(pki, pki.serverRsa()), s -> { });
             SSLSocket client = connect(TestManagers.layered(pki, null), server.port())) {
            CompletableFuture<SSLSession> heard = new CompletableFuture<>();
            client.addHandshakeCompletedListener(event -> heard.complete(event.getSession()));

            client.startHandshake();

            SSLSession session = heard.get(30, TimeUnit.SECONDS);
            assertEquals(client.getSession(), session);
            assertArrayEquals(client.getSession().getPeerCertificates(), session.getPeerCertificates());
            assertEquals("echo after the listener", OneConnectionServer.exchange(client, "after the listener"));
        }
    }

    @Test
    void closingALayeredSocketWithoutAutoCloseLeavesTheTcpSocketOpen() throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(TestManagers.sunJsse(pki, pki.serverRsa()), s -> { });
             java.net.Socket tcp = new java.net.Socket(InetAddress.getLoopbackAddress(), server.port())) {
            SSLSocket client = (SSLSocket) TestManagers.layered(pki, null).getSocketFactory().createSocket(tcp, "localhost", server.port(), false);
            assertEquals("echo layered", OneConnectionServer.exchange(client, "layered"));

            client.close();

            assertTrue(client.isClosed());
            assertTrue(!tcp.isClosed(), "the TCP socket belongs to its owner");
            assertEquals("layered", server.served().line());
        }
    }
}
