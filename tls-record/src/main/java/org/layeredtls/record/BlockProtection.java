package org.layeredtls.record;

import java.security.MessageDigest;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.BlockCipher;
import org.layeredtls.crypto.RandomSource;

/**
 * CBC block protection (RFC 5246 §6.2.3.2, RFC 4346, RFC 6101 §5.2.3.2, RFC 7366) with AES or 3DES.
 *
 * <pre>
 * MAC-then-encrypt:  [IV] || E(fragment || MAC || padding || padding_length)
 * encrypt-then-MAC:  [IV] || E(fragment || padding || padding_length) || MAC([IV] || ciphertext)
 * </pre>
 *
 * <ul>
 * <li>Padding is minimal on send: {@code padding_length} in {@code 0..block-1}, so that the
 *     encrypted part is a multiple of the block. TLS fills every padding byte with
 *     {@code padding_length}; SSL 3.0 fills them with zeros (as OpenSSL does) and on receive checks
 *     only {@code padding_length < block} (RFC 6101). TLS accepts any padding up to 255 on receive.</li>
 * <li>IV: under SSL 3.0 and TLS 1.0 it is implicit: the first record uses the IV from the key block,
 *     each later record the last ciphertext block of the previous record in the same direction.
 *     From TLS 1.1 each record starts with a fresh IV of one block, taken from the
 *     {@link RandomSource} in exactly one call of {@code block} bytes and sent in clear.</li>
 * <li>Encrypt-then-MAC MACs {@code seq || type || version || length(IV + ciphertext) || IV || ciphertext}
 *     and is checked before anything is decrypted.</li>
 * </ul>
 *
 * <p><b>Padding oracles and Lucky 13.</b> With MAC-then-encrypt the receiver must decrypt before it
 * can check the MAC, and where the MAC lies depends on the padding. To keep a bad padding from
 * looking different from a bad MAC, {@link #open} (1) raises the same {@code bad_record_mac} with the
 * same reason for both; (2) checks the padding bytes over a fixed window of 256 bytes with masks, no
 * early exit; (3) always computes the MAC, over the fragment as if {@code padding_length} were 0 when
 * the padding is bad; (4) feeds dummy blocks to the hash so that the number of compression-function
 * calls is that of the longest fragment the record could hold (the method of BouncyCastle's TLS and
 * OpenSSL); (5) copies the received MAC out of a fixed window without a secret-dependent memory
 * access, and compares MACs with {@link MessageDigest#isEqual}, constant-time in JDK 17.
 *
 * <p>What this does not protect against: the cost of hashing the bytes inside the last, partial
 * block still depends slightly on the fragment length; the JIT, caches and branch predictors of
 * the JVM are outside its control; BouncyCastle's AES uses tables (cache-timing on the key is
 * possible on a shared machine); and SSL 3.0's unchecked padding is open to POODLE by design, which
 * no implementation can repair. Encrypt-then-MAC (RFC 7366) or an AEAD suite removes the problem
 * rather than masking it.
 */
final class BlockProtection implements RecordProtection {

    /** padding_length is one byte: at most 255 padding bytes plus the length byte itself. */
    private static final int PADDING_WINDOW = 256;
    private static final byte[] NO_PLAINTEXT = new byte[0];

    private final boolean forWriting;
    private final boolean ssl3;
    private final boolean encryptThenMac;
    private final BlockCipher cipher;
    private final int blockSize;
    private final RecordMac mac;
    private final int macLength;
    private final RandomSource random;
    /** SSL 3.0/TLS 1.0: the IV of the next record (last ciphertext block), or null from TLS 1.1. */
    private final byte[] chainedIv;
    private final byte[] computedMac;
    private final byte[] receivedMac;
    private final byte[] rotatedMac;
    /**
     * Reading only: the decrypted record before the MAC and padding are taken off; allocated by the
     * first record and grown to the longest one (see RecordBuffers), so a steady stream of records
     * allocates nothing.
     */
    private byte[] plaintext = NO_PLAINTEXT;

    BlockProtection(boolean forWriting, boolean ssl3, boolean encryptThenMac, BlockCipher cipher,
                    RecordMac mac, byte[] initialIv, RandomSource random) {
        this.forWriting = forWriting;
        this.ssl3 = ssl3;
        this.encryptThenMac = encryptThenMac;
        this.cipher = cipher;
        this.blockSize = cipher.blockSize();
        this.mac = mac;
        this.macLength = mac.length();
        this.random = random;
        this.chainedIv = initialIv == null ? null : initialIv.clone();
        this.computedMac = new byte[macLength];
        this.receivedMac = new byte[macLength];
        this.rotatedMac = new byte[macLength];
    }

