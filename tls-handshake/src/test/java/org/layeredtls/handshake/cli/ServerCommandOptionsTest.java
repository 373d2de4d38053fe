package org.layeredtls.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.cli.Cli.file;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.research.OpenSslProcess;

/** Every option of our {@code server} that the other tests do not run, against a real {@code openssl s_client}. */
class ServerCommandOptionsTest {

    private static final Pattern PAGE_END = Pattern.compile("Client certificate: [^\\n]*\\n");

    @Test
    void wwwAnswersAnHttpGetWithTheStatusPageToSClientAndToSClientQuiet() throws Exception {
        Cli.Running server = Cli.server("-www", "-naccept", "2");
        int port = Cli.port(server);
        try (OpenSslProcess client = OpenSslProcess.client(port, "-CAfile", file("ca.pem"))) {
            client.awaitOutput("Verify return code: 0 (ok)");
            client.write("GET / HTTP/1.0\r\n\r\n");
            client.awaitOutput(PAGE_END);
            String page = client.output();
            assertTrue(page.contains("HTTP/1.0 200 ok\r\n"), page);
            assertTrue(page.contains("Protocol  : TLSv1.2\n"), page);
            assertTrue(page.contains("Cipher    : ECDHE-RSA-AES128-GCM-SHA256 (TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)\n"), page);
        }
        // like curl: -quiet prints only what the server sends (and implies -ign_eof: it waits for our close)
        try (OpenSslProcess curl = OpenSslProcess.client(port, "-quiet", "-CAfile", file("ca.pem"), "-tls1_2")) {
            curl.write("GET / HTTP/1.0\r\n\r\n");
            curl.closeInput();
            assertTrue(curl.awaitExit(Cli.BOUND), curl::output);
            String page = curl.output();
            assertTrue(page.contains("HTTP/1.0 200 ok\r\nContent-type: text/plain\r\n\r\nLayeredTLS s_server -www\nProtocol  : TLSv1.2\n"), page);
            assertFalse(page.contains("SSL-Session"), page);
        }
        assertEquals(0, server.exitCode(), server::text);
    }

    @Test
    void withoutWwwOrEchoStdinGoesToTheClientAndTheClientsDataToStdout() throws Exception {
        Cli.Running server = Cli.server("-naccept", "1");
        try (OpenSslProcess client = OpenSslProcess.client(Cli.port(server), "-CAfile", file("ca.pem"))) {
            client.awaitOutput("Verify return code: 0 (ok)");
            server.out.await("New, TLSv1.2");
            client.write("typed into s_client\n");
            server.out.await("typed into s_client\n");
            server.type("typed into our server\n");
            client.awaitOutput(Pattern.compile("---\\s[\\s\\S]*typed into our server"));
            client.closeInput();
            assertEquals(0, server.exitCode(), server::text);
        }
        assertTrue(server.text().endsWith("typed into s_client\nDONE\n"), server.text());
    }

    @Test
    void whatIsTypedGoesToTheConnectionBeingServedNotToAnEarlierOne() throws Exception {
        Cli.Running server = Cli.server("-naccept", "2");
        int port = Cli.port(server);
        try (OpenSslProcess first = OpenSslProcess.client(port, "-CAfile", file("ca.pem"))) {
            first.awaitOutput("Verify return code: 0 (ok)");
            server.type("to the first\n");
            first.awaitOutput("to the first");
            first.closeInput(); // s_client closes the connection
            server.out.await("DONE");
        }
        try (OpenSslProcess second = OpenSslProcess.client(port, "-CAfile", file("ca.pem"))) {
            second.awaitOutput("Verify return code: 0 (ok)");
            server.out.await("New, TLSv1.2, Cipher is ECDHE-RSA-AES128-GCM-SHA256\nDONE\nNew, TLSv1.2");
            server.type("to the second\n");
            second.awaitOutput("to the second");
            second.closeInput();
            assertEquals(0, server.exitCode(), server::text);
        }
    }

