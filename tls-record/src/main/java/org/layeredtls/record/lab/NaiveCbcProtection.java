package org.layeredtls.record.lab;

import java.security.MessageDigest;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.crypto.BlockCipher;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.Mac;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.RecordProtection;
import org.layeredtls.record.TrafficKeys;

/**
 * A DELIBERATELY WEAK variant for the Lucky 13 lab only: TLS 1.1/1.2 CBC MAC-then-encrypt
 * (RFC 5246 §6.2.3.2, explicit IV) as stacks wrote it before 2013.
 *
 * <p>Opening, it follows RFC 5246's advice to the letter: check the padding; if it is bad, "assume a
 * zero-length pad and then compute the MAC", so that a bad padding and a bad MAC
 * give the same alert. But it MACs only the bytes left once the padding is taken off, so the MAC's
 * cost, a number of hash compression-function calls, depends on padding_length: the "small timing
 * channel" RFC 5246 itself mentions, which AlFardan and Paterson turned into plaintext recovery.
 * Our {@code BlockProtection} feeds dummy blocks to the hash so that every record of one length costs
 * the same.
 *
 * <p>Sealing, it pads every record to one fixed encrypted length (RFC 5246 allows up to 255 padding
 * bytes, to hide the length of short messages): the lab uses it to make records of every padding length.
 */
final class NaiveCbcProtection implements RecordProtection {

    private final boolean forWriting;
    private final BlockCipher cipher;
    private final Mac mac;
    private final RandomSource random;
    /** Sealing: the encrypted length every record is padded to. */
    private final int encryptedLength;
    private final int blockSize;
    private final byte[] header = new byte[13];

    private NaiveCbcProtection(boolean forWriting, BlockCipher cipher, Mac mac, RandomSource random,
                               int encryptedLength) {
        this.forWriting = forWriting;
        this.cipher = cipher;
        this.mac = mac;
        this.random = random;
        this.encryptedLength = encryptedLength;
        this.blockSize = cipher.blockSize();
    }

    /** The naive receiver. */
    static NaiveCbcProtection reader(CipherSpec spec, TrafficKeys keys, CryptoProvider crypto) {
        return new NaiveCbcProtection(false, crypto.aes(keys.encryptionKey(), false),
                crypto.hmac(spec.mac().hash(), keys.macKey()), null, 0);
    }

    /** A sender that pads every record to {@code encryptedLength} bytes after the IV. */
    static NaiveCbcProtection writerPaddingTo(int encryptedLength, CipherSpec spec, TrafficKeys keys,
                                              CryptoProvider crypto, RandomSource random) {
        return new NaiveCbcProtection(true, crypto.aes(keys.encryptionKey(), true),
                crypto.hmac(spec.mac().hash(), keys.macKey()), random, encryptedLength);
    }

    @Override
    public int maxExpansion() {
        return blockSize + encryptedLength;
    }

    @Override
    public int seal(long sequenceNumber, ContentType type, ProtocolVersion version,
                    byte[] in, int inOff, int length, byte[] out, int outOff) {
        requireWriting(true);
        int paddingLength = encryptedLength - 1 - mac.macLength() - length;
        if (paddingLength < 0 || paddingLength > 255) {
            throw new IllegalArgumentException("a " + length + "-byte fragment cannot be padded to " + encryptedLength);
        }
        random.nextBytes(out, outOff, blockSize); // RFC 4346 §6.2.3.2: the explicit IV
        int data = outOff + blockSize;
        System.arraycopy(in, inOff, out, data, length);
        computeMac(sequenceNumber, type, version, in, inOff, length, out, data + length);
        for (int i = length + mac.macLength(); i < encryptedLength; i++) {
            out[data + i] = (byte) paddingLength; // every padding byte, and padding_length itself
        }
        cipher.encryptCbc(out, outOff, out, data, encryptedLength);
        return blockSize + encryptedLength;
    }

    @Override
    public int open(long sequenceNumber, ContentType type, ProtocolVersion version,
                    byte[] in, int inOff, int length, byte[] out, int outOff) throws TlsAlertException {
        requireWriting(false);
        int encrypted = length - blockSize;
        int macLength = mac.macLength();
        if (encrypted < macLength + 1 || encrypted % blockSize != 0) {
            throw badRecordMac();
        }
        byte[] plaintext = new byte[encrypted];
        cipher.decryptCbc(in, inOff, in, inOff + blockSize, encrypted, plaintext, 0);
        int paddingLength = plaintext[encrypted - 1] & 0xFF;
        boolean paddingGood = paddingLength + 1 + macLength <= encrypted;
        for (int i = encrypted - 1 - paddingLength; paddingGood && i < encrypted - 1; i++) {
            paddingGood = (plaintext[i] & 0xFF) == paddingLength;
        }
        if (!paddingGood) {
            paddingLength = 0; // RFC 5246 §6.2.3.2: "assume a zero-length pad and then compute the MAC"
        }
        // THE WEAKNESS: the MAC covers only the fragment, whose length depends on padding_length
        int fragmentLength = encrypted - 1 - paddingLength - macLength;
        byte[] computed = new byte[macLength];
        computeMac(sequenceNumber, type, version, plaintext, 0, fragmentLength, computed, 0);
        byte[] received = java.util.Arrays.copyOfRange(plaintext, fragmentLength, fragmentLength + macLength);
        if (!MessageDigest.isEqual(computed, received) | !paddingGood) {
            throw badRecordMac();
        }
        System.arraycopy(plaintext, 0, out, outOff, fragmentLength);
        return fragmentLength;
    }

    /** RFC 5246 §6.2.3.1: HMAC(seq_num || type || version || length || fragment). */
    private void computeMac(long sequenceNumber, ContentType type, ProtocolVersion version,
                            byte[] fragment, int offset, int length, byte[] out, int outOff) {
        for (int i = 0; i < 8; i++) {
            header[i] = (byte) (sequenceNumber >>> (56 - 8 * i));
        }
        header[8] = (byte) type.code();
        header[9] = (byte) version.major();
        header[10] = (byte) version.minor();
        header[11] = (byte) (length >>> 8);
        header[12] = (byte) length;
        mac.update(header, 0, header.length);
        mac.update(fragment, offset, length);
        mac.doFinal(out, outOff);
    }

    private static TlsAlertException badRecordMac() {
        return new TlsAlertException(AlertDescription.BAD_RECORD_MAC, TlsLayer.RECORD,
                "the record did not decrypt and verify");
    }

    private void requireWriting(boolean sealing) {
        if (sealing != forWriting) {
            throw new IllegalStateException("this protection was made for " + (forWriting ? "writing" : "reading"));
        }
    }
}
