package org.layeredtls.handshake.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.layeredtls.crypto.SecureRandomSource;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.KeyAlgorithm;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code certs}: makes a small PKI with the project's {@link CertificateAuthority}: ca.pem/ca.key,
 * server.pem/server.key (subjectAltName localhost and 127.0.0.1) and client.pem/client.key.
 */
@Command(name = "certs", description = "Create a CA, a server and a client certificate (PEM).", mixinStandardHelpOptions = true)
public class CertsCommand implements Callable<Integer> {

    @Option(names = "-out", paramLabel = "DIR", required = true, description = "Directory to write the files into.")
    Path out;
    @Option(names = "-ecdsa", description = "EC P-256 keys instead of RSA 2048.")
    boolean ecdsa;
    @Option(names = "-days", paramLabel = "N", defaultValue = "365", description = "Validity in days (default ${DEFAULT-VALUE}).")
    int days;

    private PrintStream stdout = System.out;

    public CertsCommand io(PrintStream stdout) {
        this.stdout = stdout;
        return this;
    }

    @Override
    public Integer call() throws Exception {
        KeyAlgorithm algorithm = ecdsa ? KeyAlgorithm.EC_P256 : KeyAlgorithm.RSA_2048;
        Instant notBefore = Instant.now().minus(Duration.ofHours(1));
        Instant notAfter = notBefore.plus(Duration.ofDays(days));
        CertificateAuthority ca = CertificateAuthority.create("LayeredTLS CA", algorithm, notBefore, notAfter, new SecureRandomSource());
        ca.writePem(out);
        ca.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"), algorithm, notBefore, notAfter).writePem(out, "server");
        ca.issueClient("layeredtls-client", algorithm, notBefore, notAfter).writePem(out, "client");
        for (String name : List.of("ca", "server", "client")) {
            stdout.println("wrote " + out.resolve(name + ".pem") + " and " + out.resolve(name + ".key"));
        }
        return 0;
    }
}
