package org.layeredtls.handshake.seclevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.cert.CertificateRejectedException;
import org.layeredtls.handshake.cert.Pem;
import org.layeredtls.handshake.cert.VerificationError;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * What the security level does to a handshake, each case next to OpenSSL 3.0 given the same bytes:
 * a TLS 1.2 ClientHello without signature_algorithms (RFC 5246 §7.4.1.4.1: SHA-1 implied) and a
 * TLS 1.0 ClientHello (MD5+SHA-1 signatures) are served at level 0 and refused above, with
 * handshake_failure and internal_error as {@code openssl s_server} answers; our client refuses a
 * SHA-1-signed server certificate with bad_certificate at the default level.
 */
@Timeout(120)
class SecurityLevelHandshakeTest {

    private static final int HANDSHAKE = 22;
    private static final int ALERT = 21;
    private static OpenSslPki pki;
    private final ExecutorService serverThread = Executors.newSingleThreadExecutor();
    private TlsServerSocket listener;

    @BeforeAll
    static void makeCertificates() {
        pki = OpenSslPki.inTemporaryDirectory("seclevel-handshake");
        pki.rsaKey("ca", 2048);
        pki.selfSignedCa("ca", "/CN=Level Test CA", "sha256");
        pki.rsaKey("leaf", 2048);
        String extensions = "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE";
        pki.issue("leaf-sha256", "leaf", "/CN=localhost", "ca", "sha256", extensions);
        pki.issue("leaf-sha1", "leaf", "/CN=localhost", "ca", "sha1", extensions);
    }

    @AfterEach
    void stop() throws IOException {
        if (listener != null) {
            listener.close();
        }
        serverThread.shutdownNow();
    }

