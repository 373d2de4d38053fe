package org.layeredtls.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.crypto.engines.ChaCha7539Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link ChaCha20KeyStream} against RFC 8439's vectors (§2.4.2 encryption, §2.6.2 the one-time
 * Poly1305 key) and, for every length, offset and in-place use, against BouncyCastle's
 * {@code ChaCha7539Engine}.
 */
class ChaCha20KeyStreamTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static byte[] key00to1f() {
        byte[] key = new byte[32];
        for (int i = 0; i < 32; i++) {
            key[i] = (byte) i;
        }
        return key;
    }

    @Test
    void encryptsRfc8439Section242() {
        byte[] plaintext = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
                + "sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
        byte[] expected = hex("6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
                + "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
                + "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
                + "5af90bbf74a35be6b40b8eedf2785e42874d");
        ChaCha20KeyStream stream = new ChaCha20KeyStream(key00to1f());
        stream.start(hex("000000000000004a00000000"), 1);
        byte[] out = new byte[plaintext.length];
        stream.xor(plaintext, 0, plaintext.length, out, 0);
        assertArrayEquals(expected, out);
    }

    @Test
    void givesThePoly1305KeyOfRfc8439Section262() {
        byte[] key = hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        ChaCha20KeyStream stream = new ChaCha20KeyStream(key);
        stream.start(hex("000000000001020304050607"), 0);
        byte[] oneTimeKey = new byte[32];
        stream.keyStream(oneTimeKey, 0, 32);
        assertArrayEquals(hex("8ad5a08b905f81cc815040274ab29471a833b637e3fd0da508dbb8e2fdd1a646"), oneTimeKey);
    }

    @Test
    void refusesAKeyThatIsNot32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> new ChaCha20KeyStream(new byte[16]));
    }

    /** The same bytes as BouncyCastle's engine from the same counter, at any offsets, in place or not. */
    @Property(tries = 300)
    void matchesBouncyCastlesEngine(@ForAll @Size(32) byte[] key, @ForAll @Size(12) byte[] nonce,
                                    @ForAll @IntRange(max = 1100) int length, @ForAll @IntRange(max = 9) int inOff,
                                    @ForAll @IntRange(max = 9) int outOff, @ForAll @IntRange(max = 5) int counter,
                                    @ForAll boolean inPlace) {
        byte[] in = new byte[inOff + length];
        for (int i = 0; i < in.length; i++) {
            in[i] = (byte) (i * 31 + length);
        }
        ChaCha7539Engine reference = new ChaCha7539Engine();
        reference.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        reference.skip(64L * counter);
        byte[] expected = new byte[length];
        reference.processBytes(in, inOff, length, expected, 0);

        ChaCha20KeyStream stream = new ChaCha20KeyStream(key);
        stream.start(nonce, counter);
        byte[] out;
        int at;
        if (inPlace) {
            out = in.clone();
            at = inOff;
            stream.xor(out, inOff, length, out, inOff);
        } else {
            out = new byte[outOff + length + 3];
            at = outOff;
            stream.xor(in, inOff, length, out, outOff);
        }
        assertArrayEquals(expected, Arrays.copyOfRange(out, at, at + length));
    }
}
