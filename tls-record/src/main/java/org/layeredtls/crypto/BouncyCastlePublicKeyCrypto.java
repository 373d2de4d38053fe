package org.layeredtls.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECPoint;

/**
 * {@link PublicKeyCrypto} on BouncyCastle's lightweight API. Thread-safe; its only state is what makes repeated
 * work cheaper: the blinding of each RSA private key ({@link RsaBlinding}) and the EC public keys verified
 * lately ({@link DecodedEcPublicKeys}).
 */
public final class BouncyCastlePublicKeyCrypto implements PublicKeyCrypto {

    public static final BouncyCastlePublicKeyCrypto INSTANCE = new BouncyCastlePublicKeyCrypto();

    private static final BigInteger F4 = BigInteger.valueOf(65537);

    private final DecodedEcPublicKeys ecPublicKeys = new DecodedEcPublicKeys();

    private BouncyCastlePublicKeyCrypto() {
    }

    @Override
    public byte[] sign(SignatureScheme scheme, PrivateKey key, byte[] message, RandomSource random) {
        return signDigest(scheme, key, digest(scheme, message), random);
    }

    @Override
    public boolean verify(SignatureScheme scheme, PublicKey key, byte[] message, byte[] signature) {
        return verifyDigest(scheme, key, digest(scheme, message), signature);
    }

    @Override
    public byte[] digest(SignatureScheme scheme, byte[] message) {
        CryptoProvider provider = CryptoProvider.defaultProvider();
        if (scheme.hash() == null) {
            // RFC 4346 §7.4.3: MD5(m) || SHA-1(m)
            Hash md5 = provider.hash(HashAlgorithm.MD5);
            Hash sha1 = provider.hash(HashAlgorithm.SHA1);
            md5.update(message);
            sha1.update(message);
            byte[] out = new byte[36];
            md5.doFinal(out, 0);
            sha1.doFinal(out, 16);
            return out;
        }
        Hash hash = provider.hash(scheme.hash());
        hash.update(message);
        return hash.doFinal();
    }

