package org.layeredtls.handshake.prf;

/**
 * A TLS pseudorandom function, {@code PRF(secret, label, seed)} (RFC 2246 §5, RFC 5246 §5): it
 * expands a secret into as many bytes as asked for. The label is an ASCII string such as
 * {@code "master secret"}; the function is computed over {@code label || seed}.
 *
 * <p>Two implementations exist: {@link Tls10Prf} (TLS 1.0 and 1.1, P_MD5 XOR P_SHA-1) and
 * {@link Tls12Prf} (TLS 1.2, P_SHA256 or P_SHA384). SSL 3.0 has no PRF: see {@link Ssl3KeyDerivation}.
 */
public interface Prf {

    /**
     * The first {@code length} bytes of {@code PRF(secret, label, seed)}. The caller owns the
     * returned array and should wipe it when it holds key material.
     *
     * @throws IllegalArgumentException if the label is not ASCII or the length is negative
     */
    byte[] derive(byte[] secret, String label, byte[] seed, int length);
}
