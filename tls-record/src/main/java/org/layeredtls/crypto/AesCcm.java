package org.layeredtls.crypto;

import java.util.Arrays;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.modes.CCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-CCM (NIST SP 800-38C, RFC 3610) with a 12-byte nonce and a 16-byte tag (AES-128-CCM) or an
 * 8-byte one (AES-128-CCM-8), as TLS uses it (RFC 6655 for TLS 1.2, RFC 8446 §B.4 for TLS 1.3), on
 * BouncyCastle's {@code CCMBlockCipher}.
 *
 * <p>CCM is CBC-MAC over the plaintext, then CTR encryption: two passes, so BouncyCastle buffers the
 * whole message and processes it at {@code doFinal}, and {@code init} takes the nonce. Unlike
 * {@link AesGcm} and {@link ChaCha20Poly1305Aead}, this allocates per record (BouncyCastle's buffers
 * and parameters): CCM is offered for completeness, not for speed (no peer prefers it; OpenSSL keeps
 * its TLS 1.3 CCM suites off by default).
 *
 * <p>Opening must decrypt before it can check the tag (the MAC is over the plaintext), so a refused
 * {@link #open} wipes the plaintext it wrote: nothing but "did not verify" comes out (RFC 5116 §2.2).
 * Not thread-safe.
 */
final class AesCcm implements Aead {

    private static final int NONCE = 12;

    private final CCMModeCipher ccm = CCMBlockCipher.newInstance(AESEngine.newInstance());
    private final KeyParameter key;
    private final int tagLength;
    private final AeadArguments arguments;

    AesCcm(byte[] key, int tagLength) {
        if (tagLength != 16 && tagLength != 8) {
            throw new IllegalArgumentException("TLS uses AES-CCM with a 16- or 8-byte tag, not " + tagLength);
        }
        this.key = new KeyParameter(key);
        this.tagLength = tagLength;
        this.arguments = new AeadArguments(tagLength == 8 ? "AES-CCM-8" : "AES-CCM", tagLength);
    }

    @Override
    public int tagLength() {
        return tagLength;
    }

    @Override
    public int nonceLength() {
        return NONCE;
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, int aadOff, int aadLength,
                    byte[] in, int inOff, int length, byte[] out, int outOff) {
        arguments.checkSeal(nonce, length, out, outOff);
        start(true, nonce, aad, aadOff, aadLength);
        try {
            int written = ccm.processBytes(in, inOff, length, out, outOff); // 0: CCM buffers until doFinal
            return written + ccm.doFinal(out, outOff + written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("AES-CCM failed to seal", e); // only opening checks a tag
        }
    }

    @Override
    public int open(byte[] nonce, byte[] aad, int aadOff, int aadLength,
                    byte[] in, int inOff, int length, byte[] out, int outOff) {
        int plaintextLength = arguments.checkOpen(nonce, length, out, outOff);
        if (plaintextLength < 0) {
            return -1;
        }
        start(false, nonce, aad, aadOff, aadLength);
        try {
            int written = ccm.processBytes(in, inOff, length, out, outOff);
            return written + ccm.doFinal(out, outOff + written);
        } catch (InvalidCipherTextException tagMismatch) {
            Arrays.fill(out, outOff, outOff + plaintextLength, (byte) 0); // RFC 5116 §2.2: only FAIL comes out
            return -1;
        }
    }

    private void start(boolean forEncryption, byte[] nonce, byte[] aad, int aadOff, int aadLength) {
        ccm.init(forEncryption, new AEADParameters(key, tagLength * 8, nonce.clone()));
        ccm.processAADBytes(aad, aadOff, aadLength);
    }
}
