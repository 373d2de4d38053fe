package org.layeredtls.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class RandomSourceTest {

    @Test
    void deterministicSourceIsSha256OfSeedAndBigEndianCounter() throws Exception {
        byte[] seed = "vector seed".getBytes(StandardCharsets.UTF_8);
        byte[] expected = new byte[80];
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256"); // the JDK's, independent of the seam
        for (int i = 0; i < 3; i++) {
            sha256.update(seed);
            sha256.update(ByteBuffer.allocate(8).putLong(i).array());
            byte[] block = sha256.digest();
            System.arraycopy(block, 0, expected, 32 * i, Math.min(32, 80 - 32 * i));
        }
        byte[] out = new byte[80];
        new DeterministicRandomSource(seed).nextBytes(out);
        assertArrayEquals(expected, out);
    }

    @Test
    void deterministicOutputDoesNotDependOnHowDrawsAreSplit() {
        byte[] whole = DeterministicRandomSource.fromLabel("split").nextBytes(100);
        DeterministicRandomSource pieces = DeterministicRandomSource.fromLabel("split");
        byte[] out = new byte[100];
        int[] sizes = {1, 16, 31, 0, 2, 50};
        int at = 0;
        for (int size : sizes) {
            pieces.nextBytes(out, at, size);
            at += size;
        }
        assertEquals(100, at);
        assertArrayEquals(whole, out);
    }

    @Test
    void differentSeedsGiveDifferentStreams() {
        assertFalse(Arrays.equals(DeterministicRandomSource.fromLabel("a").nextBytes(32),
                DeterministicRandomSource.fromLabel("b").nextBytes(32)));
    }

    @Test
    void secureSourceWritesOnlyTheAskedRange() {
        SecureRandomSource random = new SecureRandomSource();
        byte[] out = new byte[64];
        Arrays.fill(out, (byte) 0x55);
        random.nextBytes(out, 8, 16);
        for (int i = 0; i < 64; i++) {
            if (i < 8 || i >= 24) {
                assertEquals(0x55, out[i], "byte " + i + " outside the range was touched");
            }
        }
        byte[] range = Arrays.copyOfRange(out, 8, 24);
        byte[] all55 = new byte[16];
        Arrays.fill(all55, (byte) 0x55);
        assertFalse(Arrays.equals(all55, range), "the range was filled");
        assertFalse(Arrays.equals(random.nextBytes(16), random.nextBytes(16)));
    }
}
