package org.layeredtls.handshake.jca;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the JDK's {@code keytool} (of the JDK running the tests): bounded, throws unless it exits 0. */
final class Keytool {

    private static final long TIMEOUT_SECONDS = 60;

    private Keytool() {
    }

    static void run(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Path log = Files.createTempFile(directory, "keytool", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("`" + String.join(" ", command) + "` did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("`" + String.join(" ", command) + "` exited " + process.exitValue() + ":\n"
                        + Files.readString(log, StandardCharsets.ISO_8859_1));
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(log);
        }
    }

    /** A new self-signed key pair entry {@code alias} in a new key store of {@code storeType} (PKCS12 or JKS). */
    static Path generateKeyPair(Path directory, String file, String storeType, String alias, boolean ec)
            throws IOException, InterruptedException {
        Path store = directory.resolve(file);
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30", "-storetype", storeType,
                "-keystore", store.toString(), "-storepass", KeyStoreReaderTest.PASSWORD_TEXT,
                "-keypass", KeyStoreReaderTest.PASSWORD_TEXT));
        args.addAll(ec ? List.of("-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA")
                : List.of("-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA"));
        run(directory, args.toArray(String[]::new));
        return store;
    }
}
