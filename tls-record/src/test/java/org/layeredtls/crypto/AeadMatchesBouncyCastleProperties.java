package org.layeredtls.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Differential check: the allocation-free AEADs produce byte for byte what BouncyCastle's own
 * {@code GCMBlockCipher} and {@code ChaCha20Poly1305} produce, for every length of plaintext and
 * associated data (block multiples or not, empty or not), over several messages with one key.
 */
class AeadMatchesBouncyCastleProperties {

    @Property(tries = 200)
    void aesGcmMatchesBouncyCastle(@ForAll @Size(16) byte[] key, @ForAll @Size(12) byte[] nonce,
                                   @ForAll @Size(max = 40) byte[] aad, @ForAll @Size(max = 300) byte[] plaintext,
                                   @ForAll @IntRange(min = 1, max = 3) int messages) throws InvalidCipherTextException {
        check(new AesGcm(key), new AesGcm(key), GCMBlockCipher.newInstance(AESEngine.newInstance()), key, nonce, aad,
                plaintext, messages);
    }

    @Property(tries = 200)
    void chaCha20Poly1305MatchesBouncyCastle(@ForAll @Size(32) byte[] key, @ForAll @Size(12) byte[] nonce,
                                             @ForAll @Size(max = 40) byte[] aad, @ForAll @Size(max = 300) byte[] plaintext,
                                             @ForAll @IntRange(min = 1, max = 3) int messages)
            throws InvalidCipherTextException {
        check(new ChaCha20Poly1305Aead(key), new ChaCha20Poly1305Aead(key), new ChaCha20Poly1305(), key, nonce, aad,
                plaintext, messages);
    }

    private static void check(Aead sealer, Aead opener, AEADCipher reference, byte[] key, byte[] nonce, byte[] aad,
                              byte[] plaintext, int messages) throws InvalidCipherTextException {
        nonce = nonce.clone();
        for (int m = 0; m < messages; m++) {
            nonce[11] = (byte) (nonce[11] + 1); // a new nonce per message, as TLS's sequence number gives
            reference.init(true, new AEADParameters(new KeyParameter(key), 128, nonce.clone(), aad));
            byte[] expected = new byte[reference.getOutputSize(plaintext.length)];
            int n = reference.processBytes(plaintext, 0, plaintext.length, expected, 0);
            reference.doFinal(expected, n);

            byte[] sealed = new byte[plaintext.length + 16];
            assertEquals(sealed.length, sealer.seal(nonce, aad, 0, aad.length, plaintext, 0, plaintext.length, sealed, 0));
            assertArrayEquals(expected, sealed);

            byte[] opened = new byte[plaintext.length];
            assertEquals(plaintext.length, opener.open(nonce, aad, 0, aad.length, sealed, 0, sealed.length, opened, 0));
            assertArrayEquals(plaintext, opened);
        }
    }
}
