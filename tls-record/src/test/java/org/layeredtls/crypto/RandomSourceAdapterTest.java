package org.layeredtls.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link RandomSourceAdapter}: every way BouncyCastle draws from a {@link SecureRandom} (nextBytes, nextInt,
 * generateSeed) gives the stack's source's bytes, in order, and seeding it changes nothing (the source owns its state).
 */
class RandomSourceAdapterTest {

    @Test
    void everyDrawComesFromTheSourceInOrder() {
        SecureRandom adapter = new RandomSourceAdapter(DeterministicRandomSource.fromLabel("adapter"));
        DeterministicRandomSource same = DeterministicRandomSource.fromLabel("adapter");
        byte[] drawn = new byte[40];
        adapter.nextBytes(drawn);
        assertArrayEquals(same.nextBytes(40), drawn);
        assertArrayEquals(same.nextBytes(17), adapter.generateSeed(17));
        adapter.setSeed(42L);
        adapter.setSeed(new byte[] {1, 2, 3});
        assertEquals(ByteBuffer.wrap(same.nextBytes(4)).getInt(), adapter.nextInt(), "seeding changed nothing");
    }
}
