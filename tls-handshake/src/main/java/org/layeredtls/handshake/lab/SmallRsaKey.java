package org.layeredtls.handshake.lab;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;

import org.layeredtls.crypto.RsaPrivateKey;
import org.layeredtls.crypto.RsaPublicKey;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.CertificateSpec;
import org.layeredtls.handshake.cert.ExtendedKeyUsage;
import org.layeredtls.handshake.cert.KeyUsage;
import org.layeredtls.handshake.research.Pki;

/**
 * A lab-only RSA key, made small so that Bleichenbacher's attack ends in seconds: 505 bits, so that
 * k = 64 bytes (a premaster secret of 48 still fits with 11 bytes of padding) and the modulus' top
 * byte is 01. Then a random block starts {@code 00 02} with a chance of about B/n = 1 in 2^8 to 2^9
 * (with a 2048-bit key whose top byte is large it is nearer 1 in 2^16), which is what makes the first
 * step of the attack short. Its certificate, for {@code localhost} and 127.0.0.1, is signed by
 * {@link Pki#CA}. Never use such a key anywhere else: it is factored in minutes.
 */
record SmallRsaKey(RsaPrivateKey privateKey, Certificate certificate) {

    /** 8(k-1) + 1 bits with k = 64: the smallest modulus of 64 bytes. */
    static final int MODULUS_BITS = 8 * 63 + 1;
    private static final BigInteger E = BigInteger.valueOf(65537);

    static SmallRsaKey generate() {
        SecureRandom random = new SecureRandom();
        while (true) {
            BigInteger p = BigInteger.probablePrime(MODULUS_BITS / 2 + 1, random);
            BigInteger q = BigInteger.probablePrime(MODULUS_BITS / 2 + 1, random);
            BigInteger n = p.multiply(q);
            BigInteger phi = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
            if (p.equals(q) || n.bitLength() != MODULUS_BITS || !phi.gcd(E).equals(BigInteger.ONE)) {
                continue;
            }
            BigInteger d = E.modInverse(phi);
            RsaPrivateKey key = new RsaPrivateKey(n, E, d, p, q, d.mod(p.subtract(BigInteger.ONE)),
                    d.mod(q.subtract(BigInteger.ONE)), q.modInverse(p));
            return new SmallRsaKey(key, Pki.CA.issue(CertificateSpec.builder("localhost").validity(Pki.NOT_BEFORE, Pki.NOT_AFTER)
                    .endEntity().extendedKeyUsage(ExtendedKeyUsage.SERVER_AUTH).dnsName("localhost").ipAddress("127.0.0.1")
                    .keyUsage(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT).build(), key.publicKey()));
        }
    }

    RsaPublicKey publicKey() {
        return privateKey.publicKey();
    }

    /** A server presenting this key (security level 0: such a key is refused at every other level). */
    TlsConfig.Builder server() {
        return TlsConfig.builder().certificate(List.of(certificate), privateKey).securityLevel(0);
    }
}
