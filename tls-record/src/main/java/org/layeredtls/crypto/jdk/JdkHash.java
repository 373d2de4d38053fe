package org.layeredtls.crypto.jdk;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.layeredtls.crypto.Hash;
import org.layeredtls.crypto.HashAlgorithm;

/** A {@link Hash} on {@link MessageDigest}; {@link #copy()} is the digest's own {@code clone()}. */
final class JdkHash implements Hash {

    private final HashAlgorithm algorithm;
    private final MessageDigest digest;

    private JdkHash(HashAlgorithm algorithm, MessageDigest digest) {
        this.algorithm = algorithm;
        this.digest = digest;
    }

    static JdkHash create(HashAlgorithm algorithm) {
        try {
            return new JdkHash(algorithm, MessageDigest.getInstance(jcaName(algorithm)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no " + algorithm, e);
        }
    }

    /** The JCA standard names (Java Security Standard Algorithm Names, "MessageDigest Algorithms"). */
    static String jcaName(HashAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5 -> "MD5";
            case SHA1 -> "SHA-1";
            case SHA256 -> "SHA-256";
            case SHA384 -> "SHA-384";
            case SHA512 -> "SHA-512";
        };
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void update(byte input) {
        digest.update(input);
    }

    @Override
    public void update(byte[] input, int offset, int length) {
        digest.update(input, offset, length);
    }

    @Override
    public int doFinal(byte[] out, int offset) {
        try {
            return digest.digest(out, offset, algorithm.digestLength());
        } catch (DigestException e) {
            throw new IllegalArgumentException("no room for a " + algorithm + " digest at " + offset, e);
        }
    }

    @Override
    public void reset() {
        digest.reset();
    }

    @Override
    public Hash copy() {
        try {
            return new JdkHash(algorithm, (MessageDigest) digest.clone());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(algorithm + " of " + digest.getProvider() + " cannot be copied", e);
        }
    }
}