    private int explicitIvLength() {
        return chainedIv == null ? blockSize : 0;
    }

    @Override
    public void releaseBuffers() {
        plaintext = NO_PLAINTEXT;
    }

    @Override
    public int bufferedBytes() {
        return plaintext.length;
    }

    @Override
    public int maxExpansion() {
        return explicitIvLength() + macLength + blockSize;
    }

    @Override
    public int seal(long sequenceNumber, ContentType type, ProtocolVersion version,
                    byte[] in, int inOff, int length, byte[] out, int outOff) {
        checkDirection(true);
        int ivLength = explicitIvLength();
        if (ivLength > 0) { // RFC 4346 §6.2.3.2: a fresh random IV in front of each record
            random.nextBytes(out, outOff, ivLength);
        }
        int dataOff = outOff + ivLength;
        System.arraycopy(in, inOff, out, dataOff, length);
        int content = length;
        if (!encryptThenMac) {
            mac.compute(sequenceNumber, type, version, in, inOff, length, out, dataOff + length);
            content += macLength;
        }
        int encryptedLength = pad(out, dataOff, content);
        if (ivLength > 0) {
            encryptCbc(out, outOff, out, dataOff, encryptedLength);
        } else {
            encryptCbc(chainedIv, 0, out, dataOff, encryptedLength);
            System.arraycopy(out, dataOff + encryptedLength - blockSize, chainedIv, 0, blockSize);
        }
        int sealed = ivLength + encryptedLength;
        if (encryptThenMac) { // RFC 7366 §3: MAC over IV and ciphertext, appended in clear
            mac.compute(sequenceNumber, type, version, out, outOff, sealed, out, outOff + sealed);
            sealed += macLength;
        }
        return sealed;
    }

    /** Appends minimal padding after {@code content} bytes at {@code off}; returns the padded length. */
    private int pad(byte[] buf, int off, int content) {
        int paddingLength = blockSize - 1 - content % blockSize;
        // RFC 5246 §6.2.3.2: each padding byte is padding_length; RFC 6101: SSL 3.0 padding is arbitrary (zeros here)
        byte fill = ssl3 ? 0 : (byte) paddingLength;
        for (int i = 0; i < paddingLength; i++) {
            buf[off + content + i] = fill;
        }
        buf[off + content + paddingLength] = (byte) paddingLength;
        return content + paddingLength + 1;
    }

    @Override
    public int open(long sequenceNumber, ContentType type, ProtocolVersion version,
                    byte[] in, int inOff, int length, byte[] out, int outOff) throws TlsAlertException {
        checkDirection(false);
        RecordProtections.checkCiphertextLength(length);
        return encryptThenMac
                ? openEncryptThenMac(sequenceNumber, type, version, in, inOff, length, out, outOff)
                : openMacThenEncrypt(sequenceNumber, type, version, in, inOff, length, out, outOff);
    }

    private int openMacThenEncrypt(long sequenceNumber, ContentType type, ProtocolVersion version,
                                   byte[] in, int inOff, int length, byte[] out, int outOff)
            throws TlsAlertException {
        int ivLength = explicitIvLength();
        int encryptedLength = length - ivLength;
        // public checks on the length: room for the MAC and the padding length, whole blocks
        int minimum = Math.max(blockSize, (macLength + 1 + blockSize - 1) / blockSize * blockSize);
        if (encryptedLength < minimum || encryptedLength % blockSize != 0) {
            throw RecordProtections.badRecordMac();
        }
        decrypt(in, inOff, ivLength, encryptedLength);

        int last = encryptedLength - 1;
        int paddingLength = plaintext[last] & 0xFF;
        int maxFragment = last - macLength;
        int good = ConstantTime.ge(maxFragment, paddingLength);
        // where the MAC starts if the padding is right (a padding_length too long for the record is
        // taken as 0 here; the record is refused then anyway)
        int macStart = maxFragment - (paddingLength & good);
        // one pass over the public window: gather the MAC and compare the padding bytes (TLS)
        int scanStart = Math.max(0, maxFragment - (PADDING_WINDOW - 1));
        int paddingDifference = ConstantTime.copyMacAndCheckPadding(plaintext, scanStart, last, macStart, macLength,
                ssl3 ? last : last - paddingLength, paddingLength, rotatedMac, receivedMac);
        if (ssl3) { // RFC 6101 §5.2.3.2: only the length is checked, padding bytes are arbitrary
            good &= ConstantTime.lt(paddingLength, blockSize);
        } else { // RFC 5246 §6.2.3.2: every padding byte equals padding_length
            good &= ConstantTime.eq(paddingDifference, 0);
        }
        paddingLength &= good; // a bad padding: MAC the record as if it had none
        int fragmentLength = maxFragment - paddingLength;

        // always compute the MAC, with the compression count of the longest possible fragment
        mac.computeConstantTime(sequenceNumber, type, version, plaintext, 0, fragmentLength, maxFragment,
                computedMac, 0);
        boolean macOk = MessageDigest.isEqual(computedMac, receivedMac);
        if (!macOk | good != -1) {
            throw RecordProtections.badRecordMac();
        }
        System.arraycopy(plaintext, 0, out, outOff, fragmentLength);
        return fragmentLength;
    }

