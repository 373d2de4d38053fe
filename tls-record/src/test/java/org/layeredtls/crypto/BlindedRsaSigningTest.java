package org.layeredtls.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RSA signing through the key's squared blinding ({@link RsaBlinding}): PKCS#1 v1.5 and PSS signatures still
 * verify; the caller's random source gives only what the padding draws (RFC 8017 §9.1.1: the PSS salt; PKCS#1 v1.5
 * nothing), the blinding's r coming from the key's own source, afresh every {@value RsaBlinding#USES_PER_FRESH_R}
 * uses; and threads signing with one key at once all get valid signatures.
 */
class BlindedRsaSigningTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final PublicKeyCrypto CRYPTO = BouncyCastlePublicKeyCrypto.INSTANCE;
    private static final byte[] MESSAGE = "RFC 8446 §4.4.3 CertificateVerify content".getBytes(StandardCharsets.UTF_8);
    private static RsaPrivateKey key;

    @BeforeAll
    static void key() {
        key = (RsaPrivateKey) CRYPTO.generateRsaKeyPair(2048, BlindedRsaSigningTest::secureBytes).privateKey();
    }

    private static void secureBytes(byte[] out, int offset, int length) {
        byte[] b = new byte[length];
        RANDOM.nextBytes(b);
        System.arraycopy(b, 0, out, offset, length);
    }

    /** A random source that counts the bytes drawn from it. */
    private static final class CountingSource implements RandomSource {
        final AtomicInteger drawn = new AtomicInteger();

        @Override
        public void nextBytes(byte[] out, int offset, int length) {
            drawn.addAndGet(length);
            secureBytes(out, offset, length);
        }
    }

    @Test
    void pkcs1AndPssSignaturesVerifyOverSeveralFreshDrawsOfR() {
        for (SignatureScheme scheme : new SignatureScheme[] {SignatureScheme.RSA_PKCS1_SHA256,
                SignatureScheme.RSA_PKCS1_MD5_SHA1, SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA384}) {
            for (int i = 0; i < RsaBlinding.USES_PER_FRESH_R + 3; i++) {
                byte[] signature = CRYPTO.sign(scheme, key, MESSAGE, new CountingSource());
                assertTrue(CRYPTO.verify(scheme, key.publicKey(), MESSAGE, signature), scheme + ", signature " + i);
            }
        }
    }

    @Test
    void pssDrawsOnlyItsSaltFromTheCallersSource() {
        for (SignatureScheme scheme : new SignatureScheme[] {SignatureScheme.RSA_PSS_RSAE_SHA256,
                SignatureScheme.RSA_PSS_RSAE_SHA384, SignatureScheme.RSA_PSS_RSAE_SHA512}) {
            CountingSource source = new CountingSource();
            CRYPTO.sign(scheme, key, MESSAGE, source);
            // RFC 8446 §4.2.3: the salt is as long as the digest; no byte more (the blinding's r is the key's)
            assertEquals(scheme.hash().digestLength(), source.drawn.get(), scheme.toString());
        }
    }

    @Test
    void pkcs1DrawsNothingFromTheCallersSource() {
        CountingSource source = new CountingSource();
        CRYPTO.sign(SignatureScheme.RSA_PKCS1_SHA256, key, MESSAGE, source);
        assertEquals(0, source.drawn.get());
    }

    @Test
    void theBlindingDrawsAFreshRFromItsOwnSourceEvery32Uses() {
        AtomicInteger draws = new AtomicInteger();
        SecureRandom own = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                draws.incrementAndGet();
                super.nextBytes(bytes);
            }
        };
        RsaBlinding blinding = new RsaBlinding(key.modulus(), key.publicExponent(), own);
        for (int use = 0; use < 2 * RsaBlinding.USES_PER_FRESH_R + 1; use++) {
            int before = draws.get();
            blinding.next();
            boolean fresh = draws.get() > before;
            assertEquals(use % RsaBlinding.USES_PER_FRESH_R == 0, fresh, "use " + use);
        }
    }

    @Test
    void threadsSigningWithOneKeyAtOnceAllGetValidSignatures() throws Exception {
        SignatureScheme scheme = SignatureScheme.RSA_PKCS1_SHA256; // deterministic: every signature must be this one
        byte[] expected = CRYPTO.sign(scheme, key, MESSAGE, new CountingSource());
        int threads = 4;
        int perThread = RsaBlinding.USES_PER_FRESH_R; // together several fresh draws of r and many squarings
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<byte[]>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    List<byte[]> signatures = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        signatures.add(CRYPTO.sign(scheme, key, MESSAGE, new CountingSource()));
                    }
                    return signatures;
                }));
            }
            for (Future<List<byte[]>> result : results) {
                for (byte[] signature : result.get(60, TimeUnit.SECONDS)) {
                    assertArrayEquals(expected, signature);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        byte[] pss = CRYPTO.sign(SignatureScheme.RSA_PSS_RSAE_SHA256, key, MESSAGE, new CountingSource());
        assertTrue(CRYPTO.verify(SignatureScheme.RSA_PSS_RSAE_SHA256, key.publicKey(), MESSAGE, pss));
    }
}
