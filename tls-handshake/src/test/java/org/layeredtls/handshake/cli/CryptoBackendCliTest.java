package org.layeredtls.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.cli.Cli.file;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layeredtls.crypto.BouncyCastleCrypto;
import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.crypto.PublicKeyCrypto;
import org.layeredtls.crypto.jdk.JdkCrypto;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.testing.CapturedOutput;

import picocli.CommandLine;

/**
 * {@code -crypto bc|jdk} on {@code client} and {@code server}, and the {@code cryptoBackend} knob it
 * sets: the JDK backend talks to a real {@code openssl s_server} and {@code s_client} with an AEAD
 * and a CBC suite, and a name that is no backend is a usage error.
 */
class CryptoBackendCliTest {

    private static TlsConfig configuredBy(String... args) throws Exception {
        CommonOptions options = new CommonOptions();
        new CommandLine(options).parseArgs(args);
        return options.configure(TlsConfig.builder(), new CapturedOutput().stream, true, "test").build();
    }

    @Test
    void theDefaultBackendIsBouncyCastleAndDashCryptoJdkSelectsTheJdks() throws Exception {
        assertEquals(CryptoBackend.BOUNCY_CASTLE, TlsConfig.builder().build().cryptoBackend());
        assertSame(BouncyCastleCrypto.INSTANCE, configuredBy().crypto());
        TlsConfig jdk = configuredBy("-crypto", "jdk");
        assertEquals(CryptoBackend.JDK, jdk.cryptoBackend());
        assertSame(JdkCrypto.INSTANCE, jdk.crypto());
        assertSame(BouncyCastleCrypto.INSTANCE, configuredBy("-crypto", "bc").crypto());
        // toBuilder keeps it; a provider of one's own is no named backend
        assertSame(JdkCrypto.INSTANCE, jdk.toBuilder().build().crypto());
        assertNull(TlsConfig.builder().crypto(new OwnProvider(), PublicKeyCrypto.defaultImplementation())
                .build().cryptoBackend());
    }

    @Test
    void aNameThatIsNoBackendIsAUsageError() throws Exception {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine client = new CommandLine(new ClientCommand()).setErr(new java.io.PrintWriter(err));
        assertEquals(2, client.execute("-connect", "127.0.0.1:1", "-crypto", "openssl"));
        assertTrue(err.toString().contains("unknown crypto backend 'openssl' (bc or jdk)"), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-CHACHA20-POLY1305", "ECDHE-RSA-AES256-SHA384"})
    void ourClientOnTheJdkBackendExchangesDataWithSServer(String suite) throws Exception {
        try (OpenSslProcess server = OpenSslProcess.server("-cert", file("server.pem"), "-key", file("server.key"),
                "-tls1_2", "-cipher", suite)) {
            Cli.Running client = Cli.client(server.port(), "-crypto", "jdk", "-CAfile", file("ca.pem"),
                    "-cipher", suite);
            client.out.await("Cipher is " + suite);
            client.type("from our client on the JDK backend\n");
            server.awaitOutput("from our client on the JDK backend");
            server.write("from s_server\n");
            client.out.await("from s_server");
            client.endInput();
            assertEquals(0, client.exitCode(), client::text);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"-tls1_2, ECDHE-RSA-AES256-GCM-SHA384", "-tls1, AES128-SHA"})
    void ourServerOnTheJdkBackendExchangesDataWithSClient(String version, String suite) throws Exception {
        List<String> level = version.equals("-tls1_2") ? List.of() : List.of("-cipher", suite + ":@SECLEVEL=0");
        Cli.Running server = Cli.server(concat(List.of("-crypto", "jdk", "-naccept", "1", version),
                level.isEmpty() ? List.of("-cipher", suite) : level));
        try (OpenSslProcess client = OpenSslProcess.client(Cli.port(server), concat(
                List.of("-CAfile", file("ca.pem"), version), List.of("-cipher", suite + ":@SECLEVEL=0")))) {
            client.awaitOutput("Verify return code: 0 (ok)");
            server.out.await("Cipher is " + suite);
            client.write("from s_client\n");
            server.out.await("from s_client\n");
            server.type("from our server on the JDK backend\n");
            client.awaitOutput("from our server on the JDK backend");
            client.closeInput();
            assertEquals(0, server.exitCode(), server::text);
        }
    }

    private static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }

    /** A provider of one's own: BouncyCastle's primitives under another object. */
    private static final class OwnProvider implements org.layeredtls.crypto.CryptoProvider {
        private final org.layeredtls.crypto.CryptoProvider real = BouncyCastleCrypto.INSTANCE;

        @Override
        public org.layeredtls.crypto.Hash hash(org.layeredtls.crypto.HashAlgorithm algorithm) {
            return real.hash(algorithm);
        }

        @Override
        public org.layeredtls.crypto.Mac hmac(org.layeredtls.crypto.HashAlgorithm algorithm, byte[] key) {
            return real.hmac(algorithm, key);
        }

        @Override
        public org.layeredtls.crypto.BlockCipher aes(byte[] key, boolean forEncryption) {
            return real.aes(key, forEncryption);
        }

        @Override
        public org.layeredtls.crypto.BlockCipher tripleDes(byte[] key, boolean forEncryption) {
            return real.tripleDes(key, forEncryption);
        }

        @Override
        public org.layeredtls.crypto.StreamCipher rc4(byte[] key) {
            return real.rc4(key);
        }

        @Override
        public org.layeredtls.crypto.Aead aesGcm(byte[] key) {
            return real.aesGcm(key);
        }

        @Override
        public org.layeredtls.crypto.Aead chaCha20Poly1305(byte[] key) {
            return real.chaCha20Poly1305(key);
        }
    }
}