    /**
     * RFC 5246 §6.2.3.2: every padding byte equals padding_length. Looks at the last 256 bytes (or
     * all of them if fewer) whatever padding_length is; returns a mask.
     */
    private int checkTlsPaddingBytes(int encryptedLength, int paddingLength) {
        int difference = 0;
        int window = Math.min(PADDING_WINDOW, encryptedLength);
        int last = encryptedLength - 1;
        int firstPadding = last - paddingLength;
        for (int p = last - window + 1; p < last; p++) { // byte p counts only if it is padding
            difference |= ((plaintext[p] & 0xFF) ^ paddingLength) & ~((p - firstPadding) >> 31);
        }
        return ConstantTime.eq(difference, 0);
    }

    private int openEncryptThenMac(long sequenceNumber, ContentType type, ProtocolVersion version,
                                   byte[] in, int inOff, int length, byte[] out, int outOff)
            throws TlsAlertException {
        int ivLength = explicitIvLength();
        int macOff = length - macLength;
        int encryptedLength = macOff - ivLength;
        if (encryptedLength < blockSize || encryptedLength % blockSize != 0) {
            throw RecordProtections.badRecordMac();
        }
        // RFC 7366 §3: check the MAC first; nothing is decrypted unless it is right
        mac.compute(sequenceNumber, type, version, in, inOff, macOff, computedMac, 0);
        System.arraycopy(in, inOff + macOff, receivedMac, 0, macLength);
        if (!MessageDigest.isEqual(computedMac, receivedMac)) {
            throw RecordProtections.badRecordMac();
        }
        decrypt(in, inOff, ivLength, encryptedLength);
        int paddingLength = plaintext[encryptedLength - 1] & 0xFF;
        int good = ConstantTime.ge(encryptedLength - 1, paddingLength)
                & checkTlsPaddingBytes(encryptedLength, paddingLength);
        if (good != -1) {
            throw RecordProtections.badRecordMac();
        }
        int fragmentLength = encryptedLength - 1 - paddingLength;
        System.arraycopy(plaintext, 0, out, outOff, fragmentLength);
        return fragmentLength;
    }

    /** Decrypts {@code encryptedLength} bytes after the explicit IV (if any) into {@link #plaintext}. */
    private void decrypt(byte[] in, int inOff, int ivLength, int encryptedLength) {
        plaintext = RecordBuffers.atLeast(plaintext, encryptedLength, RecordLimits.MAX_CIPHERTEXT_LENGTH);
        int dataOff = inOff + ivLength;
        if (ivLength > 0) {
            decryptCbc(in, inOff, in, dataOff, encryptedLength);
        } else {
            decryptCbc(chainedIv, 0, in, dataOff, encryptedLength);
            // SSL 3.0/TLS 1.0: the next record's IV is this record's last ciphertext block
            System.arraycopy(in, dataOff + encryptedLength - blockSize, chainedIv, 0, blockSize);
        }
    }

    /** CBC encryption in place (the cipher's, see BlockCipher#encryptCbc). */
    private void encryptCbc(byte[] iv, int ivOff, byte[] buf, int off, int length) {
        cipher.encryptCbc(iv, ivOff, buf, off, length);
    }

    /** CBC decryption from {@code in} into {@link #plaintext} (which never overlaps {@code in}). */
    private void decryptCbc(byte[] iv, int ivOff, byte[] in, int off, int length) {
        cipher.decryptCbc(iv, ivOff, in, off, length, plaintext, 0);
    }

    private void checkDirection(boolean sealing) {
        if (sealing != forWriting) {
            throw new IllegalStateException("this record protection was created for "
                    + (forWriting ? "writing" : "reading"));
        }
    }
}
