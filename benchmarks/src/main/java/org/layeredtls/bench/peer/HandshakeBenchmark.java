package org.layeredtls.bench.peer;

import java.util.concurrent.TimeUnit;

import org.layeredtls.bench.idle.BenchmarkPki;
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
 * Full and resumed TLS 1.2 and TLS 1.3 handshakes, client and server in memory on one thread (so one operation is
 * both ends' work), for LayeredTLS on each crypto backend, bctls on each of its crypto implementations
 * and SunJSSE ({@link Handshakes.Stack}); TLS 1.2 RSA key transport, ECDHE-RSA and ECDHE-ECDSA, TLS 1.3 with RSA-PSS
 * and ECDSA certificates ({@link HandshakeKind}). bctls's JCA crypto has no TLS 1.3 RSA cell
 * ({@link Handshakes.Stack#runs}): its set-up fails and JMH goes on with the next.
 * Microseconds per handshake; {@code -prof gc} gives the allocation per handshake.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar HandshakeBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class HandshakeBenchmark {

    @Param({"LAYEREDTLS_BC", "LAYEREDTLS_JDK", "BCTLS_BC", "BCTLS_JCA", "SUNJSSE"})
    public Handshakes.Stack stack;

    @Param({"RSA", "ECDHE_RSA", "ECDHE_ECDSA", "TLS13_RSA", "TLS13_ECDSA"})
    public HandshakeKind kind;

    private Handshakes handshakes;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        handshakes = stack.create(new BenchmarkPki(), kind);
    }

    @Benchmark
    public int full() throws Exception {
        return handshakes.full();
    }

    @Benchmark
    public int resumed() throws Exception {
        return handshakes.resumed();
    }
}
