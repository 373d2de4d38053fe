package org.layeredtls.handshake.cert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.layeredtls.crypto.KeyPair;

/** A certificate made by the certificate tool and the key pair of its subject. */
public record IssuedCertificate(Certificate certificate, KeyPair keyPair) {

    public IssuedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(keyPair, "keyPair");
    }

    /**
     * Writes {@code <name>.pem} (the certificate) and {@code <name>.key} (the PKCS#8 private key,
     * readable by its owner only where the file system allows) into {@code directory}.
     */
    public PemFiles writePem(Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Path certificateFile = directory.resolve(name + ".pem");
        Path keyFile = directory.resolve(name + ".key");
        Files.writeString(certificateFile, Pem.encodeCertificate(certificate), StandardCharsets.US_ASCII);
        Files.writeString(keyFile, Pem.encodePrivateKey(keyPair.privateKey()), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: leave the default permissions
        }
        return new PemFiles(certificateFile, keyFile);
    }

    /** Where {@link #writePem} put the files. */
    public record PemFiles(Path certificate, Path privateKey) {
    }
}
