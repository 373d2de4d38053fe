package org.layeredtls.crypto;

import java.security.SecureRandom;

/**
 * BouncyCastle's key generators and signers want a {@link SecureRandom}; this one draws every byte
 * from the stack's {@link RandomSource}, so an injected deterministic source makes them reproducible.
 */
final class RandomSourceAdapter extends SecureRandom {

    private static final long serialVersionUID = 1L;
    private final transient RandomSource source;

    RandomSourceAdapter(RandomSource source) {
        super(new byte[0]);
        this.source = source;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        source.nextBytes(bytes);
    }

    @Override
    public byte[] generateSeed(int length) {
        return source.nextBytes(length);
    }

    @Override
    public void setSeed(long seed) {
        // The RandomSource owns its state; SecureRandom's constructor calls this before source is set.
    }
}
