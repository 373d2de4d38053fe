package org.layeredtls.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A reproducible {@link RandomSource} for tests and recorded reference vectors: never for real
 * connections.
 *
 * <p>The byte stream is SHA-256 in counter mode over the seed:
 * <pre>
 * block_i = SHA-256(seed || uint64_be(i))   for i = 0, 1, 2, ...
 * stream  = block_0 || block_1 || block_2 || ...
 * </pre>
 * Each call takes the next bytes of that stream, so the output depends only on the seed and on the
 * total number of bytes drawn before, not on how the draws were split into calls.
 */
public final class DeterministicRandomSource implements RandomSource {

    private final byte[] seed;
    private final Hash sha256;
    private final byte[] counterBytes = new byte[8];
    private final byte[] block = new byte[HashAlgorithm.SHA256.digestLength()];
    private long counter;
    /** How many bytes of {@link #block} are used; starts "all used" so the first call computes block_0. */
    private int used = block.length;

    /** A source for the given seed, hashing with the default provider. */
    public DeterministicRandomSource(byte[] seed) {
        this(seed, CryptoProvider.defaultProvider());
    }

    public DeterministicRandomSource(byte[] seed, CryptoProvider crypto) {
        this.seed = Objects.requireNonNull(seed, "seed").clone();
        this.sha256 = crypto.hash(HashAlgorithm.SHA256);
    }

    /** A source seeded with the UTF-8 bytes of a label, such as a test's name. */
    public static DeterministicRandomSource fromLabel(String label) {
        return new DeterministicRandomSource(label.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void nextBytes(byte[] out, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, out.length);
        while (length > 0) {
            if (used == block.length) {
                nextBlock();
            }
            int n = Math.min(length, block.length - used);
            System.arraycopy(block, used, out, offset, n);
            used += n;
            offset += n;
            length -= n;
        }
    }

    private void nextBlock() {
        for (int i = 0; i < 8; i++) {
            counterBytes[i] = (byte) (counter >>> (56 - 8 * i));
        }
        counter++;
        sha256.update(seed, 0, seed.length);
        sha256.update(counterBytes, 0, 8);
        sha256.doFinal(block, 0);
        used = 0;
    }
}
