package org.layeredtls.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.seclevel.OpenSslPki;
import org.layeredtls.handshake.suite.CipherSuite;

/**
 * {@code -seclevel N} and {@code @SECLEVEL=N} in {@code -cipher}, and what our client prints for a
 * certificate below the level, next to what {@code openssl s_client} prints against the same
 * {@code openssl s_server}.
 */
@Timeout(180)
class SecurityLevelCliTest {

    private static final Pattern VERIFY_CODE = Pattern.compile("Verify return code: [^\\n]*");
    private static final Pattern VERIFY_ERROR = Pattern.compile("verify error:num=\\d+:[^\\n]*");
    private static final Pattern VERIFICATION = Pattern.compile("Verification error: [^\\n]*");
    private static OpenSslPki pki;

    @BeforeAll
    static void makeCertificates() {
        pki = OpenSslPki.inTemporaryDirectory("seclevel-cli");
        pki.rsaKey("ca", 2048);
        pki.selfSignedCa("ca", "/CN=Level Test CA", "sha256");
        pki.rsaKey("leaf", 2048);
        pki.rsaKey("small", 1024);
        String extensions = "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE";
        pki.issue("leaf-sha1", "leaf", "/CN=localhost", "ca", "sha1", extensions);
        pki.issue("leaf-rsa1024", "small", "/CN=localhost", "ca", "sha256", extensions);
    }

    /** s_server at level 0 (it would not even load these certificates at 2) with {@code leaf}. */
    private static OpenSslProcess sServer(String leaf, String key, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("-cert", pki.path(leaf + ".pem"), "-key", pki.path(key + ".key"),
                "-cipher", "DEFAULT:@SECLEVEL=0", "-tls1_2"));
        args.addAll(List.of(more));
        return OpenSslProcess.server(args.toArray(String[]::new));
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), () -> pattern + " not in:\n" + text);
        return m.group();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({"leaf-sha1, leaf, 68 (CA signature digest algorithm too weak)",
            "leaf-rsa1024, small, 66 (EE certificate key too weak)"})
    void ourClientRefusesAWeakCertificateWithTheCodeAndAlertOfOpenSslsClient(String leaf, String key, String code)
            throws Exception {
        String theirVerifyError;
        String theirVerification;
        try (OpenSslProcess server = sServer(leaf, key);
             OpenSslProcess client = OpenSslProcess.client(server.port(), "-CAfile", pki.path("ca.pem"),
                     "-verify_return_error")) {
            client.closeInput();
            client.awaitOutput(VERIFY_CODE);
            theirVerifyError = find(VERIFY_ERROR, client.output());
            theirVerification = find(VERIFICATION, client.output());
            server.awaitOutput("alert bad certificate");
        }
        assertEquals("verify error:num=" + code.replaceFirst(" \\(", ":").replace(")", ""), theirVerifyError);
        try (OpenSslProcess server = sServer(leaf, key)) {
            Cli.Running ours = Cli.client(server.port(), "-CAfile", pki.path("ca.pem"), "-servername", "localhost");
            assertEquals(1, ours.exitCode(), ours::text);
            assertEquals(theirVerifyError, find(VERIFY_ERROR, ours.text()));
            assertEquals(theirVerification, find(VERIFICATION, ours.text()));
            // s_client's TLS 1.2 summary says "0 (ok)" after a failed verification (see ClientCommand): we give the code
            assertEquals("Verify return code: " + code, find(VERIFY_CODE, ours.text()));
            assertTrue(ours.text().contains("(alert bad_certificate(42))"), ours::text);
            server.awaitOutput("alert bad certificate"); // the alert OpenSSL's client sends, seen by the same server
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-seclevel 0", "-cipher DEFAULT:@SECLEVEL=0", "-cipher ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0",
            "-cipher ALL:@SECLEVEL=0"})
    void atLevelZeroOurClientAcceptsTheSha1LeafAsOpenSslDoes(String options) throws Exception {
        try (OpenSslProcess server = sServer("leaf-sha1", "leaf")) {
            List<String> args = new java.util.ArrayList<>(List.of(options.split(" ")));
            args.addAll(List.of("-CAfile", pki.path("ca.pem"), "-servername", "localhost"));
            Cli.Running ours = Cli.client(server.port(), args.toArray(String[]::new));
            ours.out.await("Verify return code: 0 (ok)");
            ours.endInput();
            assertEquals(0, ours.exitCode(), ours::text);
        }
    }

    @Test
    void levelOneStillRefusesSha1CertificateSignatures() throws Exception {
        try (OpenSslProcess server = sServer("leaf-sha1", "leaf")) {
            Cli.Running ours = Cli.client(server.port(), "-seclevel", "1", "-CAfile", pki.path("ca.pem"));
            assertEquals(1, ours.exitCode(), ours::text);
            assertTrue(ours.text().contains("Verify return code: 68 (CA signature digest algorithm too weak)"), ours::text);
        }
    }

    @Test
    void withoutCaFileOurCodeForAChainWithASha1LeafIsOpenSsls() throws Exception {
        String theirs;
        try (OpenSslProcess server = sServer("leaf-sha1", "leaf", "-cert_chain", pki.path("ca.pem"));
             OpenSslProcess client = OpenSslProcess.client(server.port())) {
            client.closeInput();
            theirs = client.awaitOutput(VERIFY_CODE);
        }
        assertEquals("Verify return code: 68 (CA signature digest algorithm too weak)", theirs);
        try (OpenSslProcess server = sServer("leaf-sha1", "leaf", "-cert_chain", pki.path("ca.pem"))) {
            Cli.Running ours = Cli.client(server.port(), "-servername", "localhost");
            ours.out.await("Verify return code");
            ours.endInput();
            assertEquals(0, ours.exitCode(), ours::text);
            assertEquals(theirs, find(VERIFY_CODE, ours.text()));
        }
    }

    @Test
    void cipherStringsReadAsOpenSslReadsThem() {
        List<CipherSuite> defaults = TlsConfig.DEFAULT_SUITES;
        assertEquals(new CipherString(defaults, OptionalInt.of(0)), CipherString.parse("DEFAULT:@SECLEVEL=0", defaults));
        assertEquals(new CipherString(List.of(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA), OptionalInt.of(0)),
                CipherString.parse("AES128-SHA:@SECLEVEL=0", defaults));
        assertEquals(OptionalInt.of(1), CipherString.parse("ALL:@SECLEVEL=1", defaults).securityLevel());
        assertEquals(OptionalInt.of(5), CipherString.parse("ALL:@SECLEVEL=9", defaults).securityLevel()); // clamped
        assertEquals(OptionalInt.empty(), CipherString.parse("AES128-SHA, AES256-SHA", defaults).securityLevel());
        List<CipherSuite> all = CipherString.parse("ALL", defaults).suites();
        assertTrue(all.containsAll(defaults) && !all.contains(CipherSuite.TLS_RSA_WITH_NULL_SHA), all::toString);
        assertTrue(CipherString.parse("ALL", defaults).suites().contains(CipherSuite.TLS_RSA_WITH_RC4_128_SHA));
        IllegalArgumentException none = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CipherString.parse("@SECLEVEL=0", defaults));
        assertTrue(none.getMessage().contains("no cipher match"), none.getMessage());
    }
}
