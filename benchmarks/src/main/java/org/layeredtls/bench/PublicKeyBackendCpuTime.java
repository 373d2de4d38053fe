package org.layeredtls.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;

import javax.crypto.KeyAgreement;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.RSADigestSigner;

/**
 * Should the JDK backend take over key exchange and signatures too? The handshake's public-key
 * operations, BouncyCastle's lightweight API against the JDK's {@code KeyAgreement} and
 * {@code Signature} (SunEC, SunRsaSign), by this thread's CPU time: microseconds per operation,
 * the best of 5 slices of 300 ms after 3 s of warm-up each.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.layeredtls.bench.PublicKeyBackendCpuTime
 * </pre>
 */
public final class PublicKeyBackendCpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile Object sink;

    private PublicKeyBackendCpuTime() {
    }

    private interface Op {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] message = new byte[100];
        System.out.println("| operation | BouncyCastle us (CPU) | JDK us (CPU) |");
        System.out.println("|---|---:|---:|");

        KeyPairGenerator x25519 = KeyPairGenerator.getInstance("X25519");
        KeyPair jx1 = x25519.generateKeyPair();
        KeyPair jx2 = x25519.generateKeyPair();
        X25519PrivateKeyParameters bx1 = new X25519PrivateKeyParameters(random);
        X25519PublicKeyParameters bx2 = new X25519PrivateKeyParameters(random).generatePublicKey();
        row("X25519 key pair", () -> new X25519PrivateKeyParameters(random).generatePublicKey(), x25519::generateKeyPair);
        row("X25519 shared secret", () -> {
            X25519Agreement agreement = new X25519Agreement();
            agreement.init(bx1);
            byte[] secret = new byte[32];
            agreement.calculateAgreement(bx2, secret, 0);
            return secret;
        }, () -> agree("X25519", jx1, jx2));

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair je1 = ec.generateKeyPair();
        KeyPair je2 = ec.generateKeyPair();
        X9ECParameters p256 = CustomNamedCurves.getByName("secp256r1");
        ECKeyPairGenerator bcEc = new ECKeyPairGenerator();
        bcEc.init(new ECKeyGenerationParameters(new ECDomainParameters(p256), random));
        AsymmetricCipherKeyPair be1 = bcEc.generateKeyPair();
        AsymmetricCipherKeyPair be2 = bcEc.generateKeyPair();
        row("P-256 key pair", bcEc::generateKeyPair, ec::generateKeyPair);
        row("P-256 ECDH shared secret", () -> {
            ECDHBasicAgreement agreement = new ECDHBasicAgreement();
            agreement.init(be1.getPrivate());
            return agreement.calculateAgreement(be2.getPublic());
        }, () -> agree("ECDH", je1, je2));
        ECDSASigner ecdsa = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        byte[] hash = new byte[32];
        ecdsa.init(true, be1.getPrivate());
        BigInteger[] bcSignature = ecdsa.generateSignature(hash);
        Signature jdkEcdsa = Signature.getInstance("SHA256withECDSA");
        byte[] jdkSignature = sign(jdkEcdsa, je1, message);
        row("ECDSA P-256 sign", () -> {
            ecdsa.init(true, be1.getPrivate());
            return ecdsa.generateSignature(hash);
        }, () -> sign(jdkEcdsa, je1, message));
        row("ECDSA P-256 verify", () -> {
            ecdsa.init(false, be1.getPublic());
            return ecdsa.verifySignature(hash, bcSignature[0], bcSignature[1]);
        }, () -> verify(jdkEcdsa, je1, message, jdkSignature));

        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair jr = rsa.generateKeyPair();
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) jr.getPrivate();
        RSAPublicKey pub = (RSAPublicKey) jr.getPublic();
        RSAPrivateCrtKeyParameters bcPrivate = new RSAPrivateCrtKeyParameters(k.getModulus(), k.getPublicExponent(),
                k.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(),
                k.getCrtCoefficient());
        RSAKeyParameters bcPublic = new RSAKeyParameters(false, pub.getModulus(), pub.getPublicExponent());
        RSADigestSigner pkcs1 = new RSADigestSigner(new SHA256Digest());
        Signature jdkRsa = Signature.getInstance("SHA256withRSA");
        byte[] rsaSignature = sign(jdkRsa, jr, message);
        row("RSA-2048 PKCS#1 sign", () -> {
            pkcs1.init(true, bcPrivate);
            pkcs1.update(message, 0, message.length);
            return pkcs1.generateSignature();
        }, () -> sign(jdkRsa, jr, message));
        row("RSA-2048 PKCS#1 verify", () -> {
            pkcs1.init(false, bcPublic);
            pkcs1.update(message, 0, message.length);
            return pkcs1.verifySignature(rsaSignature);
        }, () -> verify(jdkRsa, jr, message, rsaSignature));
    }

    private static byte[] agree(String algorithm, KeyPair ours, KeyPair theirs) throws Exception {
        KeyAgreement agreement = KeyAgreement.getInstance(algorithm);
        agreement.init(ours.getPrivate());
        agreement.doPhase(theirs.getPublic(), true);
        return agreement.generateSecret();
    }

    private static byte[] sign(Signature signature, KeyPair keys, byte[] message) throws Exception {
        signature.initSign(keys.getPrivate());
        signature.update(message);
        return signature.sign();
    }

    private static boolean verify(Signature signature, KeyPair keys, byte[] message, byte[] signed) throws Exception {
        signature.initVerify(keys.getPublic());
        signature.update(message);
        return signature.verify(signed);
    }

    private static void row(String name, Op bouncyCastle, Op jdk) throws Exception {
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f |%n", name, micros(bouncyCastle), micros(jdk));
    }

    private static double micros(Op op) throws Exception {
        long start = THREADS.getCurrentThreadCpuTime();
        while (THREADS.getCurrentThreadCpuTime() - start < 3_000_000_000L) {
            sink = op.run();
        }
        double best = Double.MAX_VALUE;
        for (int slice = 0; slice < 5; slice++) {
            long begin = THREADS.getCurrentThreadCpuTime();
            int n = 0;
            while (THREADS.getCurrentThreadCpuTime() - begin < 300_000_000L) {
                sink = op.run();
                n++;
            }
            best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - begin) / 1e3 / n);
        }
        return best;
    }
}
