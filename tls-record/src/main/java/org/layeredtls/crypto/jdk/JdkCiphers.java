package org.layeredtls.crypto.jdk;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.spec.AlgorithmParameterSpec;

import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;

/**
 * The checked exceptions of {@code javax.crypto} turned into what they mean here. A transformation
 * SunJCE lacks, or a key it refuses, is a broken installation or a caller's bug
 * ({@link IllegalStateException}, {@link IllegalArgumentException}); nothing secret-dependent
 * passes through these methods (a bad tag is handled where it happens, in {@link JdkAead}).
 */
final class JdkCiphers {

    private JdkCiphers() {
    }

    static Cipher cipher(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no " + transformation, e);
        }
    }

    static void init(Cipher cipher, int mode, Key key, AlgorithmParameterSpec parameters) {
        try {
            if (parameters == null) {
                cipher.init(mode, key);
            } else {
                cipher.init(mode, key, parameters);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(cipher.getAlgorithm() + " refused its key or parameters: "
                    + e.getMessage(), e);
        }
    }

    static void update(Cipher cipher, byte[] in, int inOff, int length, byte[] out, int outOff) {
        try {
            cipher.update(in, inOff, length, out, outOff);
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("the output buffer is too short", e);
        }
    }

    /** A doFinal that cannot fail on its data (no padding, no tag): only on the buffer sizes. */
    static void doFinal(Cipher cipher, byte[] in, int inOff, int length, byte[] out, int outOff) {
        try {
            cipher.doFinal(in, inOff, length, out, outOff);
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("the output buffer is too short", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(cipher.getAlgorithm() + ": " + e.getMessage(), e);
        }
    }
}
