package org.layeredtls.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.interop.TestPki;
import org.layeredtls.handshake.jca.JcaCertificates;

/**
 * Our {@link SSLEngine} against SunJSSE's, TLS 1.2, both directions, driven by hand ({@link EngineLoop}) with
 * tiny buffers and bytes delivered a few at a time, so that every status of the JSSE contract comes up:
 * BUFFER_UNDERFLOW, BUFFER_OVERFLOW on wrap and on unwrap, NEED_WRAP / NEED_UNWRAP, FINISHED once, CLOSED.
 */
class LayeredSslEngineTest {

    private static final int MAX_ROUNDS = 200_000;

    @TempDir
    static Path directory;
    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static SSLEngine client(SSLContext context) {
        SSLEngine engine = context.createSSLEngine("localhost", 443);
        engine.setUseClientMode(true);
        return engine;
    }

    private static SSLEngine server(SSLContext context) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        return engine;
    }

    @Test
    void ourClientEngineAndASunJsseServerEngineExchangeDataThroughTinyBuffersFedSevenBytesAtATime() throws Exception {
        byte[] request = random(24_000, 1);
        byte[] response = random(30_000, 2);
        EngineLoop.Side ours = new EngineLoop.Side(client(TestManagers.layered(pki, null)), request, 16, 8);
        EngineLoop.Side theirs = new EngineLoop.Side(server(TestManagers.sunJsse(pki, pki.serverRsa())), response, 64, 64);

        new EngineLoop(ours, theirs, 7).run(MAX_ROUNDS);

        assertArrayEquals(request, theirs.received.toByteArray());
        assertArrayEquals(response, ours.received.toByteArray());
        assertEquals(1, ours.count(HandshakeStatus.FINISHED), "FINISHED once, in the result that ended the handshake");
        assertEquals(1, theirs.count(HandshakeStatus.FINISHED));
        assertTrue(ours.count(Status.BUFFER_UNDERFLOW) > 0, "a record arrived in pieces");
        assertTrue(ours.count(Status.BUFFER_OVERFLOW) >= 2, "wrap and unwrap asked for larger buffers");
        SSLSession session = ours.engine.getSession();
        assertEquals("TLSv1.2", session.getProtocol());
        assertEquals(theirs.engine.getSession().getCipherSuite(), session.getCipherSuite());
        assertEquals(JcaCertificates.toJca(pki.serverRsa().chain().get(0)), session.getPeerCertificates()[0]);
        assertEquals(HandshakeStatus.NOT_HANDSHAKING, ours.engine.getHandshakeStatus());
        assertEquals(java.util.List.of(new javax.net.ssl.SNIHostName("localhost")),
                ((javax.net.ssl.ExtendedSSLSession) theirs.engine.getSession()).getRequestedServerNames(),
                "the host given to createSSLEngine is sent as SNI");
    }

    @Test
    void directBuffersWithNoBackingArrayCarryTheSameBytes() throws Exception {
        byte[] request = random(30_000, 5);
        byte[] response = random(30_000, 6);
        EngineLoop.Side ours = new EngineLoop.Side(client(TestManagers.layered(pki, null)), request, 64, 64, true);
        EngineLoop.Side theirs = new EngineLoop.Side(server(TestManagers.sunJsse(pki, pki.serverRsa())), response, 20_000, 20_000);

        new EngineLoop(ours, theirs, 1000).run(MAX_ROUNDS);

        assertArrayEquals(request, theirs.received.toByteArray());
        assertArrayEquals(response, ours.received.toByteArray());
        assertEquals(1, ours.count(HandshakeStatus.FINISHED));
    }

    @Test
    void aSunJsseClientEngineAndOurServerEngineAuthenticateEachOtherAndExchangeData() throws Exception {
        byte[] request = random(20_000, 3);
        byte[] response = random(40_000, 4);
        SSLEngine ourServer = server(TestManagers.layered(pki, pki.serverEcdsa()));
        ourServer.setNeedClientAuth(true);
        EngineLoop.Side theirs = new EngineLoop.Side(client(TestManagers.sunJsse(pki, pki.clientRsa())), request, 100, 100);
        EngineLoop.Side ours = new EngineLoop.Side(ourServer, response, 16, 8);

        new EngineLoop(theirs, ours, 5).run(MAX_ROUNDS);

        assertArrayEquals(request, ours.received.toByteArray());
        assertArrayEquals(response, theirs.received.toByteArray());
        assertEquals(1, ours.count(HandshakeStatus.FINISHED));
        assertTrue(ours.count(Status.BUFFER_UNDERFLOW) > 0);
        assertTrue(ours.count(Status.BUFFER_OVERFLOW) >= 2);
        assertEquals(JcaCertificates.toJca(pki.clientRsa().chain().get(0)), ourServer.getSession().getPeerCertificates()[0]);
        assertEquals("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", ourServer.getSession().getCipherSuite());
        assertEquals(theirs.engine.getSession().getCipherSuite(), ourServer.getSession().getCipherSuite());
    }

    @Test
    void closeNotifyBothWaysClosesBothEnginesWithStatusClosed() throws Exception {
        EngineLoop.Side ours = new EngineLoop.Side(client(TestManagers.layered(pki, null)), new byte[0], 20_000, 20_000);
        EngineLoop.Side theirs = new EngineLoop.Side(server(TestManagers.sunJsse(pki, pki.serverRsa())), new byte[0], 20_000, 20_000);
        EngineLoop loop = new EngineLoop(ours, theirs, Integer.MAX_VALUE);
        loop.run(MAX_ROUNDS);

        ours.engine.closeOutbound();
        assertEquals(HandshakeStatus.NEED_WRAP, ours.engine.getHandshakeStatus(), "close_notify waits to be wrapped");
        assertFalse(ours.engine.isOutboundDone());
        loop.run(MAX_ROUNDS);

        assertTrue(ours.engine.isOutboundDone());
        assertTrue(ours.engine.isInboundDone(), "SunJSSE answered with its close_notify");
        assertTrue(theirs.engine.isInboundDone());
        assertTrue(theirs.engine.isOutboundDone());
        assertEquals(Status.CLOSED, ours.statuses.get(ours.statuses.size() - 1));
        SSLEngineResult after = ours.engine.wrap(ByteBuffer.wrap(new byte[10]), ByteBuffer.allocate(20_000));
        assertEquals(Status.CLOSED, after.getStatus());
        assertEquals(0, after.bytesConsumed());
    }

    @Test
    void aSecondBeginHandshakeRenegotiatesWithSunJsseAndReportsFinishedAgain() throws Exception {
        EngineLoop.Side ours = new EngineLoop.Side(client(TestManagers.layered(pki, null)), new byte[0], 20_000, 20_000);
        EngineLoop.Side theirs = new EngineLoop.Side(server(TestManagers.sunJsse(pki, pki.serverRsa())), new byte[0], 20_000, 20_000);
        EngineLoop loop = new EngineLoop(ours, theirs, Integer.MAX_VALUE);
        loop.run(MAX_ROUNDS);
        byte[] firstSession = ours.engine.getSession().getId();

        ours.engine.beginHandshake();
        assertEquals(HandshakeStatus.NEED_WRAP, ours.engine.getHandshakeStatus(), "a new ClientHello waits");
        loop.run(MAX_ROUNDS);

        assertEquals(2, ours.count(HandshakeStatus.FINISHED), "RFC 5746: a second handshake on the connection");
        assertEquals(2, theirs.count(HandshakeStatus.FINISHED));
        assertEquals(HandshakeStatus.NOT_HANDSHAKING, ours.engine.getHandshakeStatus());
        assertFalse(java.util.Arrays.equals(firstSession, ours.engine.getSession().getId()), "a full handshake: a new session");
    }

    @Test
    void closingInboundWithoutThePeersCloseNotifyIsATruncationTheEngineReports() throws Exception {
        EngineLoop.Side ours = new EngineLoop.Side(client(TestManagers.layered(pki, null)), new byte[0], 20_000, 20_000);
        EngineLoop.Side theirs = new EngineLoop.Side(server(TestManagers.sunJsse(pki, pki.serverRsa())), new byte[0], 20_000, 20_000);
        new EngineLoop(ours, theirs, Integer.MAX_VALUE).run(MAX_ROUNDS);

        SSLException truncated = assertThrows(SSLException.class, ours.engine::closeInbound);
        assertTrue(truncated.getMessage().contains("close_notify"), truncated.getMessage());
        assertTrue(ours.engine.isInboundDone());
        assertEquals(HandshakeStatus.NEED_WRAP, ours.engine.getHandshakeStatus(), "our close_notify waits");
    }

    @Test
    void anUntrustedServerFailsTheHandshakeAndTheFatalAlertWaitsToBeWrapped() throws Exception {
        SSLContext trustsOtherCa = SSLContext.getInstance("TLSv1.2", new LayeredTlsProvider()); // a 7-byte alert record: TLS 1.2
        trustsOtherCa.init(null, TestManagers.trustManagers(pki.otherCa()), null);
        EngineLoop.Side ours = new EngineLoop.Side(client(trustsOtherCa), new byte[0], 20_000, 20_000);
        EngineLoop.Side theirs = new EngineLoop.Side(server(TestManagers.sunJsse(pki, pki.serverRsa())), new byte[0], 20_000, 20_000);

        SSLHandshakeException refused = assertThrows(SSLHandshakeException.class,
                () -> new EngineLoop(ours, theirs, Integer.MAX_VALUE).run(MAX_ROUNDS));
        TlsAlertException alert = assertInstanceOf(TlsAlertException.class, refused.getCause());
        assertEquals(AlertDescription.CERTIFICATE_UNKNOWN, alert.description());
        assertEquals(HandshakeStatus.NEED_WRAP, ours.engine.getHandshakeStatus());

        ByteBuffer wire = ByteBuffer.allocate(20_000);
        SSLEngineResult result = ours.engine.wrap(ByteBuffer.allocate(0), wire);
        assertEquals(Status.CLOSED, result.getStatus());
        assertEquals(7, result.bytesProduced(), "one alert record: 5-byte header, level, description");
        wire.flip();
        SSLException received = assertThrows(SSLException.class, () -> theirs.engine.unwrap(wire, ByteBuffer.allocate(20_000)));
        assertTrue(received.getMessage().contains("certificate_unknown"), received.getMessage());
    }

    @Test
    void alpnIsAgreedWithSunJsseAndShownByBothEngines() throws Exception {
        SSLEngine ourClient = client(TestManagers.layered(pki, null));
        SSLParameters offer = ourClient.getSSLParameters();
        offer.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        ourClient.setSSLParameters(offer);
        SSLEngine theirServer = server(TestManagers.sunJsse(pki, pki.serverRsa()));
        SSLParameters accept = theirServer.getSSLParameters();
        accept.setApplicationProtocols(new String[] {"h2"});
        theirServer.setSSLParameters(accept);
        assertNull(ourClient.getApplicationProtocol(), "not known before the handshake");

        new EngineLoop(new EngineLoop.Side(ourClient, new byte[0], 20_000, 20_000),
                new EngineLoop.Side(theirServer, new byte[0], 20_000, 20_000), Integer.MAX_VALUE).run(MAX_ROUNDS);

        assertEquals("h2", ourClient.getApplicationProtocol());
        assertEquals("h2", theirServer.getApplicationProtocol());
    }

    @Test
    void ourServersProtocolSelectorChoosesAmongWhatASunJsseClientOffers() throws Exception {
        SSLEngine theirClient = client(TestManagers.sunJsse(pki, null));
        SSLParameters offer = theirClient.getSSLParameters();
        offer.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        theirClient.setSSLParameters(offer);
        SSLEngine ourServer = server(TestManagers.layered(pki, pki.serverRsa()));
        java.util.List<java.util.List<String>> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        ourServer.setHandshakeApplicationProtocolSelector((engine, offered) -> {
            asked.add(offered);
            return engine == ourServer ? "http/1.1" : null;
        });

        new EngineLoop(new EngineLoop.Side(theirClient, new byte[0], 20_000, 20_000),
                new EngineLoop.Side(ourServer, new byte[0], 20_000, 20_000), Integer.MAX_VALUE).run(MAX_ROUNDS);

        assertEquals(java.util.List.of(java.util.List.of("h2", "http/1.1")), asked);
        assertEquals("http/1.1", ourServer.getApplicationProtocol());
        assertEquals("http/1.1", theirClient.getApplicationProtocol());
    }

    @Test
    void beforeTheHandshakeTheEngineShowsJsseDefaultsAndWantsAMode() throws Exception {
        SSLEngine engine = TestManagers.layered(pki, null).createSSLEngine();
        assertFalse(engine.getUseClientMode(), "server mode until told, as SunJSSE");
        assertThrows(IllegalStateException.class, engine::beginHandshake);
        assertEquals(HandshakeStatus.NOT_HANDSHAKING, engine.getHandshakeStatus());
        SSLSession none = engine.getSession();
        assertEquals("SSL_NULL_WITH_NULL_NULL", none.getCipherSuite());
        assertEquals(5 + 16_384 + 2_048, none.getPacketBufferSize(), "RFC 5246 §6.2.3: the largest TLSCiphertext and its header");
        assertEquals(16_384, none.getApplicationBufferSize());
        assertNull(engine.getHandshakeSession());
        assertNull(engine.getDelegatedTask());

        engine.setUseClientMode(true);
        engine.beginHandshake();
        assertEquals(HandshakeStatus.NEED_WRAP, engine.getHandshakeStatus(), "the ClientHello waits");
        assertEquals(none.getPacketBufferSize(), engine.getHandshakeSession().getPacketBufferSize());
        assertThrows(IllegalArgumentException.class, () -> engine.setUseClientMode(false));
        SSLEngineResult tooSmall = engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(10));
        assertEquals(Status.BUFFER_OVERFLOW, tooSmall.getStatus());
        assertEquals(0, tooSmall.bytesProduced());
        SSLEngineResult hello = engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(none.getPacketBufferSize()));
        assertEquals(Status.OK, hello.getStatus());
        assertEquals(HandshakeStatus.NEED_UNWRAP, hello.getHandshakeStatus());
        SSLEngineResult partial = engine.unwrap(ByteBuffer.wrap(new byte[] {22, 3, 3}), ByteBuffer.allocate(100));
        assertEquals(Status.BUFFER_UNDERFLOW, partial.getStatus());
        assertEquals(0, partial.bytesConsumed());
    }
}
