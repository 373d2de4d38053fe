package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.Mac;
import org.layeredtls.handshake.testing.OpenSsl;

class HkdfTest {

    private static final HexFormat HEX = HexFormat.of();

    // RFC 5869 appendix A.1 (test case 1, SHA-256), also what `openssl kdf ... HKDF` prints
    private static final byte[] IKM = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    private static final byte[] SALT = HEX.parseHex("000102030405060708090a0b0c");
    private static final byte[] INFO = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");
    private static final byte[] PRK = HEX.parseHex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
    private static final byte[] OKM = HEX.parseHex(
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");

    @TempDir
    Path directory;

    private final Hkdf sha256 = new Hkdf(HashAlgorithm.SHA256);

    @Test
    void extractAndExpandMatchRfc5869TestCase1() {
        assertArrayEquals(PRK, sha256.extract(SALT, IKM));
        assertArrayEquals(OKM, sha256.expand(PRK, INFO, 42));
    }

    @Test
    void missingSaltIsHashLengthZerosAsRfc5869TestCase3() {
        // RFC 5869 appendix A.3: salt and info of length zero
        byte[] prk = HEX.parseHex("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
        assertArrayEquals(prk, sha256.extract(new byte[0], IKM));
        assertArrayEquals(prk, sha256.extract(null, IKM));
        assertArrayEquals(prk, sha256.extract(new byte[32], IKM));
        assertArrayEquals(HEX.parseHex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"),
                sha256.expand(prk, new byte[0], 42));
    }

    @Test
    void expandIsAPrefixOfTheLongerOutput() {
        byte[] longer = sha256.expand(PRK, INFO, 100);
        for (int length : new int[] {0, 1, 31, 32, 33, 64, 99}) {
            byte[] shorter = sha256.expand(PRK, INFO, length);
            assertArrayEquals(java.util.Arrays.copyOf(longer, length), shorter, "length " + length);
        }
    }

    @Test
    void expandRefusesMoreThan255Blocks() {
        assertEquals(255 * 32, sha256.expand(PRK, INFO, 255 * 32).length);
        assertThrows(IllegalArgumentException.class, () -> sha256.expand(PRK, INFO, 255 * 32 + 1));
        assertThrows(IllegalArgumentException.class, () -> sha256.expand(PRK, INFO, -1));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(CryptoBackend.class)
    void aSecretKeyedOnceExpandsWhatAFreshlyKeyedOneDoesExpansionAfterExpansion(CryptoBackend backend) {
        Hkdf hkdf = new Hkdf(HashAlgorithm.SHA256, backend.provider());
        Mac keyed = hkdf.keyed(PRK);
        // RFC 5869 A.1's 42 bytes (two HMAC blocks), then other infos and lengths, then A.1 again: each
        // expansion must start from the keyed state, whatever the one before left
        assertArrayEquals(OKM, hkdf.expand(keyed, INFO, 42));
        for (int length : new int[] {0, 1, 12, 16, 32, 33, 100}) {
            byte[] info = Hkdf.hkdfLabel("key", new byte[length % 7], length);
            assertArrayEquals(hkdf.expand(PRK, info, length), hkdf.expand(keyed, info, length), "length " + length);
            assertArrayEquals(hkdf.expandLabel(PRK, "iv", new byte[0], 12), hkdf.expandLabel(keyed, "iv", new byte[0], 12));
        }
        assertArrayEquals(OKM, hkdf.expand(keyed, INFO, 42));
    }

    @Test
    void aKeyedSecretOfAnotherHashIsRefused() {
        Mac sha384 = new Hkdf(HashAlgorithm.SHA384).keyed(PRK);
        assertThrows(IllegalArgumentException.class, () -> sha256.expand(sha384, INFO, 32));
    }

    @Test
    void emptyHashIsHashOfNothingAndACopyEachTime() {
        byte[] first = sha256.emptyHash();
        assertArrayEquals(HEX.parseHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), first);
        first[0] ^= 1; // a caller that changes its copy changes nothing for the next one
        assertArrayEquals(HEX.parseHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), sha256.emptyHash());
    }

    @Test
    void hkdfLabelIsLengthThenPrefixedLabelThenContext() {
        // RFC 8448 §3 "derive write traffic keys for handshake data": key info (13 octets)
        assertArrayEquals(HEX.parseHex("001009746c733133206b657900"), Hkdf.hkdfLabel("key", new byte[0], 16));
        // RFC 8448 §3 iv info (12 octets)
        assertArrayEquals(HEX.parseHex("000c08746c73313320697600"), Hkdf.hkdfLabel("iv", new byte[0], 12));
    }

    @Test
    void hkdfLabelRefusesFieldsOutsideTheirBounds() {
        assertThrows(IllegalArgumentException.class, () -> Hkdf.hkdfLabel("", new byte[0], 32));
        assertThrows(IllegalArgumentException.class, () -> Hkdf.hkdfLabel("x".repeat(250), new byte[0], 32));
        assertThrows(IllegalArgumentException.class, () -> Hkdf.hkdfLabel("key", new byte[256], 32));
        assertThrows(IllegalArgumentException.class, () -> Hkdf.hkdfLabel("key", new byte[0], 0x10000));
    }

    @ParameterizedTest(name = "{0}: HKDF-Expand-Label(\"{1}\", {2}-byte context, {3})")
    @CsvSource({
        "SHA256, c hs traffic, 32, 32",
        "SHA256, key, 0, 16",
        "SHA384, s ap traffic, 48, 48",
        "SHA384, key, 0, 32",
        "SHA384, iv, 0, 12",
        "SHA384, finished, 0, 48",
        "SHA384, traffic upd, 0, 48",
    })
    void expandLabelAgreesWithOpenSslTls13Kdf(HashAlgorithm hash, String label, int contextLength, int length) {
        byte[] secret = pattern(hash.digestLength(), 0x21);
        byte[] context = pattern(contextLength, 0x90);
        String output = OpenSsl.ok(directory, "kdf", "-keylen", Integer.toString(length),
                "-kdfopt", "digest:" + hash.name(), "-kdfopt", "mode:EXPAND_ONLY",
                "-kdfopt", "hexkey:" + HEX.formatHex(secret), "-kdfopt", "prefix:tls13 ",
                "-kdfopt", "label:" + label, "-kdfopt", "hexdata:" + HEX.formatHex(context), "TLS13-KDF");
        assertArrayEquals(colonHex(output), new Hkdf(hash).expandLabel(secret, label, context, length));
    }

    @ParameterizedTest(name = "{0}: HKDF-Extract over a {1}-byte salt")
    @CsvSource({"SHA256, 32", "SHA384, 48", "SHA384, 13"})
    void extractAgreesWithOpenSslHkdf(HashAlgorithm hash, int saltLength) {
        byte[] salt = pattern(saltLength, 0x44);
        byte[] ikm = pattern(hash.digestLength(), 0x07);
        String output = OpenSsl.ok(directory, "kdf", "-keylen", Integer.toString(hash.digestLength()),
                "-kdfopt", "digest:" + hash.name(), "-kdfopt", "mode:EXTRACT_ONLY",
                "-kdfopt", "hexkey:" + HEX.formatHex(ikm), "-kdfopt", "hexsalt:" + HEX.formatHex(salt), "HKDF");
        assertArrayEquals(colonHex(output), new Hkdf(hash).extract(salt, ikm));
    }

    /** What {@code openssl kdf} prints without -binary: AB:CD:... */
    private static byte[] colonHex(String output) {
        return HEX.parseHex(output.strip().replace(":", "").toLowerCase(java.util.Locale.ROOT));
    }

    private static byte[] pattern(int length, int start) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (start + i);
        }
        return bytes;
    }
}
