package org.layeredtls.cwmp.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.layeredtls.crypto.RandomSource;

/**
 * The admin API's bearer token (RFC 6750): 256 random bits in hex, made at the ACS's start unless the
 * operator gives one, and written to a file only its owner can read, where {@code acs-admin} finds it.
 */
public final class AdminToken {

    private static final int TOKEN_BYTES = 32;

    private final byte[] token;

    private AdminToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("an admin token must not be empty");
        }
        this.token = token.strip().getBytes(StandardCharsets.UTF_8);
    }

    /** A given token. */
    public static AdminToken of(String token) {
        return new AdminToken(token);
    }

    /** A fresh random token. */
    public static AdminToken generate(RandomSource random) {
        return new AdminToken(HexFormat.of().formatHex(random.nextBytes(TOKEN_BYTES)));
    }

    /** The token in {@code file} (its first line). */
    public static AdminToken read(Path file) throws IOException {
        return new AdminToken(Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse(""));
    }

    /** Writes the token to {@code file}, readable and writable by its owner only where the file system says so. */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".admin-token", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file inherits the directory's access list
            }
            Files.write(temp, (value() + "\n").getBytes(StandardCharsets.UTF_8));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The token as sent: {@code Authorization: Bearer <value>}. */
    public String value() {
        return new String(token, StandardCharsets.UTF_8);
    }

    /** Whether {@code presented} is this token, compared in constant time. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AdminToken[****]";
    }
}
