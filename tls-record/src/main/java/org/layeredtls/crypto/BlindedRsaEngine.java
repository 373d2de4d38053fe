package org.layeredtls.crypto;

import java.math.BigInteger;

import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.util.BigIntegers;

/**
 * RSA's private operation of one key ({@link RsaCrt}: blinded with the key's {@link RsaBlinding}, CRT, the result
 * checked against the input, the defence against the fault attack on CRT), in BouncyCastle's
 * {@link AsymmetricBlockCipher} form, so PKCS#1 and PSS signers take it as they take {@code RSABlindedEngine}.
 * Same output as {@code RSABlindedEngine}; only the blinding pair and the reductions are made more cheaply.
 * Private keys only: a public operation has nothing to hide.
 * A random source given with the key ({@link ParametersWithRandom}, as PSSSigner passes its own) is not drawn
 * from: the blinding's randomness is the key's own ({@link RsaBlinding}).
 */
final class BlindedRsaEngine implements AsymmetricBlockCipher {

    private final RsaCrt operation;
    private boolean forEncryption;
    private BigInteger modulus;

    BlindedRsaEngine(RsaPrivateKey key) {
        this.operation = RsaCrt.of(key);
    }

    @Override
    public void init(boolean forEncryption, CipherParameters parameters) {
        CipherParameters key = parameters instanceof ParametersWithRandom withRandom
                ? withRandom.getParameters() : parameters;
        if (!(key instanceof RSAPrivateCrtKeyParameters crt)) {
            throw new IllegalArgumentException("a private RSA key in CRT form is needed");
        }
        if (!crt.getModulus().equals(operation.modulus())) {
            throw new IllegalArgumentException("the key given is not the engine's key");
        }
        this.forEncryption = forEncryption;
        this.modulus = crt.getModulus();
    }

    /** RSACoreEngine's: k - 1 bytes in when encrypting (signing), k when decrypting. */
    @Override
    public int getInputBlockSize() {
        return modulusLength() - (forEncryption ? 1 : 0);
    }

    /** RSACoreEngine's: k bytes out when encrypting (signing), k - 1 when decrypting. */
    @Override
    public int getOutputBlockSize() {
        return modulusLength() - (forEncryption ? 0 : 1);
    }

    private int modulusLength() {
        return (modulus.bitLength() + 7) / 8;
    }

    @Override
    public byte[] processBlock(byte[] in, int offset, int length) {
        if (length > modulusLength()) {
            throw new DataLengthException("input too large for RSA cipher.");
        }
        BigInteger input = new BigInteger(1, java.util.Arrays.copyOfRange(in, offset, offset + length));
        if (input.compareTo(modulus) >= 0) {
            throw new DataLengthException("input too large for RSA cipher.");
        }
        BigInteger result = operation.apply(input);
        // RSACoreEngine's output: padded to the output block when encrypting (signing), bare when decrypting
        return forEncryption ? BigIntegers.asUnsignedByteArray(getOutputBlockSize(), result)
                : BigIntegers.asUnsignedByteArray(result);
    }
}
