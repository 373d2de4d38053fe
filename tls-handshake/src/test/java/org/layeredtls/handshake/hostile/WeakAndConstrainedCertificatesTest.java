package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layeredtls.handshake.research.OpenSslProcess;

/**
 * The certificate bullets, end to end: {@code openssl s_server} presents a certificate made by
 * {@code openssl req/x509}, and our {@code layeredtls client} process must print the same "Verify return code"
 * as {@code openssl s_client} at its default security level: 68 for a leaf signed with SHA-1, 66 for an RSA-1024
 * leaf, 0 for a leaf inside its CA's name constraints and 47 for one outside them.
 */
class WeakAndConstrainedCertificatesTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeCertificates() throws Exception {
        ca("ca", null);
        ca("nc-ca", "nameConstraints=critical,permitted;DNS:localhost,permitted;IP:127.0.0.1/255.255.255.255");
        leaf("sha1", "ca", "rsa:2048", "-sha1", "DNS:localhost,IP:127.0.0.1");
        leaf("rsa1024", "ca", "rsa:1024", "-sha256", "DNS:localhost,IP:127.0.0.1");
        leaf("inside", "nc-ca", "rsa:2048", "-sha256", "DNS:localhost,IP:127.0.0.1");
        leaf("outside", "nc-ca", "rsa:2048", "-sha256", "DNS:outside.example,IP:127.0.0.1");
    }

    private static void ca(String name, String constraints) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", name + ".key", "-out", name + ".pem", "-subj", "/CN=Hostile suite " + name, "-days", "2", "-sha256",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
        if (constraints != null) {
            command.addAll(List.of("-addext", constraints));
        }
        CommandRun.ok(dir, command.toArray(String[]::new));
    }

    private static void leaf(String name, String ca, String key, String digest, String subjectAltName) throws Exception {
        CommandRun.ok(dir, "openssl", "req", "-newkey", key, "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
                "-subj", "/CN=localhost");
        Files.writeString(dir.resolve(name + ".ext"), "subjectAltName=" + subjectAltName
                + "\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n");
        CommandRun.ok(dir, "openssl", "x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + ".key",
                "-CAcreateserial", "-out", name + ".pem", "-days", "2", digest, "-extfile", name + ".ext");
    }

    private static int verifyCode(String output) {
        Matcher m = Pattern.compile("Verify return code: (\\d+)").matcher(output);
        if (!m.find()) {
            throw new AssertionError("no \"Verify return code\" line:\n" + output);
        }
        return Integer.parseInt(m.group(1));
    }

    @ParameterizedTest(name = "{0} leaf: Verify return code {2}")
    @CsvSource({"sha1, ca, 68", "rsa1024, ca, 66", "inside, nc-ca, 0", "outside, nc-ca, 47"})
    void ourClientPrintsTheVerifyCodeOpenSslPrints(String leaf, String ca, int expected) throws Exception {
        // s_server itself needs level 0 to present such certificates at all.
        try (OpenSslProcess server = OpenSslProcess.server("-cert", dir.resolve(leaf + ".pem").toString(),
                "-key", dir.resolve(leaf + ".key").toString(), "-www", "-no_tls1_3", "-cipher", "ALL:@SECLEVEL=0")) {
            String caFile = dir.resolve(ca + ".pem").toString();
            String connect = "127.0.0.1:" + server.port();
            CommandRun openssl = CommandRun.run(dir, List.of("openssl", "s_client", "-connect", connect, "-CAfile", caFile));
            assertEquals(expected, verifyCode(openssl.output()), openssl::output);
            List<String> ours = new ArrayList<>(ServerProcess.tools("client"));
            ours.addAll(List.of("-connect", connect, "-CAfile", caFile));
            CommandRun layeredtls = CommandRun.run(dir, ours);
            assertEquals(expected, verifyCode(layeredtls.output()), layeredtls::output);
        }
    }
}