    @Override
    public byte[] signDigest(SignatureScheme scheme, PrivateKey key, byte[] digest, RandomSource random) {
        if (digest.length != scheme.digestLength()) {
            throw new IllegalArgumentException(scheme + " signs a " + scheme.digestLength() + "-byte digest");
        }
        SecureRandom rng = new RandomSourceAdapter(random);
        switch (scheme.kind()) {
            case RSA_PKCS1 -> {
                RsaPrivateKey rsa = requireRsa(scheme, key);
                byte[] em = pkcs1SignatureBlock(scheme, digest, rsa.modulus());
                // blinded with the key's own pairs (RsaBlinding): PKCS#1 v1.5 signing draws nothing from `random`
                BlindedRsaEngine engine = new BlindedRsaEngine(rsa);
                engine.init(true, rsaPrivate(rsa));
                // EM starts with 00: feed the k-1 bytes after it (RFC 8017 §8.2.1 step 2)
                return engine.processBlock(em, 1, em.length - 1);
            }
            case RSA_PSS -> {
                RsaPrivateKey rsa = requireRsa(scheme, key);
                // RFC 8017 §9.1.1 step 4: the salt is drawn from `random`; the blinding from the key's own source
                PSSSigner signer = rawPss(new BlindedRsaEngine(rsa), scheme.hash(), scheme.hash().digestLength());
                signer.init(true, new ParametersWithRandom(rsaPrivate(rsa), rng));
                signer.update(digest, 0, digest.length);
                try {
                    return signer.generateSignature();
                } catch (CryptoException e) {
                    throw new IllegalArgumentException("RSA-PSS signing failed: " + e.getMessage(), e);
                }
            }
            case ECDSA -> {
                if (!(key instanceof EcPrivateKey ec)) {
                    throw new IllegalArgumentException(scheme + " needs an EC key, not " + key);
                }
                ECNamedDomainParameters domain = domain(ec.curve());
                ECDSASigner signer = new ECDSASigner();
                signer.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(ec.privateValue(), domain), rng));
                BigInteger[] rs = signer.generateSignature(digest);
                try {
                    return StandardDSAEncoding.INSTANCE.encode(domain.getN(), rs[0], rs[1]);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot DER-encode an ECDSA signature", e);
                }
            }
            default -> throw new IllegalArgumentException("unknown scheme " + scheme);
        }
    }

    @Override
    public boolean verifyDigest(SignatureScheme scheme, PublicKey key, byte[] digest, byte[] signature) {
        if (!scheme.fits(key) || digest.length != scheme.digestLength()) {
            return false;
        }
        try {
            return switch (scheme.kind()) {
                case RSA_PKCS1 -> verifyPkcs1(scheme, (RsaPublicKey) key, digest, signature);
                case RSA_PSS -> verifyPssDigest(scheme.hash(), (RsaPublicKey) key, digest, signature,
                        scheme.hash().digestLength());
                case ECDSA -> verifyEcdsa((EcPublicKey) key, digest, signature);
            };
        } catch (RuntimeException e) {
            // a malformed key or signature that slipped past the checks above is simply not valid
            return false;
        }
    }

    @Override
    public boolean verifyRsaPss(HashAlgorithm hash, RsaPublicKey key, byte[] message, byte[] signature, int saltLength) {
        if (hash == HashAlgorithm.MD5 || saltLength < 0) {
            return false;
        }
        Hash h = CryptoProvider.defaultProvider().hash(hash);
        h.update(message);
        try {
            return verifyPssDigest(hash, key, h.doFinal(), signature, saltLength);
        } catch (RuntimeException e) {
            return false;
        }
    }

    // RFC 8017 §8.2.2: encode the expected block and compare it with s^e mod n.
    private static boolean verifyPkcs1(SignatureScheme scheme, RsaPublicKey key, byte[] digest, byte[] signature) {
        if (!isValidRsa(key) || signature.length != key.modulusLength()) {
            return false;
        }
        BigInteger s = new BigInteger(1, signature);
        if (s.compareTo(key.modulus()) >= 0) {
            return false;
        }
        byte[] em = toFixedLength(s.modPow(key.publicExponent(), key.modulus()), key.modulusLength());
        return MessageDigest.isEqual(em, pkcs1SignatureBlock(scheme, digest, key.modulus()));
    }

    private static boolean verifyPssDigest(HashAlgorithm hash, RsaPublicKey key, byte[] digest, byte[] signature,
                                           int saltLength) {
        if (!isValidRsa(key) || signature.length != key.modulusLength()) {
            return false;
        }
        PSSSigner signer = rawPss(new RSAEngine(), hash, saltLength); // public: nothing to blind
        signer.init(false, new RSAKeyParameters(false, key.modulus(), key.publicExponent()));
        signer.update(digest, 0, digest.length);
        return signer.verifySignature(signature);
    }

    private boolean verifyEcdsa(EcPublicKey key, byte[] digest, byte[] signature) {
        ECNamedDomainParameters domain = domain(key.curve());
        ECPublicKeyParameters params;
        try {
            params = ecPublicKeys.decode(key, domain);
        } catch (IllegalArgumentException e) {
            return false;
        }
        BigInteger[] rs;
        try {
            rs = StandardDSAEncoding.INSTANCE.decode(domain.getN(), signature); // strict DER, 0 < r,s < n
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, params);
        return verifier.verifySignature(digest, rs[0], rs[1]);
    }

    @Override
    public byte[] encryptPkcs1(RsaPublicKey key, byte[] message, RandomSource random) {
        PKCS1Encoding cipher = new PKCS1Encoding(new RSABlindedEngine());
        cipher.init(true, new ParametersWithRandom(
                new RSAKeyParameters(false, key.modulus(), key.publicExponent()), new RandomSourceAdapter(random)));
        try {
            return toFixedLength(new BigInteger(1, cipher.processBlock(message, 0, message.length)),
                    key.modulusLength());
        } catch (InvalidCipherTextException e) {
            throw new IllegalArgumentException("message too long for a " + key.modulus().bitLength()
                    + "-bit RSA key", e);
        }
    }

    @Override
    public byte[] decryptPkcs1(RsaPrivateKey key, byte[] ciphertext, byte[] fallback) {
        int k = key.modulusLength();
        int messageLength = fallback.length;
        if (ciphertext.length != k || messageLength > k - 11) {
            return fallback.clone(); // the length is public: no oracle in answering early
        }
        BigInteger c = new BigInteger(1, ciphertext);
        if (c.compareTo(key.modulus()) >= 0) {
            return fallback.clone();
        }
        // The private operation blinded with the key's squared pairs and the key's own random source (RsaBlinding).
        BlindedRsaEngine engine = new BlindedRsaEngine(key);
        engine.init(false, rsaPrivate(key));
        byte[] em = toFixedLength(new BigInteger(1, engine.processBlock(ciphertext, 0, k)), k);
        // RFC 8017 §7.2.2 step 3 without branches: EM = 00 || 02 || PS (>= 8 non-zero) || 00 || M
        int separator = k - messageLength - 1;
        int bad = em[0] | (em[1] ^ 0x02) | em[separator];
        for (int i = 2; i < separator; i++) {
            bad |= isZero(em[i]);
        }
        int good = ((bad & 0xff) - 1) >>> 31; // 1 if bad == 0, else 0
        byte mask = (byte) -good;
        byte[] out = new byte[messageLength];
        for (int i = 0; i < messageLength; i++) {
            out[i] = (byte) ((em[separator + 1 + i] & mask) | (fallback[i] & ~mask));
        }
        java.util.Arrays.fill(em, (byte) 0);
        return out;
    }

    /** 1 if b == 0, else 0, without a branch. */
    private static int isZero(byte b) {
        return ((b & 0xff) - 1) >>> 31;
    }

    @Override
    public KeyPair generateRsaKeyPair(int modulusBits, RandomSource random) {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(F4, new RandomSourceAdapter(random), modulusBits, 100));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        RSAPrivateCrtKeyParameters p = (RSAPrivateCrtKeyParameters) pair.getPrivate();
        RsaPrivateKey priv = new RsaPrivateKey(p.getModulus(), p.getPublicExponent(), p.getExponent(), p.getP(),
                p.getQ(), p.getDP(), p.getDQ(), p.getQInv());
        return new KeyPair(priv.publicKey(), priv);
    }

    @Override
    public KeyPair generateEcKeyPair(NamedCurve curve, RandomSource random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(domain(curve), new RandomSourceAdapter(random)));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        ECPrivateKeyParameters priv = (ECPrivateKeyParameters) pair.getPrivate();
        ECPublicKeyParameters pub = (ECPublicKeyParameters) pair.getPublic();
        return new KeyPair(new EcPublicKey(curve, pub.getQ().getEncoded(false)), new EcPrivateKey(curve, priv.getD()));
    }

    @Override
    public PublicKey publicKeyOf(PrivateKey key) {
        if (key instanceof RsaPrivateKey rsa) {
            return rsa.publicKey();
        }
        EcPrivateKey ec = (EcPrivateKey) key;
        ECPoint q = domain(ec.curve()).getG().multiply(ec.privateValue()).normalize();
        return new EcPublicKey(ec.curve(), q.getEncoded(false));
    }

    @Override
    public boolean isValidPublicKey(PublicKey key) {
        if (key instanceof RsaPublicKey rsa) {
            return isValidRsa(rsa);
        }
        EcPublicKey ec = (EcPublicKey) key;
        ECNamedDomainParameters domain = domain(ec.curve());
        try {
            new ECPublicKeyParameters(domain.getCurve().decodePoint(ec.encodedPoint()), domain);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isValidRsa(RsaPublicKey key) {
        return key.modulus().signum() > 0 && key.modulus().testBit(0)
                && key.publicExponent().compareTo(BigInteger.ONE) > 0 && key.publicExponent().compareTo(key.modulus()) < 0;
    }

    // RFC 8017 §9.2: EM = 00 || 01 || FF..FF || 00 || T, T = DigestInfo (or the raw 36 bytes for MD5_SHA1)
    private static byte[] pkcs1SignatureBlock(SignatureScheme scheme, byte[] digest, BigInteger modulus) {
        byte[] prefix = digestInfoPrefix(scheme.hash());
        int k = (modulus.bitLength() + 7) / 8;
        int tLength = prefix.length + digest.length;
        if (tLength + 11 > k) {
            throw new IllegalArgumentException("RSA modulus too short for " + scheme);
        }
        byte[] em = new byte[k];
        em[1] = 0x01;
        java.util.Arrays.fill(em, 2, k - tLength - 1, (byte) 0xff);
        System.arraycopy(prefix, 0, em, k - tLength, prefix.length);
        System.arraycopy(digest, 0, em, k - digest.length, digest.length);
        return em;
    }

    // RFC 8017 §9.2 note 1: the DER of DigestInfo up to the digest itself
    private static byte[] digestInfoPrefix(HashAlgorithm hash) {
        String hex = hash == null ? "" : switch (hash) {
            case MD5 -> "3020300c06082a864886f70d020505000410";
            case SHA1 -> "3021300906052b0e03021a05000414";
            case SHA256 -> "3031300d060960864801650304020105000420";
            case SHA384 -> "3041300d060960864801650304020205000430";
            case SHA512 -> "3051300d060960864801650304020305000440";
        };
        return HexFormat.of().parseHex(hex);
    }

    private static PSSSigner rawPss(AsymmetricBlockCipher rsa, HashAlgorithm hash, int saltLength) {
        return PSSSigner.createRawSigner(rsa, bcDigest(hash), bcDigest(hash), saltLength,
                PSSSigner.TRAILER_IMPLICIT);
    }

    private static Digest bcDigest(HashAlgorithm hash) {
        return switch (hash) {
            case SHA1 -> new SHA1Digest();
            case SHA256 -> new SHA256Digest();
            case SHA384 -> new SHA384Digest();
            case SHA512 -> new SHA512Digest();
            case MD5 -> throw new IllegalArgumentException("MD5 is not used with PSS");
        };
    }

    private static RsaPrivateKey requireRsa(SignatureScheme scheme, PrivateKey key) {
        if (!(key instanceof RsaPrivateKey rsa)) {
            throw new IllegalArgumentException(scheme + " needs an RSA key, not " + key);
        }
        return rsa;
    }

    private static RSAPrivateCrtKeyParameters rsaPrivate(RsaPrivateKey k) {
        return new RSAPrivateCrtKeyParameters(k.modulus(), k.publicExponent(), k.privateExponent(), k.prime1(),
                k.prime2(), k.exponent1(), k.exponent2(), k.coefficient());
    }

    private static ECNamedDomainParameters domain(NamedCurve curve) {
        return ECNamedDomainParameters.lookup(new ASN1ObjectIdentifier(curve.oid()));
    }

    /** I2OSP (RFC 8017 §4.1): x as exactly {@code length} big-endian bytes. */
    private static byte[] toFixedLength(BigInteger x, int length) {
        byte[] bytes = x.toByteArray();
        if (bytes.length == length) {
            return bytes;
        }
        byte[] out = new byte[length];
        if (bytes.length > length) {
            System.arraycopy(bytes, bytes.length - length, out, 0, length); // drop the sign byte
        } else {
            System.arraycopy(bytes, 0, out, length - bytes.length, bytes.length);
        }
        return out;
    }

}
