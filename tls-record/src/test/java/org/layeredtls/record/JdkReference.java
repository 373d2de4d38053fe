package org.layeredtls.record;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test oracle: the record constructions rebuilt from the RFC text with the JDK's own primitives
 * (SunJCE), independent of BouncyCastle and of the code under test.
 */
final class JdkReference {

    private JdkReference() {
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** seq(8) || type || [version] || length. */
    static byte[] macHeader(long seq, ContentType type, ProtocolVersion version, int length, boolean ssl3) {
        ByteBuffer b = ByteBuffer.allocate(ssl3 ? 11 : 13).putLong(seq).put((byte) type.code());
        if (!ssl3) {
            b.put((byte) version.major()).put((byte) version.minor());
        }
        return b.putShort((short) length).array();
    }

    /** RFC 5246 §6.2.3.1: HMAC over the header and the data. */
    static byte[] tlsMac(MacAlgorithm algorithm, byte[] key, long seq, ContentType type, ProtocolVersion version,
                         byte[] data) {
        try {
            String name = switch (algorithm) {
                case HMAC_MD5 -> "HmacMD5";
                case HMAC_SHA1 -> "HmacSHA1";
                case HMAC_SHA256 -> "HmacSHA256";
                case HMAC_SHA384 -> "HmacSHA384";
                case NULL -> throw new IllegalArgumentException();
            };
            Mac mac = Mac.getInstance(name);
            mac.init(new SecretKeySpec(key, name));
            mac.update(macHeader(seq, type, version, data.length, false));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** RFC 6101 §5.2.3.1: the SSL 3.0 MAC. */
    static byte[] ssl3Mac(MacAlgorithm algorithm, byte[] secret, long seq, ContentType type, byte[] data) {
        try {
            boolean md5 = algorithm == MacAlgorithm.HMAC_MD5;
            MessageDigest hash = MessageDigest.getInstance(md5 ? "MD5" : "SHA-1");
            byte[] pad1 = new byte[md5 ? 48 : 40];
            byte[] pad2 = new byte[pad1.length];
            Arrays.fill(pad1, (byte) 0x36);
            Arrays.fill(pad2, (byte) 0x5c);
            byte[] inner = hash.digest(concat(secret, pad1, macHeader(seq, type, null, data.length, true), data));
            return hash.digest(concat(secret, pad2, inner));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] mac(ProtectionScheme scheme, long seq, ContentType type, byte[] data) {
        byte[] key = scheme.keys().macKey();
        return scheme.version().isSsl3()
                ? ssl3Mac(scheme.spec().mac(), key, seq, type, data)
                : tlsMac(scheme.spec().mac(), key, seq, type, scheme.version(), data);
    }

    /** CBC without padding (the record layer pads itself). */
    static byte[] cbc(boolean encrypt, BulkCipherAlgorithm bulk, byte[] key, byte[] iv, byte[] data) {
        try {
            String name = bulk == BulkCipherAlgorithm.TRIPLE_DES_EDE_CBC ? "DESede" : "AES";
            Cipher cipher = Cipher.getInstance(name + "/CBC/NoPadding");
            cipher.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(key, name),
                    new IvParameterSpec(iv));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** TLS padding: padding_length + 1 bytes all equal to padding_length. */
    static byte[] tlsPadding(int paddingLength) {
        byte[] padding = new byte[paddingLength + 1];
        Arrays.fill(padding, (byte) paddingLength);
        return padding;
    }

    static byte[] rc4(byte[] key, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("ARCFOUR");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] aesGcm(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] chaCha20Poly1305(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        try {
            Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
