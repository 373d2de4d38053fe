package org.layeredtls.crypto;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * BouncyCastle's key generators and signers want a {@link SecureRandom}; this one draws every byte
 * from the stack's {@link RandomSource}, so an injected deterministic source makes them reproducible.
 */
final class RandomSourceAdapter extends SecureRandom {

    private static final long serialVersionUID = 1L;
    private final transient RandomSource source;

    RandomSourceAdapter(RandomSource source) {
        // SecureRandom's (SecureRandomSpi, Provider) constructor, which looks up no default generator: the
        // public ones make and seed one (a DRBG or NativePRNG) per adapter, never used here
        super(new SourceSpi(source), null);
        this.source = source;
    }

    /** The same source behind SecureRandom's engine, for any method of SecureRandom that goes to it. */
    private static final class SourceSpi extends SecureRandomSpi {

        private static final long serialVersionUID = 1L;
        private final transient RandomSource source;

        SourceSpi(RandomSource source) {
            this.source = source;
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            // the RandomSource owns its state
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            source.nextBytes(bytes);
        }

        @Override
        protected byte[] engineGenerateSeed(int length) {
            return source.nextBytes(length);
        }
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
