package org.layeredtls.cwmp.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.crypto.DeterministicRandomSource;

/** The admin API's bearer token: random, written for its owner only, never printed. */
class AdminTokenTest {

    @TempDir
    Path dir;

    @Test
    void aGeneratedTokenIs256BitsInHexAndDiffersEachTime() {
        AdminToken one = AdminToken.generate(DeterministicRandomSource.fromLabel("one"));
        AdminToken two = AdminToken.generate(DeterministicRandomSource.fromLabel("two"));
        assertTrue(one.value().matches("[0-9a-f]{64}"), one.value());
        assertNotEquals(one.value(), two.value());
        assertFalse(one.toString().contains(one.value()), "toString never shows the token");
    }

    @Test
    void theTokenFileIsReadableByItsOwnerOnlyAndReadsBack() throws Exception {
        AdminToken token = AdminToken.generate(DeterministicRandomSource.fromLabel("file"));
        Path file = dir.resolve("state").resolve("admin.token");
        token.write(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(AdminToken.read(file).matches(token.value()));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void onlyTheExactTokenMatches() {
        AdminToken token = AdminToken.of("s3cret-token");
        assertTrue(token.matches("s3cret-token"));
        assertFalse(token.matches("s3cret-tokeN"));
        assertFalse(token.matches("s3cret-token "));
        assertFalse(token.matches(""));
        assertFalse(token.matches(null));
        assertThrows(IllegalArgumentException.class, () -> AdminToken.of("  "));
    }
}