    /** A ClientHello with supported_groups and ec_point_formats only: no signature_algorithms. */
    private static byte[] clientHello(int version, int... suites) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(new byte[] {3, (byte) version});
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        body.write(random);
        body.write(0); // no session id
        body.write(new byte[] {0, (byte) (2 * suites.length)});
        for (int suite : suites) {
            body.write(new byte[] {(byte) (suite >> 8), (byte) suite});
        }
        body.write(new byte[] {1, 0}); // null compression
        byte[] extensions = {0, 10, 0, 6, 0, 4, 0, 23, 0, 29, 0, 11, 0, 2, 1, 0};
        body.write(new byte[] {0, (byte) extensions.length});
        body.write(extensions);
        byte[] b = body.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        int length = b.length + 4;
        record.write(new byte[] {HANDSHAKE, 3, 1, (byte) (length >> 8), (byte) length, 1, 0, (byte) (b.length >> 8), (byte) b.length});
        record.write(b);
        return record.toByteArray();
    }

    /** "alert N" or "ServerHello" for the first record the server answers {@code hello} with. */
    private static String answer(int port, byte[] hello) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) OpenSslProcess.TIMEOUT_MILLIS);
            socket.getOutputStream().write(hello);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] header = new byte[5];
            in.readFully(header);
            byte[] first = new byte[((header[3] & 0xff) << 8) | (header[4] & 0xff)];
            in.readFully(first);
            if (header[0] == ALERT) {
                return "alert " + first[1];
            }
            assertEquals(HANDSHAKE, header[0]);
            return first[0] == 2 ? "ServerHello" : "handshake " + first[0];
        }
    }

    private int ourServer(int level, ProtocolVersion min) throws IOException {
        TlsConfig config = TlsConfig.builder().versions(min, ProtocolVersion.TLS1_2).securityLevel(level)
                .cipherSuites(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
                        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA)
                .certificate(Pem.readCertificates(pki.file("leaf-sha256.pem")), Pem.readPrivateKey(pki.file("leaf.key")))
                .build();
        listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, config);
        serverThread.submit(() -> {
            try (TlsSocket socket = listener.accept()) {
                socket.socket().setSoTimeout((int) OpenSslProcess.TIMEOUT_MILLIS);
                socket.startHandshake();
            }
            return null;
        });
        return listener.getLocalPort();
    }

    private static String openSslAnswer(String cipher, byte[] hello) throws IOException {
        try (OpenSslProcess server = OpenSslProcess.server("-cert", pki.path("leaf-sha256.pem"), "-key", pki.path("leaf.key"),
                "-cipher", cipher)) {
            return answer(server.port(), hello);
        }
    }

    @ParameterizedTest(name = "level {0}, TLS 1.2 without signature_algorithms, suite {1}: {3}")
    @CsvSource({"0, c02f, DEFAULT:@SECLEVEL=0, ServerHello", "0, 009c, DEFAULT:@SECLEVEL=0, ServerHello",
            "1, c02f, DEFAULT:@SECLEVEL=1, alert 40", "2, c02f, DEFAULT, alert 40", "2, 009c, DEFAULT, alert 40"})
    void aClientHelloWithoutSignatureAlgorithmsGetsOpenSslsAnswer(int level, String suite, String cipher, String expected)
            throws IOException {
        byte[] hello = clientHello(3, Integer.parseInt(suite, 16));
        assertEquals(expected, openSslAnswer(cipher, hello), "s_server's answer");
        assertEquals(expected, answer(ourServer(level, ProtocolVersion.TLS1_2), hello));
    }

    @ParameterizedTest(name = "level {0}, TLS 1.0, suite {1}: {3}")
    @CsvSource({"0, c013, DEFAULT:@SECLEVEL=0, ServerHello", "0, 002f, DEFAULT:@SECLEVEL=0, ServerHello",
            "1, 002f, DEFAULT:@SECLEVEL=1, alert 80", "2, c013, DEFAULT, alert 80", "2, 002f, DEFAULT, alert 80"})
    void aTls10ClientHelloGetsOpenSslsAnswer(int level, String suite, String cipher, String expected) throws IOException {
        byte[] hello = clientHello(1, Integer.parseInt(suite, 16));
        assertEquals(expected, openSslAnswerTls1(cipher, hello), "s_server's answer");
        assertEquals(expected, answer(ourServer(level, ProtocolVersion.TLS1_0), hello));
    }

    private static String openSslAnswerTls1(String cipher, byte[] hello) throws IOException {
        try (OpenSslProcess server = OpenSslProcess.server("-cert", pki.path("leaf-sha256.pem"), "-key", pki.path("leaf.key"),
                "-cipher", cipher, "-tls1")) {
            return answer(server.port(), hello);
        }
    }

    @Test
    void ourClientRefusesASha1SignedServerCertificateWithBadCertificateAtTheDefaultLevel() throws Exception {
        try (OpenSslProcess server = OpenSslProcess.server("-cert", pki.path("leaf-sha1.pem"), "-key", pki.path("leaf.key"),
                "-cipher", "DEFAULT:@SECLEVEL=0")) {
            TlsConfig config = TlsConfig.builder().trustAnchors(Pem.readCertificates(pki.file("ca.pem"))).serverName("localhost")
                    .build();
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), config)) {
                socket.socket().setSoTimeout((int) OpenSslProcess.TIMEOUT_MILLIS);
                TlsAlertException refused = assertThrows(TlsAlertException.class, socket::startHandshake);
                assertEquals(AlertDescription.BAD_CERTIFICATE, refused.description());
                assertEquals(VerificationError.CA_MD_TOO_WEAK, assertInstanceOf(CertificateRejectedException.class, refused).error());
            }
            server.awaitOutput("alert bad certificate");
        }
    }

    @Test
    void atLevelZeroOurClientCompletesTheHandshakeWithTheSha1SignedCertificate() throws Exception {
        try (OpenSslProcess server = OpenSslProcess.server("-cert", pki.path("leaf-sha1.pem"), "-key", pki.path("leaf.key"),
                "-cipher", "DEFAULT:@SECLEVEL=0")) {
            TlsConfig config = TlsConfig.builder().trustAnchors(Pem.readCertificates(pki.file("ca.pem"))).serverName("localhost")
                    .maxVersion(ProtocolVersion.TLS1_2).securityLevel(0).build();
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), config)) {
                socket.socket().setSoTimeout((int) OpenSslProcess.TIMEOUT_MILLIS);
                socket.startHandshake();
                assertEquals(ProtocolVersion.TLS1_2, socket.session().version());
            }
        }
    }
}
