package org.layeredtls.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.cli.Cli.file;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.handshake.research.OpenSslProcess;

/**
 * TLS 1.3 post-handshake client authentication on the command line, as OpenSSL's: the client's {@code -enable_pha}
 * answering {@code openssl s_server}'s {@code c} command, and the server's own {@code c} asking
 * {@code openssl s_client -enable_pha} for its certificate.
 */
@Timeout(120)
class PostHandshakeAuthCliTest {

    @Test
    void ourClientWithEnablePhaAnswersSServersCertificateRequest() throws Exception {
        try (OpenSslProcess server = OpenSslProcess.server("-cert", file("server.pem"), "-key", file("server.key"), "-tls1_3",
                "-verify", "1", "-CAfile", file("ca.pem"), "-verify_return_error")) {
            Cli.Running client = Cli.client(server.port(), "-tls1_3", "-CAfile", file("ca.pem"), "-enable_pha",
                    "-cert", file("client.pem"), "-key", file("client.key"));
            client.out.await("New, TLSv1.3");
            client.type("before the request\n");
            server.awaitOutput("before the request");
            server.write("c\n"); // s_server: a CertificateRequest after the handshake
            // s_server's verify callback runs on our chain twice: in the handshake (-verify), then on our answer
            server.awaitOutput(Pattern.compile("(?s)depth=0 CN = layeredtls-client.*depth=0 CN = layeredtls-client"));
            client.type("after the request\n");
            server.awaitOutput("after the request");
            server.write("from s_server after the request\n");
            client.out.await("from s_server after the request");
            client.endInput();
            assertEquals(0, client.exitCode(), client::text);
        }
    }

    @Test
    void ourServersCCommandAsksSClientWithEnablePhaForItsCertificate() throws Exception {
        Cli.Running server = Cli.server("-naccept", "1", "-tls1_3", "-CAfile", file("ca.pem"));
        try (OpenSslProcess client = OpenSslProcess.client(Cli.port(server), "-CAfile", file("ca.pem"), "-tls1_3",
                "-enable_pha", "-cert", file("client.pem"), "-key", file("client.key"))) {
            client.awaitOutput("Verify return code: 0 (ok)");
            server.out.await("Cipher is");
            assertTrue(!server.out.text().contains("Client certificate"), "no certificate asked for in the handshake");
            server.type("c\n");
            server.out.await("CERTIFICATE REQUEST sent (post-handshake)");
            server.out.await("subject=CN = layeredtls-client"); // printed once our server checked the answer
            client.write("from s_client\n");
            server.out.await("from s_client\n");
            client.closeInput();
            assertEquals(0, server.exitCode(), server::text);
        }
    }
}
