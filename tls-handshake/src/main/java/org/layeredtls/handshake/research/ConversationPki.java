package org.layeredtls.handshake.research;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.CertificateParseException;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.cert.KeyAlgorithm;
import org.layeredtls.handshake.cert.Pem;
import org.layeredtls.vectors.Conversations;

/**
 * The certificates both peers of the recorded conversations use, stored as PEM files next to the
 * conversations (OpenSSL reads them from disk; the replay reads them from the classpath). Made once
 * with the project's {@link CertificateAuthority} from a deterministic random source.
 */
public final class ConversationPki {

    /** The PEM files: a CA, a server RSA and EC certificate, an RSA client certificate, and their keys. */
    public static final List<String> NAMES = List.of("ca", "server-rsa", "server-ec", "client-rsa");
    /** The validity of every certificate. */
    public static final Instant NOT_BEFORE = Instant.parse("2020-01-01T00:00:00Z");
    public static final Instant NOT_AFTER = Instant.parse("2049-12-31T23:59:59Z");

    private ConversationPki() {
    }

    /** Generates the PKI and writes {@code NAME.pem} and {@code NAME.key} for every name into {@code folder}. */
    public static void generate(Path folder) throws IOException {
        var random = DeterministicRandomSource.fromLabel("refconv pki");
        CertificateAuthority ca = CertificateAuthority.create("LayeredTLS Conversations CA", KeyAlgorithm.RSA_2048,
                NOT_BEFORE, NOT_AFTER, random);
        Map<String, IssuedCertificate> issued = Map.of(
                "ca", ca.certificate(),
                "server-rsa", ca.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"),
                        KeyAlgorithm.RSA_2048, NOT_BEFORE, NOT_AFTER),
                "server-ec", ca.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"),
                        KeyAlgorithm.EC_P256, NOT_BEFORE, NOT_AFTER),
                "client-rsa", ca.issueClient("cpe-conversations-0001", KeyAlgorithm.RSA_2048, NOT_BEFORE, NOT_AFTER));
        for (String name : NAMES) {
            IssuedCertificate certificate = issued.get(name);
            Files.writeString(folder.resolve(name + ".pem"), Pem.encodeCertificate(certificate.certificate()),
                    StandardCharsets.US_ASCII);
            Files.writeString(folder.resolve(name + ".key"), Pem.encodePrivateKey(certificate.keyPair().privateKey()),
                    StandardCharsets.US_ASCII);
        }
    }

    /** A stored certificate, read from the classpath. */
    public static Certificate certificate(String name) {
        try {
            return Pem.readCertificates(Conversations.resourceText(name + ".pem").getBytes(StandardCharsets.US_ASCII)).get(0);
        } catch (CertificateParseException e) {
            throw new IllegalStateException(name + ".pem", e);
        }
    }

    /** A stored private key, read from the classpath. */
    public static PrivateKey privateKey(String name) {
        try {
            return Pem.readPrivateKey(Conversations.resourceText(name + ".key").getBytes(StandardCharsets.US_ASCII));
        } catch (CertificateParseException e) {
            throw new IllegalStateException(name + ".key", e);
        }
    }
}
