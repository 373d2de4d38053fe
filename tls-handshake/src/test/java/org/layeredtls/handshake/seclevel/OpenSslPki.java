package org.layeredtls.handshake.seclevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.Pem;

/**
 * Certificates made by the {@code openssl} CLI ({@code req}, {@code x509}), the way a user makes
 * them, for the tests that compare our verdicts with OpenSSL's: {@link #verify} runs
 * {@code openssl verify} on the same files.
 */
public final class OpenSslPki {

    private static final long BOUND_SECONDS = 30;
    private static final Pattern ERROR = Pattern.compile("error (\\d+) at (\\d+) depth lookup");

    private final Path directory;

    private OpenSslPki(Path directory) {
        this.directory = directory;
    }

    /** An empty PKI in a fresh temporary directory. */
    public static OpenSslPki inTemporaryDirectory(String label) {
        try {
            Path directory = Files.createTempDirectory("layeredtls-" + label);
            directory.toFile().deleteOnExit();
            return new OpenSslPki(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file(String name) {
        return directory.resolve(name);
    }

    public String path(String name) {
        return file(name).toString();
    }

    /** Writes a text file (an openssl extension file) into the directory. */
    public void write(String name, String text) {
        try {
            Files.writeString(file(name), text);
            file(name).toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code openssl args...} in the directory (bounded in time); returns its output; asserts success. */
    public String openssl(String... args) {
        Result result = run(args);
        assertEquals(0, result.exit(), () -> "openssl " + String.join(" ", args) + ":\n" + result.output());
        return result.output();
    }

    record Result(int exit, String output) {
    }

    private Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            assertTrue(process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS), "openssl did not end: " + command);
            for (Path p : Files.list(directory).toList()) {
                p.toFile().deleteOnExit();
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run openssl (the tests need it): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A new RSA key of {@code bits} in {@code name}.key. */
    public void rsaKey(String name, int bits) {
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:" + bits, "-out", name + ".key");
    }

    /** A self-signed CA {@code name}.pem over {@code name}.key, signed with {@code digest}. */
    public void selfSignedCa(String name, String subject, String digest) {
        openssl("req", "-new", "-x509", "-key", name + ".key", "-subj", subject, "-" + digest, "-days", "30",
                "-extensions", "v3_ca_layeredtls", "-config", writeConfig(name), "-out", name + ".pem");
    }

    private String writeConfig(String name) {
        write(name + ".cnf", "[req]\ndistinguished_name=dn\n[dn]\n[v3_ca_layeredtls]\n"
                + "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n");
        return name + ".cnf";
    }

    /**
     * A certificate {@code name}.pem for {@code key}.key with {@code subject}, issued by
     * {@code issuer} (.pem and .key), signed with {@code digest}, with the extensions in
     * {@code extensions} (openssl x509v3_config lines).
     */
    public void issue(String name, String key, String subject, String issuer, String digest, String extensions) {
        // before the caller's lines, which may end in [sections]
        write(name + ".ext", "authorityKeyIdentifier=keyid\n" + extensions + "\n");
        openssl("req", "-new", "-key", key + ".key", "-subj", subject, "-out", name + ".csr");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", issuer + ".pem", "-CAkey", issuer + ".key",
                "-set_serial", String.valueOf(Math.abs(name.hashCode())), "-" + digest, "-days", "30",
                "-extfile", name + ".ext", "-out", name + ".pem");
    }

    public Certificate certificate(String name) {
        try {
            return Pem.readCertificates(file(name + ".pem")).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What {@code openssl verify -auth_level level -CAfile anchor [-untrusted intermediate] leaf}
     * says: 0 for OK, else the X509_V_ERR code of the (first) error.
     */
    public int verify(int level, String anchor, String intermediate, String leaf) {
        List<String> args = new ArrayList<>(List.of("verify", "-auth_level", String.valueOf(level), "-CAfile", anchor + ".pem"));
        if (intermediate != null) {
            args.addAll(List.of("-untrusted", intermediate + ".pem"));
        }
        args.add(leaf + ".pem");
        Result result = run(args.toArray(String[]::new));
        Matcher m = ERROR.matcher(result.output());
        if (result.exit() == 0) {
            assertTrue(result.output().contains(": OK"), result.output());
            return 0;
        }
        assertTrue(m.find(), result.output());
        return Integer.parseInt(m.group(1));
    }
}
