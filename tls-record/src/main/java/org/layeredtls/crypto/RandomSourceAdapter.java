package org.layeredtls.crypto;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * BouncyCastle's key generators and signers want a {@link SecureRandom}; this one draws every byte
 * from the stack's {@link RandomSource}, so an injected deterministic source makes them reproducible.
 */
final class RandomSourceAdapter extends SecureRandom {

    private static final long serialVersionUID = 1L;

    RandomSourceAdapter(RandomSource source) {
        // SecureRandom's (SecureRandomSpi, Provider) constructor, which looks up no default generator (the public
        // ones make and seed one, a DRBG or NativePRNG, per adapter): nextBytes, generateSeed and setSeed all go
        // to the engine below, so to the source
        super(new SourceSpi(source), null);
    }

    /** The engine behind every method of SecureRandom: the stack's {@link RandomSource}. */
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
}
