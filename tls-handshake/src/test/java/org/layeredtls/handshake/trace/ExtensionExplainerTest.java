package org.layeredtls.handshake.trace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.testing.Tls12Pki;

/**
 * {@code -explain} decodes every extension body field by field, those a default {@code openssl s_client}
 * (TLS 1.3 capable) offers included: supported_versions, key_share, psk_key_exchange_modes, status_request,
 * padding; and the TLS 1.3 forms a ServerHello or HelloRetryRequest carries.
 */
class ExtensionExplainerTest {

    private static String explain(byte[] extensionData, int type) {
        TraceLines lines = new TraceLines();
        new ByteWalk(extensionData, lines, "").nested(extensionData.length, "LEFT OVER", w -> ExtensionExplainer.explain(w, type));
        return String.join("\n", lines.lines());
    }

    @Test
    void openSslClientHelloExtensionsAreAllDecoded() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0,
                Tls12Pki.server().observer(new ExplainPrinter(new PrintStream(text, true, StandardCharsets.UTF_8))).build());
             OpenSslProcess client = OpenSslProcess.client(listener.getLocalPort(), "-status", "-servername", "localhost",
                     "-alpn", "http/1.1")) {
            try (TlsSocket accepted = listener.accept()) {
                accepted.startHandshake();
            }
            client.awaitOutput("Verify return code");
        }
        String out = text.toString(StandardCharsets.UTF_8);
        for (String expected : List.of(
                "extension_type = supported_versions(43)", "ProtocolVersion TLS 1.3 (0x0304)", "ProtocolVersion TLS 1.2 (0x0303)",
                "extension_type = key_share(51)", "KeyShareEntry group = x25519 (29)", "key_exchange: the sender's ephemeral public value",
                "extension_type = psk_key_exchange_modes(45)", "PskKeyExchangeMode psk_dhe_ke(1)",
                "extension_type = status_request(5)", "status_type = ocsp(1)", "responder_id_list length = 0",
                "extension_type = encrypt_then_mac(22)", "extension_type = extended_master_secret(23)")) {
            assertTrue(out.contains(expected), expected + "\n" + out);
        }
        assertFalse(out.contains("not interpreted by this stack"), out);
        assertFalse(out.contains("the extension's own lengths do not account for"), out);
    }

    @Test
    void theServerFormsOfTheTls13ExtensionsAreDecoded() {
        assertTrue(explain(new byte[] {3, 4}, 43).contains("selected_version = TLS 1.3 (0x0304): the version the server chose"));
        assertTrue(explain(new byte[] {0, 0x17}, 51).contains("selected_group = secp256r1 (23)"));
        String serverShare = explain(new byte[] {0, 0x1d, 0, 2, 9, 9}, 51);
        assertTrue(serverShare.contains("KeyShareEntry group = x25519 (29)") && serverShare.contains("key_exchange length = 2"), serverShare);
        assertTrue(explain(new byte[] {0, 0}, 41).contains("selected_identity = 0"));
        String psk = explain(new byte[] {0, 7, 0, 1, 0x41, 0, 0, 0, 5, 0, 3, 2, 1, 2}, 41);
        assertTrue(psk.contains("obfuscated_ticket_age = 5") && psk.contains("PskBinderEntry length = 2"), psk);
        assertFalse(psk.contains("LEFT OVER"), psk);
        assertTrue(explain(new byte[] {0, 0, 0, 0}, 21).contains("padding: 4 zero bytes"));
        assertTrue(explain(new byte[] {0}, 0x3A3A).contains("GREASE extension_data"));
        assertTrue(ExtensionExplainer.name(0xFAFA).equals("GREASE") && !ExtensionExplainer.isGrease(0x0A1A));
    }
}
