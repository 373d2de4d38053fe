package org.layeredtls.crypto;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * The production {@link RandomSource}: the JDK's {@link SecureRandom}. Thread-safe; one instance
 * may serve every connection.
 */
public final class SecureRandomSource implements RandomSource {

    private final SecureRandom random;
    /** Reused for requests of a sub-range (an explicit IV inside a record buffer): no garbage per record. */
    private byte[] scratch = new byte[16];

    /** Backed by a new default {@link SecureRandom}. */
    public SecureRandomSource() {
        this(new SecureRandom());
    }

    public SecureRandomSource(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public synchronized void nextBytes(byte[] out, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, out.length);
        if (offset == 0 && length == out.length) {
            random.nextBytes(out);
            return;
        }
        if (scratch.length != length) {
            scratch = new byte[length];
        }
        random.nextBytes(scratch);
        System.arraycopy(scratch, 0, out, offset, length);
        java.util.Arrays.fill(scratch, (byte) 0);
    }
}
