package org.layeredtls.crypto;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.DHBasicAgreement;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.generators.DHBasicKeyPairGenerator;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.DHKeyGenerationParameters;
import org.bouncycastle.crypto.params.DHPrivateKeyParameters;
import org.bouncycastle.crypto.params.DHPublicKeyParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/** {@link KeyAgreement} on BouncyCastle's lightweight API. Stateless and thread-safe. */
public final class BouncyCastleKeyAgreement implements KeyAgreement {

    public static final BouncyCastleKeyAgreement INSTANCE = new BouncyCastleKeyAgreement();

    private BouncyCastleKeyAgreement() {
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
    public byte[] ecdh(EcPrivateKey privateKey, byte[] peerPoint) throws KeyAgreementException {
        NamedCurve curve = privateKey.curve();
        ECNamedDomainParameters domain = domain(curve);
        ECPublicKeyParameters peer = validatedPoint(curve, domain, peerPoint);
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(new ECPrivateKeyParameters(privateKey.privateValue(), domain));
        try {
            // SEC 1 §3.3.1: z is the x-coordinate of d·Q, as a field element of fixed length (RFC 8422 §5.10)
            return BigIntegers.asUnsignedByteArray(curve.fieldLength(), agreement.calculateAgreement(peer));
        } catch (IllegalStateException e) {
            throw new KeyAgreementException("ECDH gave the point at infinity", e);
        }
    }

    // SEC 1 §3.2.2.1: uncompressed form only (RFC 8422 §5.1.2), coordinates in the field, on the curve, not infinity
    private static ECPublicKeyParameters validatedPoint(NamedCurve curve, ECNamedDomainParameters domain, byte[] point)
            throws KeyAgreementException {
        int length = 1 + 2 * curve.fieldLength();
        if (point.length != length) {
            throw new KeyAgreementException("an uncompressed " + curve + " point is " + length + " bytes, not " + point.length);
        }
        if (point[0] != 0x04) {
            throw new KeyAgreementException(String.format("point form 0x%02x is not uncompressed (0x04)", point[0]));
        }
        ECCurve ecCurve = domain.getCurve();
        BigInteger p = ecCurve.getField().getCharacteristic();
        BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(point, 1, 1 + curve.fieldLength()));
        BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(point, 1 + curve.fieldLength(), length));
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw new KeyAgreementException("point coordinate not below the field prime");
        }
        try {
            ECPoint q = ecCurve.validatePoint(x, y); // on the curve
            return new ECPublicKeyParameters(q, domain); // not infinity, in the prime-order group
        } catch (IllegalArgumentException e) {
            throw new KeyAgreementException("point is not on " + curve + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] generateX25519PrivateKey(RandomSource random) {
        return new X25519PrivateKeyParameters(new RandomSourceAdapter(random)).getEncoded();
    }

    @Override
    public byte[] x25519PublicKey(byte[] privateKey) {
        requireX25519Length(privateKey.length, "private key");
        return new X25519PrivateKeyParameters(privateKey, 0).generatePublicKey().getEncoded();
    }

    @Override
    public byte[] x25519(byte[] privateKey, byte[] peerPublicKey) throws KeyAgreementException {
        requireX25519Length(privateKey.length, "private key");
        if (peerPublicKey.length != X25519_LENGTH) {
            throw new KeyAgreementException("an X25519 public key is 32 bytes, not " + peerPublicKey.length);
        }
        X25519Agreement agreement = new X25519Agreement();
        agreement.init(new X25519PrivateKeyParameters(privateKey, 0));
        byte[] shared = new byte[X25519_LENGTH];
        try {
            // RFC 7748 §6.1: the all-zero output of a low-order point is refused (BouncyCastle checks it)
            agreement.calculateAgreement(new X25519PublicKeyParameters(peerPublicKey, 0), shared, 0);
        } catch (IllegalStateException e) {
            throw new KeyAgreementException("X25519 gave the all-zero shared secret (low-order point)", e);
        }
        return shared;
    }

    private static void requireX25519Length(int length, String what) {
        if (length != X25519_LENGTH) {
            throw new IllegalArgumentException("an X25519 " + what + " is 32 bytes, not " + length);
        }
    }

    @Override
    public DhKeyPair generateDhKeyPair(DhParameters parameters, RandomSource random) {
        DHBasicKeyPairGenerator generator = new DHBasicKeyPairGenerator();
        generator.init(new DHKeyGenerationParameters(new RandomSourceAdapter(random), bc(parameters)));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new DhKeyPair(parameters, ((DHPrivateKeyParameters) pair.getPrivate()).getX(),
                ((DHPublicKeyParameters) pair.getPublic()).getY());
    }

    @Override
    public byte[] dh(DhKeyPair ours, BigInteger peerY) throws KeyAgreementException {
        DhParameters parameters = ours.parameters();
        BigInteger p = parameters.p();
        // NIST SP 800-56A §5.6.2.3.1: 1 < Y < p-1 (0, 1 and p-1 generate the trivial subgroups)
        if (peerY.compareTo(BigInteger.ONE) <= 0 || peerY.compareTo(p.subtract(BigInteger.ONE)) >= 0) {
            throw new KeyAgreementException("DH public value outside 1 < Y < p-1");
        }
        if (parameters.q() != null && !peerY.modPow(parameters.q(), p).equals(BigInteger.ONE)) {
            throw new KeyAgreementException("DH public value is not in the subgroup of order q");
        }
        org.bouncycastle.crypto.params.DHParameters bcParameters = bc(parameters);
        DHBasicAgreement agreement = new DHBasicAgreement();
        agreement.init(new DHPrivateKeyParameters(ours.privateValue(), bcParameters));
        try {
            BigInteger z = agreement.calculateAgreement(new DHPublicKeyParameters(peerY, bcParameters));
            return BigIntegers.asUnsignedByteArray(z); // RFC 5246 §8.1.2: leading zero bytes stripped
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new KeyAgreementException("DH agreement refused: " + e.getMessage(), e);
        }
    }

    /** BouncyCastle's parameters with the private exponent length this seam chooses. */
    private static org.bouncycastle.crypto.params.DHParameters bc(DhParameters parameters) {
        return new org.bouncycastle.crypto.params.DHParameters(parameters.p(), parameters.g(), parameters.q(),
                privateExponentBits(parameters.p().bitLength()));
    }

    /**
     * Twice the security strength of a p of this size (NIST SP 800-57 part 1 table 2) plus 64 bits,
     * at most p's length minus 2: 288 bits for 2048-bit p, 320 for 3072, 448 up to 7680, then 576.
     * That is above RFC 7919 §5.2's minimum for every ffdhe group (225 .. 400 bits).
     */
    static int privateExponentBits(int pBits) {
        int strength = pBits <= 1024 ? 80 : pBits <= 2048 ? 112 : pBits <= 3072 ? 128 : pBits <= 7680 ? 192 : 256;
        return Math.max(2, Math.min(2 * strength + 64, pBits - 2));
    }

    private static ECNamedDomainParameters domain(NamedCurve curve) {
        return ECNamedDomainParameters.lookup(new ASN1ObjectIdentifier(curve.oid()));
    }

}
