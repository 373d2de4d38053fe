package org.layeredtls.handshake.trace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.testing.Tls12Pki;

class ExplainPrinterTest {

    @Test
    void explainsEveryFieldOfAFullHandshakeWithNothingLeftUnaccountedFor() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, Tls12Pki.server().build())) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                try (TlsSocket s = listener.accept()) {
                    s.getOutputStream().write("hi".getBytes(StandardCharsets.US_ASCII));
                    s.getInputStream().read();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (TlsSocket client = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), Tls12Pki.client().alpn("http/1.1")
                    .observer(new ExplainPrinter(new PrintStream(text, true, StandardCharsets.UTF_8))).build())) {
                client.getInputStream().read();
            }
            server.get(30, TimeUnit.SECONDS);
        }
        String out = text.toString(StandardCharsets.UTF_8);
        for (String expected : new String[] {
                "ContentType = Handshake (22): which protocol the fragment belongs to",
                "msg_type = client_hello(1)",
                "random: 32 bytes, the client's contribution to the keys, and replay protection",
                "random: 32 bytes, the server's contribution to the keys, and replay protection",
                "cipher_suite = TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: the suite the server chose",
                "X.509 certificate (DER): subject CN=localhost",
                "public point: the server's ephemeral public key",
                "signature algorithm = rsa_pss_rsae_sha256",
                "ecdh_Yc: the client's ephemeral public key",
                "change_cipher_spec (1): from the next record on",
                "proves both sides saw the same handshake and hold the same keys",
                "bytes of overhead",
                "application data: the bytes the application wrote",
                "AlertDescription: close_notify(0)",
                // extension bodies, field by field
                "name_type = host_name(0)",
                "host_name = localhost: DNS name",
                "NamedGroup x25519",
                "ECPointFormat uncompressed (0)",
                "SignatureAndHashAlgorithm rsa_pss_rsae_sha256",
                "ProtocolName = http/1.1",
                "renegotiated_connection length = 0"}) {
            assertTrue(out.contains(expected), expected + "\n" + out);
        }
        assertFalse(out.contains("trailing bytes"), out);
        assertFalse(out.contains("bytes end inside"), out);
        assertFalse(out.contains("does not decode"), out);
    }
}
