package org.layeredtls.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every cell of {@link CryptoBackendBenchmark} does the work it claims before anyone times it: a
 * sealed record is the plaintext plus the suite's expansion, and it opens back to its full length,
 * a few records in a row (the sequence numbers of both sides stay in step).
 */
class CryptoBackendBenchmarkTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        // our seal returns the fragment (explicit nonce + ciphertext + tag), SSLEngine.wrap the whole record (+ 5-byte header)
        "LAYEREDTLS_BC, AES_128_GCM, 24", "LAYEREDTLS_JDK, AES_128_GCM, 24", "SUNJSSE, AES_128_GCM, 29",
        "LAYEREDTLS_BC, CHACHA20_POLY1305, 16", "LAYEREDTLS_JDK, CHACHA20_POLY1305, 16", "SUNJSSE, CHACHA20_POLY1305, 21",
        // CBC, TLS 1.2, MAC-then-encrypt: IV 16 + MAC 32 + padding 15 + padding_length 1
        "LAYEREDTLS_BC, AES_128_CBC_SHA256, 64", "LAYEREDTLS_JDK, AES_128_CBC_SHA256, 64", "SUNJSSE, AES_128_CBC_SHA256, 69",
        // CBC-SHA1: IV 16 + MAC 20 + padding 11 + padding_length 1
        "LAYEREDTLS_BC, AES_128_CBC_SHA1, 48", "SUNJSSE, AES_128_CBC_SHA1, 53",
        // the bare primitive writes the fragment as the record layer does; bctls the whole record, as SSLEngine
        "BARE_BC, AES_128_GCM, 24", "BARE_BC, CHACHA20_POLY1305, 16", "BARE_BC, AES_128_CBC_SHA1, 48", "BARE_BC, AES_128_CBC_SHA256, 64",
        "BCTLS_BC, AES_128_GCM, 29", "BCTLS_BC, CHACHA20_POLY1305, 21", "BCTLS_BC, AES_128_CBC_SHA1, 53", "BCTLS_BC, AES_128_CBC_SHA256, 69",
        // (bctls's JCA crypto has no ChaCha20-Poly1305 on the JDK's providers: it asks for "ChaCha7539")
        "BCTLS_JCA, AES_128_GCM, 29", "BCTLS_JCA, AES_128_CBC_SHA1, 53", "BCTLS_JCA, AES_128_CBC_SHA256, 69",
    })
    void everyStackSealsAndOpensFullRecords(CryptoBackendBenchmark.Stack stack, CryptoBackendBenchmark.Cipher cipher,
                                            int expansion) throws Exception {
        CryptoBackendBenchmark seal = benchmark(stack, cipher);
        CryptoBackendBenchmark sealOpen = benchmark(stack, cipher);
        for (int i = 0; i < 3; i++) {
            assertEquals(16384 + expansion, seal.seal(), "record " + i);
            assertEquals(16384, sealOpen.sealOpen(), "record " + i);
        }
    }

    private static CryptoBackendBenchmark benchmark(CryptoBackendBenchmark.Stack stack,
                                                    CryptoBackendBenchmark.Cipher cipher) throws Exception {
        CryptoBackendBenchmark b = new CryptoBackendBenchmark();
        b.stack = stack;
        b.cipher = cipher;
        b.size = 16384;
        b.setUp();
        return b;
    }
}
