package org.layeredtls.bench;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.layeredtls.crypto.RandomSource;

/**
 * The same encryption and MAC as a TLS record, written directly on BouncyCastle with nothing
 * of the record layer around it: the baseline the record layer's overhead is measured against.
 * It builds the same bytes as a record (MAC input, padding, explicit IV or nonce) but skips every
 * check the record layer makes (lengths, constant-time padding, sequence numbers).
 */
abstract class BarePrimitive {

    abstract int seal(long seq, byte[] in, int length, byte[] out);

    abstract int open(long seq, byte[] in, int length, byte[] out);

    static BarePrimitive create(Scheme scheme, byte[] macKey, byte[] key, byte[] iv, RandomSource random) {
        return switch (scheme) {
            case AES_128_GCM -> new Aead(GCMBlockCipher.newInstance(AESEngine.newInstance()), key, iv, true);
            case CHACHA20_POLY1305 -> new Aead(new ChaCha20Poly1305(), key, iv, false);
            case AES_128_CBC_SHA1_TLS10, AES_128_CBC_SHA1_TLS12 -> new Cbc(new HMac(new SHA1Digest()), macKey, key, iv, scheme, random);
            case AES_128_CBC_SHA256_TLS12 -> new Cbc(new HMac(new SHA256Digest()), macKey, key, iv, scheme, random);
        };
    }

    static void header(byte[] aad, long seq, int version, int length) {
        for (int i = 0; i < 8; i++) {
            aad[i] = (byte) (seq >>> (56 - 8 * i));
        }
        aad[8] = 23;
        aad[9] = (byte) (version >>> 8);
        aad[10] = (byte) version;
        aad[11] = (byte) (length >>> 8);
        aad[12] = (byte) length;
    }

    /** GCM (explicit nonce = sequence number) or ChaCha20-Poly1305 (XOR nonce). */
    static final class Aead extends BarePrimitive {
        private final AEADCipher cipher;
        private final boolean explicitNonce;
        private final byte[] fixedIv;
        private final byte[] nonce = new byte[12];
        private final byte[] aad = new byte[13];
        private KeyParameter key;

        Aead(AEADCipher cipher, byte[] key, byte[] fixedIv, boolean explicitNonce) {
            this.cipher = cipher;
            this.key = new KeyParameter(key);
            this.fixedIv = fixedIv;
            this.explicitNonce = explicitNonce;
        }

        private void nonce(long seq) {
            if (explicitNonce) {
                System.arraycopy(fixedIv, 0, nonce, 0, 4);
                for (int i = 0; i < 8; i++) {
                    nonce[4 + i] = (byte) (seq >>> (56 - 8 * i));
                }
            } else {
                System.arraycopy(fixedIv, 0, nonce, 0, 12);
                for (int i = 0; i < 8; i++) {
                    nonce[4 + i] ^= (byte) (seq >>> (56 - 8 * i));
                }
            }
        }

        @Override
        int seal(long seq, byte[] in, int length, byte[] out) {
            nonce(seq);
            int offset = explicitNonce ? 8 : 0;
            System.arraycopy(nonce, 4, out, 0, offset);
            cipher.init(true, new AEADParameters(key, 128, nonce));
            key = null;
            header(aad, seq, 0x0303, length);
            cipher.processAADBytes(aad, 0, 13);
            int n = cipher.processBytes(in, 0, length, out, offset);
            try {
                return offset + n + cipher.doFinal(out, offset + n);
            } catch (InvalidCipherTextException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        int open(long seq, byte[] in, int length, byte[] out) {
            nonce(seq);
            int offset = explicitNonce ? 8 : 0;
            System.arraycopy(in, 0, nonce, 4, offset);
            cipher.init(false, new AEADParameters(key, 128, nonce));
            key = null;
            header(aad, seq, 0x0303, length - offset - 16);
            cipher.processAADBytes(aad, 0, 13);
            int n = cipher.processBytes(in, offset, length - offset, out, 0);
            try {
                return n + cipher.doFinal(out, n);
            } catch (InvalidCipherTextException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** AES-128-CBC with HMAC, MAC-then-encrypt, TLS padding; explicit IV in TLS 1.2, chained in TLS 1.0. */
    static final class Cbc extends BarePrimitive {
        private final HMac mac;
        private final CBCBlockCipher encrypt = (CBCBlockCipher) CBCBlockCipher.newInstance(AESEngine.newInstance());
        private final CBCBlockCipher decrypt = (CBCBlockCipher) CBCBlockCipher.newInstance(AESEngine.newInstance());
        private final boolean explicitIv;
        private final int version;
        private final RandomSource random;
        private final byte[] header = new byte[13];
        /** One IV parameter for every record: BouncyCastle hands out its array, refilled in place. */
        private final ParametersWithIV ivOnly = new ParametersWithIV(null, new byte[16]);
        private final byte[] iv = ivOnly.getIV();
        private final byte[] work = new byte[16384 + 2048];
        private final byte[] macOut;
        private final byte[] macCheck;

        Cbc(HMac mac, byte[] macKey, byte[] key, byte[] fixedIv, Scheme scheme, RandomSource random) {
            this.mac = mac;
            this.mac.init(new KeyParameter(macKey));
            this.explicitIv = scheme.version.hasExplicitIv();
            this.version = scheme.version.code();
            this.random = random;
            this.macOut = new byte[mac.getMacSize()];
            this.macCheck = new byte[mac.getMacSize()];
            byte[] firstIv = explicitIv ? new byte[16] : fixedIv;
            encrypt.init(true, new ParametersWithIV(new KeyParameter(key), firstIv));
            decrypt.init(false, new ParametersWithIV(new KeyParameter(key), firstIv));
        }

        @Override
        int seal(long seq, byte[] in, int length, byte[] out) {
            header(header, seq, version, length);
            mac.update(header, 0, 13);
            mac.update(in, 0, length);
            mac.doFinal(macOut, 0);
            int content = length + macOut.length;
            int padding = 16 - (content % 16); // padding bytes including the length byte
            System.arraycopy(in, 0, work, 0, length);
            System.arraycopy(macOut, 0, work, length, macOut.length);
            for (int i = 0; i < padding; i++) {
                work[content + i] = (byte) (padding - 1);
            }
            int offset = 0;
            if (explicitIv) {
                random.nextBytes(iv, 0, 16);
                System.arraycopy(iv, 0, out, 0, 16);
                encrypt.init(true, ivOnly);
                offset = 16;
            }
            int total = content + padding;
            for (int i = 0; i < total; i += 16) {
                encrypt.processBlock(work, i, out, offset + i);
            }
            return offset + total;
        }

        @Override
        int open(long seq, byte[] in, int length, byte[] out) {
            int offset = 0;
            if (explicitIv) {
                System.arraycopy(in, 0, iv, 0, 16);
                decrypt.init(false, ivOnly);
                offset = 16;
            }
            for (int i = offset; i < length; i += 16) {
                decrypt.processBlock(in, i, work, i - offset);
            }
            int total = length - offset;
            int padding = (work[total - 1] & 0xFF) + 1;
            int plain = total - padding - macCheck.length;
            header(header, seq, version, plain);
            mac.update(header, 0, 13);
            mac.update(work, 0, plain);
            mac.doFinal(macCheck, 0);
            System.arraycopy(work, 0, out, 0, plain);
            return org.bouncycastle.util.Arrays.constantTimeAreEqual(macCheck.length, macCheck, 0, work, plain) ? plain : -1;
        }
    }
}
