package org.layeredtls.crypto.jdk;

import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.layeredtls.crypto.Aead;

/**
 * AES-GCM (NIST SP 800-38D) and ChaCha20-Poly1305 (RFC 8439) on {@code javax.crypto.Cipher}, with
 * a 12-byte nonce and a 16-byte tag, as TLS 1.2 uses them (RFC 5288, RFC 7905).
 *
 * <p>A JDK AEAD cipher is initialised once per message, because the nonce is a parameter of
 * {@code init}: the record's nonce changes with every record, so one {@code init} per record is the
 * protocol's own rhythm. The JDK refuses to encrypt twice in a row under the same key and nonce,
 * the same rule {@code AeadArguments} enforces for the BouncyCastle AEADs; here it surfaces as an
 * {@link IllegalArgumentException} too. Sealing and opening use two {@code Cipher} objects, so a
 * seal never follows an open's nonce.
 *
 * <p>A tag that does not match is the JDK's {@link AEADBadTagException}, turned into {@code -1}, the
 * seam's "did not verify", which the record layer turns into {@code bad_record_mac} exactly as with
 * BouncyCastle. The JDK compares tags in constant time and checks the tag before it writes any
 * plaintext (both SunJCE AEADs), so a refused {@code open} leaves the output as it was, as ours do.
 *
 * <p>One JDK rule goes further than the protocol needs: SunJCE's ChaCha20-Poly1305 refuses the
 * previous (key, nonce) for <em>decryption</em> too. Opening a record twice (a test does; a peer's
 * replay would fail its sequence number anyway) must still give the tag check's answer, not an
 * exception, so {@link #open} steps the cipher over a throwaway nonce first when the nonce repeats.
 *
 * <p>What allocates per record: the {@link GCMParameterSpec} or {@link IvParameterSpec} (and the
 * nonce copy the JDK makes of it); whatever the JDK's cipher allocates inside (see
 * benchmarks/README.md for the bytes per record measured).
 */
final class JdkAead implements Aead {

    private static final int NONCE = 12;
    private static final int TAG = 16;
    private static final int TAG_BITS = TAG * 8;

    private final String transformation;
    private final SecretKeySpec key;
    private final boolean gcm;
    private Cipher sealCipher;
    private Cipher openCipher;
    /** ChaCha20-Poly1305 only: the nonce of the last open (see the class comment). */
    private final byte[] lastOpenNonce = new byte[NONCE];

    private JdkAead(String transformation, String keyAlgorithm, byte[] key, boolean gcm) {
        this.transformation = transformation;
        this.key = new SecretKeySpec(key, keyAlgorithm);
        this.gcm = gcm;
    }

    static JdkAead aesGcm(byte[] key) {
        return new JdkAead("AES/GCM/NoPadding", "AES", key, true);
    }

    static JdkAead chaCha20Poly1305(byte[] key) {
        return new JdkAead("ChaCha20-Poly1305", "ChaCha20", key, false);
    }

    @Override
    public int tagLength() {
        return TAG;
    }

    @Override
    public int nonceLength() {
        return NONCE;
    }

    private AlgorithmParameterSpec parameters(byte[] nonce) {
        if (nonce.length != NONCE) {
            throw new IllegalArgumentException("a " + transformation + " nonce is 12 bytes here, not " + nonce.length);
        }
        return gcm ? new GCMParameterSpec(TAG_BITS, nonce) : new IvParameterSpec(nonce);
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, int aadOff, int aadLength,
                    byte[] in, int inOff, int length, byte[] out, int outOff) {
        if (length < 0 || out.length - outOff < length + TAG) {
            throw new IllegalArgumentException("the output buffer is too short");
        }
        if (sealCipher == null) {
            sealCipher = JdkCiphers.cipher(transformation);
        }
        // the JDK refuses a repeated (key, nonce) for encryption here: IllegalArgumentException
        JdkCiphers.init(sealCipher, Cipher.ENCRYPT_MODE, key, parameters(nonce));
        sealCipher.updateAAD(aad, aadOff, aadLength);
        try {
            return sealCipher.doFinal(in, inOff, length, out, outOff);
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("the output buffer is too short", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " failed to seal", e);
        }
    }

    @Override
    public int open(byte[] nonce, byte[] aad, int aadOff, int aadLength,
                    byte[] in, int inOff, int length, byte[] out, int outOff) {
        int plaintextLength = length - TAG;
        if (plaintextLength < 0) {
            parameters(nonce); // the nonce is checked whatever the input
            return -1;
        }
        if (out.length - outOff < plaintextLength) {
            throw new IllegalArgumentException("the output buffer is too short");
        }
        if (openCipher == null) {
            openCipher = JdkCiphers.cipher(transformation);
        }
        AlgorithmParameterSpec parameters = parameters(nonce);
        if (!gcm && Arrays.equals(nonce, lastOpenNonce)) {
            lastOpenNonce[0] ^= 1; // a throwaway nonce, never used on data
            JdkCiphers.init(openCipher, Cipher.DECRYPT_MODE, key, new IvParameterSpec(lastOpenNonce));
        }
        System.arraycopy(nonce, 0, lastOpenNonce, 0, NONCE);
        JdkCiphers.init(openCipher, Cipher.DECRYPT_MODE, key, parameters);
        openCipher.updateAAD(aad, aadOff, aadLength);
        try {
            return openCipher.doFinal(in, inOff, length, out, outOff);
        } catch (AEADBadTagException e) { // RFC 5116 §2.2: on a failed check nothing but FAIL is returned
            return -1;
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("the output buffer is too short", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " failed to open", e);
        }
    }
}
