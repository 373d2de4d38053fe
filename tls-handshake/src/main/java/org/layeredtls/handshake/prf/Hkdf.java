package org.layeredtls.handshake.prf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.Mac;

/**
 * HKDF (RFC 5869), the key derivation function of TLS 1.3, and the two functions RFC 8446 §7.1
 * builds on it. Where TLS 1.2 had one PRF that stretched the master secret into a key block
 * (RFC 5246 §5), TLS 1.3 separates the two jobs HKDF names:
 * <ul>
 *   <li>{@link #extract HKDF-Extract}(salt, IKM): concentrate the entropy of some input keying
 *       material into one pseudorandom key, {@code HMAC-Hash(salt, IKM)};</li>
 *   <li>{@link #expand HKDF-Expand}(PRK, info, L): stretch a pseudorandom key into L bytes bound to
 *       a context string {@code info}.</li>
 * </ul>
 * On top of these, {@link #expandLabel HKDF-Expand-Label} puts every TLS 1.3 label ("tls13 " +
 * label) and context into a small structure, and {@link #deriveSecret Derive-Secret} binds a
 * secret to the transcript hash of the handshake so far.
 */
public final class Hkdf {

    /** RFC 8446 §7.1: every HkdfLabel.label starts with this prefix. */
    public static final String LABEL_PREFIX = "tls13 ";

    /** RFC 8446 §7.1: {@code opaque label<7..255>} ("tls13 " plus at least one character). */
    private static final int MAX_LABEL_LENGTH = 255;
    private static final int MIN_LABEL_LENGTH = 7;
    /** RFC 8446 §7.1: {@code opaque context<0..255>}. */
    private static final int MAX_CONTEXT_LENGTH = 255;
    /** RFC 5869 §2.3: L &lt;= 255 * HashLen (the counter is one byte). */
    private static final int MAX_BLOCKS = 255;
    /** RFC 8446 §7.1: {@code uint16 length}. */
    private static final int MAX_LABELLED_LENGTH = 0xFFFF;

    private final HashAlgorithm hash;
    private final CryptoProvider crypto;
    /** Hash(""), once asked for. */
    private byte[] emptyHash;

    /** HKDF over {@code hash} on the default crypto provider. */
    public Hkdf(HashAlgorithm hash) {
        this(hash, CryptoProvider.defaultProvider());
    }

    public Hkdf(HashAlgorithm hash, CryptoProvider crypto) {
        this.hash = Objects.requireNonNull(hash, "hash");
        this.crypto = Objects.requireNonNull(crypto, "crypto");
    }

    /** The hash underneath (SHA-256 or SHA-384 for the TLS 1.3 cipher suites). */
    public HashAlgorithm hash() {
        return hash;
    }

    /** Hash.length, the size of every secret of the key schedule. */
    public int hashLength() {
        return hash.digestLength();
    }

    /**
     * HKDF-Extract(salt, IKM) = HMAC-Hash(salt, IKM) (RFC 5869 §2.2). A missing salt ({@code null}
     * or empty) is HashLen zero bytes, as RFC 5869 says; the early secret without a PSK uses it.
     */
    public byte[] extract(byte[] salt, byte[] ikm) {
        Objects.requireNonNull(ikm, "ikm");
        // RFC 5869 §2.2: "if not provided, [salt] is set to a string of HashLen zeros"
        byte[] key = salt == null || salt.length == 0 ? new byte[hashLength()] : salt;
        Mac hmac = crypto.hmac(hash, key);
        hmac.update(ikm, 0, ikm.length);
        byte[] prk = new byte[hmac.macLength()];
        hmac.doFinal(prk, 0);
        return prk;
    }

    /**
     * HKDF-Expand(PRK, info, L) (RFC 5869 §2.3): the first L bytes of T(1) | T(2) | ..., where
     * T(0) is empty and T(i) = HMAC-Hash(PRK, T(i-1) | info | i).
     *
     * @throws IllegalArgumentException if L is negative or over 255 * HashLen
     */
    public byte[] expand(byte[] prk, byte[] info, int length) {
        return expand(keyed(Objects.requireNonNull(prk, "prk")), info, length);
    }

    /**
     * HMAC-Hash keyed with {@code prk}, for {@link #expand(Mac, byte[], int)}: where several values are
     * expanded from one secret (RFC 8446 §7.1 derives up to four from each stage's secret, §7.3 a key and
     * an IV from each traffic secret), the secret is keyed once. Keying HMAC is not free: it hashes
     * one block of key XOR ipad and one of key XOR opad (RFC 2104 §2), two hash compressions, as much
     * as a short HKDF-Expand-Label itself; the keyed state is kept and every {@code doFinal} returns
     * to it. Like every {@link Mac}, the keyed HMAC is for one thread at a time.
     */
    public Mac keyed(byte[] prk) {
        return crypto.hmac(hash, prk);
    }

