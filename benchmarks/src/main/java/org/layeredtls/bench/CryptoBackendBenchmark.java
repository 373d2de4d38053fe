package org.layeredtls.bench;

import java.util.concurrent.TimeUnit;

import org.layeredtls.bench.idle.BenchmarkPki;
import org.layeredtls.bench.peer.BctlsRecords;
import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.RecordProtection;
import org.layeredtls.record.TrafficKeys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two crypto backends against the peers, on one record of application data: {@code seal} is one
 * record sealed, {@code sealOpen} one record sealed and opened by the other side. Stacks:
 * LayeredTLS's {@link RecordProtection} on BouncyCastle ({@code LAYEREDTLS_BC}) and on the JDK
 * ({@code LAYEREDTLS_JDK}); the bare BouncyCastle primitive ({@code BARE_BC}, {@link BarePrimitive});
 * bctls on its BouncyCastle and on its JCA crypto ({@code BCTLS_BC}, {@code BCTLS_JCA}, {@link BctlsRecords});
 * and SunJSSE's {@code SSLEngine} ({@link SunJsseEnginePair}); TLS 1.2, AES-128-GCM, ChaCha20-Poly1305,
 * AES-128-CBC with HMAC-SHA1 or HMAC-SHA256 (MAC-then-encrypt on every stack).
 * Throughput in operations per second; MB/s = ops/s x size / 1e6.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CryptoBackendBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class CryptoBackendBenchmark {

    /** The stacks measured. */
    public enum Stack { LAYEREDTLS_BC, LAYEREDTLS_JDK, SUNJSSE, BARE_BC, BCTLS_BC, BCTLS_JCA }

    /** The record protections measured, with the SunJSSE suite of each. */
    public enum Cipher {
        AES_128_GCM(Scheme.AES_128_GCM, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", 0xC02F),
        CHACHA20_POLY1305(Scheme.CHACHA20_POLY1305, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", 0xCCA8),
        /** MAC-then-encrypt (SunJSSE has no encrypt-then-MAC). */
        AES_128_CBC_SHA1(Scheme.AES_128_CBC_SHA1_TLS12, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", 0xC013),
        /** MAC-then-encrypt (SunJSSE has no encrypt-then-MAC). */
        AES_128_CBC_SHA256(Scheme.AES_128_CBC_SHA256_TLS12, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", 0xC027);

        final Scheme scheme;
        final String jsseSuite;
        /** The suite's code point, for bctls. */
        final int suite;

        Cipher(Scheme scheme, String jsseSuite, int suite) {
            this.scheme = scheme;
            this.jsseSuite = jsseSuite;
            this.suite = suite;
        }
    }

    @Param({"LAYEREDTLS_BC", "LAYEREDTLS_JDK", "BARE_BC", "BCTLS_BC", "BCTLS_JCA", "SUNJSSE"})
    public Stack stack;

    @Param({"AES_128_GCM", "CHACHA20_POLY1305", "AES_128_CBC_SHA1", "AES_128_CBC_SHA256"})
    public Cipher cipher;

    @Param({"1024", "16384"})
    public int size;

    private RecordProtection sealer;
    private RecordProtection opener;
    private SunJsseEnginePair engines;
    private BctlsRecords bctls;
    private BarePrimitive bareSealer;
    private BarePrimitive bareOpener;
    private byte[] plaintext;
    private byte[] sealed;
    private byte[] opened;
    private long sequence;

    private static BenchmarkPki pki;

    // one PKI for every cell of a process (two RSA-2048 key pairs and two P-256 ones are slow to make)
    private static synchronized BenchmarkPki pki() {
        if (pki == null) {
            pki = new BenchmarkPki();
        }
        return pki;
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        if (stack == Stack.SUNJSSE) {
            engines = new SunJsseEnginePair(pki(), cipher.jsseSuite, size);
            return;
        }
        if (stack == Stack.BCTLS_BC || stack == Stack.BCTLS_JCA) {
            bctls = new BctlsRecords(pki(), cipher.suite, stack == Stack.BCTLS_BC, size);
            return;
        }
        CryptoBackend backend = stack == Stack.LAYEREDTLS_JDK ? CryptoBackend.JDK : CryptoBackend.BOUNCY_CASTLE;
        Scheme scheme = cipher.scheme;
        RandomSource random = DeterministicRandomSource.fromLabel("crypto backend benchmark keys");
        var bulk = scheme.spec.bulkCipher();
        int ivLength = scheme.version.hasExplicitIv() && bulk.blockLength() > 0 ? 0 : bulk.fixedIvLength();
        TrafficKeys keys = new TrafficKeys(random.nextBytes(scheme.spec.mac().macLength()),
                random.nextBytes(bulk.keyLength()), random.nextBytes(ivLength));
        if (stack == Stack.BARE_BC) {
            bareSealer = BarePrimitive.create(scheme, keys.macKey(), keys.encryptionKey(), keys.fixedIv(), random);
            bareOpener = BarePrimitive.create(scheme, keys.macKey(), keys.encryptionKey(), keys.fixedIv(), random);
        }
        sealer = RecordProtection.create(scheme.version, scheme.spec, keys, true, backend.provider(), random);
        opener = RecordProtection.create(scheme.version, scheme.spec, keys, false, backend.provider(), random);
        plaintext = random.nextBytes(size);
        sealed = new byte[size + sealer.maxExpansion()];
        opened = new byte[sealed.length];
    }

    @Benchmark
    public int seal() throws Exception {
        if (engines != null) {
            return engines.seal();
        }
        if (bctls != null) {
            return bctls.seal();
        }
        if (bareSealer != null) {
            return bareSealer.seal(sequence++, plaintext, size, sealed);
        }
        return sealer.seal(sequence++, ContentType.APPLICATION_DATA, cipher.scheme.version, plaintext, 0, size, sealed, 0);
    }

    @Benchmark
    public int sealOpen() throws Exception {
        if (engines != null) {
            engines.seal();
            return engines.open();
        }
        if (bctls != null) {
            bctls.seal();
            return bctls.open();
        }
        long seq = sequence++;
        if (bareSealer != null) {
            return bareOpener.open(seq, sealed, bareSealer.seal(seq, plaintext, size, sealed), opened);
        }
        int n = sealer.seal(seq, ContentType.APPLICATION_DATA, cipher.scheme.version, plaintext, 0, size, sealed, 0);
        return opener.open(seq, ContentType.APPLICATION_DATA, cipher.scheme.version, sealed, 0, n, opened, 0);
    }
}