    @Test
    void capitalVerifyRequiresAClientCertificateAndAcceptsOneSignedByTheCaFile() throws Exception {
        Cli.Running server = Cli.server("-Verify", "1", "-CAfile", file("ca.pem"), "-naccept", "2");
        int port = Cli.port(server);
        try (OpenSslProcess client = OpenSslProcess.client(port, "-CAfile", file("ca.pem"),
                "-cert", file("client.pem"), "-key", file("client.key"))) {
            client.awaitOutput("Verify return code: 0 (ok)");
            server.out.await("-----END CERTIFICATE-----\nsubject=CN = layeredtls-client\nissuer=CN = LayeredTLS CA\n");
        }
        try (OpenSslProcess client = OpenSslProcess.client(port, "-CAfile", file("ca.pem"))) {
            client.awaitOutput("alert handshake failure");
            client.awaitOutput("SSL alert number 40");
        }
        assertEquals(0, server.exitCode(), server::text);
        String text = server.text();
        assertTrue(text.startsWith("verify depth is 1, must return a certificate"), text);
        assertTrue(text.contains("error: handshake layer: handshake_failure: a client certificate is required and the client sent none"), text);
    }

    @Test
    void lowerCaseVerifyAsksForAClientCertificateButGoesOnWithout() throws Exception {
        Cli.Running server = Cli.server("-verify", "0", "-CAfile", file("ca.pem"), "-naccept", "2");
        int port = Cli.port(server);
        try (OpenSslProcess client = OpenSslProcess.client(port, "-CAfile", file("ca.pem"))) {
            client.awaitOutput("Verify return code: 0 (ok)");
            client.write("no certificate\n");
            server.out.await("no certificate\n");
        }
        server.out.await("DONE");
        assertFalse(server.text().contains("subject="), server.text());
        try (OpenSslProcess client = OpenSslProcess.client(port, "-CAfile", file("ca.pem"),
                "-cert", file("client.pem"), "-key", file("client.key"))) {
            client.awaitOutput("Verify return code: 0 (ok)");
            server.out.await("subject=CN = layeredtls-client\n");
        }
        assertEquals(0, server.exitCode(), server::text);
        assertTrue(server.text().startsWith("verify depth is 0 (not enforced"), server.text());
    }

    @Test
    void alpnSelectsTheServersFirstProtocolThatSClientOffers() throws Exception {
        Cli.Running server = Cli.server("-alpn", "h2,http/1.1", "-naccept", "1");
        try (OpenSslProcess client = OpenSslProcess.client(Cli.port(server), "-CAfile", file("ca.pem"), "-alpn", "foo,http/1.1")) {
            client.awaitOutput("ALPN protocol: http/1.1");
            client.closeInput();
            assertEquals(0, server.exitCode(), server::text);
        }
    }

    @Test
    void ssl3AndCompressionWorkBetweenOurClientAndOurServer() throws Exception {
        // OpenSSL 3.0 here has neither SSL 3.0 nor zlib: our own server is the peer
        // SSL 3.0 (from level 2), its MD5+SHA-1 signatures (from 1) and compression (from 2) need security level 0
        Cli.Running server = Cli.server("-ssl3", "-comp", "-seclevel", "0", "-echo", "-naccept", "1");
        Cli.Running client = Cli.client(Cli.port(server), "-ssl3", "-comp", "-seclevel", "0", "-CAfile", file("ca.pem"),
                "-servername", "localhost");
        client.out.await("Verify return code: 0 (ok)");
        client.type("compress me compress me compress me\n");
        client.out.await("---\ncompress me compress me compress me\n");
        client.endInput();
        assertEquals(0, client.exitCode(), client::text);
        assertEquals(0, server.exitCode(), server::text);
        String text = client.text();
        assertTrue(text.contains("New, SSLv3, Cipher is AES128-SHA\n"), text);
        assertTrue(text.contains("Compression: zlib compression (DEFLATE)\n"), text);
        assertTrue(text.contains("    Protocol  : SSLv3\n"), text);
    }
}