    /**
     * HKDF-Expand with the PRK already {@linkplain #keyed keyed}; the same bytes as
     * {@link #expand(byte[], byte[], int)}. The HMAC is left keyed and ready for the next expansion.
     *
     * @throws IllegalArgumentException if L is negative or over 255 * HashLen, or {@code prk} is
     *                                  not an HMAC over this HKDF's hash
     */
    public byte[] expand(Mac prk, byte[] info, int length) {
        Objects.requireNonNull(prk, "prk");
        Objects.requireNonNull(info, "info");
        if (prk.hashAlgorithm() != hash) {
            throw new IllegalArgumentException("an HMAC-" + prk.hashAlgorithm() + " cannot expand for HKDF-" + hash);
        }
        if (length < 0 || length > MAX_BLOCKS * hashLength()) {
            throw new IllegalArgumentException("HKDF-Expand length " + length + " is outside 0.." + MAX_BLOCKS * hashLength());
        }
        byte[] out = new byte[length];
        byte[] block = new byte[prk.macLength()];
        try {
            int previous = 0;
            for (int counter = 1, offset = 0; offset < length; counter++, offset += block.length) {
                prk.update(block, 0, previous);
                prk.update(info, 0, info.length);
                prk.update((byte) counter);
                prk.doFinal(block, 0);
                previous = block.length;
                System.arraycopy(block, 0, out, offset, Math.min(block.length, length - offset));
            }
            return out;
        } finally {
            Arrays.fill(block, (byte) 0);
        }
    }

    /**
     * HKDF-Expand-Label(Secret, Label, Context, Length) = HKDF-Expand(Secret, HkdfLabel, Length)
     * (RFC 8446 §7.1), with {@code label} given without its "tls13 " prefix.
     */
    public byte[] expandLabel(byte[] secret, String label, byte[] context, int length) {
        return expand(secret, hkdfLabel(label, context, length), length);
    }

    /** HKDF-Expand-Label with the secret already {@linkplain #keyed keyed}. */
    public byte[] expandLabel(Mac secret, String label, byte[] context, int length) {
        return expand(secret, hkdfLabel(label, context, length), length);
    }

    /**
     * Derive-Secret(Secret, Label, Messages) = HKDF-Expand-Label(Secret, Label,
     * Transcript-Hash(Messages), Hash.length) (RFC 8446 §7.1). The caller passes the transcript
     * hash it already has ({@link Tls13Transcript#hash()}), or {@link #emptyHash()} for "".
     */
    public byte[] deriveSecret(byte[] secret, String label, byte[] transcriptHash) {
        return expandLabel(secret, label, transcriptHash, hashLength());
    }

    /** Derive-Secret with the secret already {@linkplain #keyed keyed}. */
    public byte[] deriveSecret(Mac secret, String label, byte[] transcriptHash) {
        return expandLabel(secret, label, transcriptHash, hashLength());
    }

    /**
     * Transcript-Hash("") = Hash(""), the context of Derive-Secret(., "derived", "") (RFC 8446 §7.1):
     * a constant of the hash, computed once per HKDF (a copy is returned).
     */
    public byte[] emptyHash() {
        if (emptyHash == null) {
            emptyHash = crypto.hash(hash).doFinal();
        }
        return emptyHash.clone();
    }

    /**
     * The HkdfLabel structure (RFC 8446 §7.1):
     * <pre>
     *   struct {
     *       uint16 length = Length;
     *       opaque label&lt;7..255&gt; = "tls13 " + Label;
     *       opaque context&lt;0..255&gt; = Context;
     *   } HkdfLabel;
     * </pre>
     *
     * @throws IllegalArgumentException if a field does not fit its bounds
     */
    public static byte[] hkdfLabel(String label, byte[] context, int length) {
        byte[] fullLabel = (LABEL_PREFIX + label).getBytes(StandardCharsets.US_ASCII);
        if (fullLabel.length < MIN_LABEL_LENGTH || fullLabel.length > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("HkdfLabel.label \"" + LABEL_PREFIX + label + "\" is not 7..255 bytes");
        }
        if (context.length > MAX_CONTEXT_LENGTH) {
            throw new IllegalArgumentException("HkdfLabel.context of " + context.length + " bytes is over 255");
        }
        if (length < 0 || length > MAX_LABELLED_LENGTH) {
            throw new IllegalArgumentException("HkdfLabel.length " + length + " does not fit a uint16");
        }
        return new ByteWriter(2 + 1 + fullLabel.length + 1 + context.length)
                .u16(length)
                .vector8(fullLabel)
                .vector8(context)
                .toByteArray();
    }

    @Override
    public String toString() {
        return "HKDF-" + hash;
    }
}
