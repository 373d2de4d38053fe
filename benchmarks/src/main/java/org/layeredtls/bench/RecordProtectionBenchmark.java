package org.layeredtls.bench;

import java.util.concurrent.TimeUnit;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.CryptoProvider;
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
 * The record layer's hot path: seal and open of one application-data record, next to the bare
 * BouncyCastle primitive doing the same encryption and MAC, so the overhead is a ratio read off
 * one run. Throughput in operations per second; multiply by {@code size} for bytes per second.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RecordProtectionBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RecordProtectionBenchmark {

    /** Records sealed in advance for the open benchmarks. */
    private static final int RING = 256;

    @Param({"AES_128_GCM", "AES_128_CBC_SHA1_TLS10", "AES_128_CBC_SHA1_TLS12", "AES_128_CBC_SHA256_TLS12", "CHACHA20_POLY1305"})
    public Scheme scheme;

    @Param({"1024", "16384"})
    public int size;

    private final CryptoProvider crypto = CryptoProvider.defaultProvider();
    private TrafficKeys keys;
    private byte[] plaintext;
    private byte[] out;
    private RecordProtection sealer;
    private BarePrimitive bareSealer;
    private long sealSequence;
    private long bareSealSequence;

    private byte[][] sealed;
    private int[] sealedLength;
    private RecordProtection opener;
    private BarePrimitive bareOpener;
    private int openIndex;
    private int bareOpenIndex;

    @Setup(Level.Trial)
    public void setUp() throws TlsAlertException {
        RandomSource setupRandom = DeterministicRandomSource.fromLabel("benchmark keys");
        var bulk = scheme.spec.bulkCipher();
        int ivLength = scheme.version.hasExplicitIv() && bulk.blockLength() > 0 ? 0 : bulk.fixedIvLength();
        keys = new TrafficKeys(setupRandom.nextBytes(scheme.spec.mac().macLength()),
                setupRandom.nextBytes(bulk.keyLength()), setupRandom.nextBytes(ivLength));
        plaintext = setupRandom.nextBytes(size);
        out = new byte[size + 2048];

        sealer = RecordProtection.create(scheme.version, scheme.spec, keys, true, crypto, random());
        bareSealer = bare();

        // The records the open benchmarks read, sealed by the record layer in sequence.
        RecordProtection ringSealer = RecordProtection.create(scheme.version, scheme.spec, keys, true, crypto, random());
        sealed = new byte[RING][size + 2048];
        sealedLength = new int[RING];
        for (int i = 0; i < RING; i++) {
            sealedLength[i] = ringSealer.seal(i, ContentType.APPLICATION_DATA, scheme.version, plaintext, 0, size, sealed[i], 0);
        }
        opener = newOpener();
        bareOpener = bare();
        // Both openers must accept what they will be timed on.
        if (opener.open(0, ContentType.APPLICATION_DATA, scheme.version, sealed[0], 0, sealedLength[0], out, 0) != size
                || bareOpener.open(0, sealed[0], sealedLength[0], out) != size) {
            throw new IllegalStateException("the benchmark's records do not open");
        }
        opener = newOpener();
        bareOpener = bare();
    }

    private RandomSource random() {
        return DeterministicRandomSource.fromLabel("benchmark IVs");
    }

    private RecordProtection newOpener() {
        return RecordProtection.create(scheme.version, scheme.spec, keys, false, crypto, random());
    }

    private BarePrimitive bare() {
        return BarePrimitive.create(scheme, keys.macKey(), keys.encryptionKey(), keys.fixedIv(), random());
    }

    @Benchmark
    public int recordSeal() {
        return sealer.seal(sealSequence++, ContentType.APPLICATION_DATA, scheme.version, plaintext, 0, size, out, 0);
    }

    @Benchmark
    public int bareSeal() {
        return bareSealer.seal(bareSealSequence++, plaintext, size, out);
    }

    @Benchmark
    public int recordOpen() throws TlsAlertException {
        if (openIndex == RING) {
            openIndex = 0;
            if (scheme.chainsIv()) {
                opener = newOpener(); // the implicit IV chain starts again from the first record
            }
        }
        int i = openIndex++;
        return opener.open(i, ContentType.APPLICATION_DATA, scheme.version, sealed[i], 0, sealedLength[i], out, 0);
    }

    @Benchmark
    public int bareOpen() {
        if (bareOpenIndex == RING) {
            bareOpenIndex = 0;
            if (scheme.chainsIv()) {
                bareOpener = bare();
            }
        }
        int i = bareOpenIndex++;
        return bareOpener.open(i, sealed[i], sealedLength[i], out);
    }
}
