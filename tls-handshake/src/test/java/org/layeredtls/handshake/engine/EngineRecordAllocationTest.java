package org.layeredtls.handshake.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.RecordLimits;

/**
 * With no observer configured (the default {@code TlsObserver.NONE}), an engine's record layer builds no
 * record copies for observers: writing a full record of application data allocates less than two records' worth,
 * the one the engine's output buffer holds until the caller takes it (it drops its buffer when emptied) and
 * the small change. ({@code TlsObserver.NONE} is another object than {@code RecordObserver.NONE}; handed over
 * as it was, the record layer copied every record for nobody: 113 KiB per 16 KiB TLS 1.3 record.)
 */
class EngineRecordAllocationTest {

    private static final int RECORDS = 200;

    @ParameterizedTest(name = "TLS 1.{0}")
    @ValueSource(ints = {2, 3})
    void writingARecordWithNoObserverMakesNoCopiesOfIt(int tlsMinor) throws IOException {
        ProtocolVersion version = new ProtocolVersion(3, tlsMinor + 1);
        EnginePair pair = TlsEngine.pair(Pki.client().versions(version, version).build(),
                Pki.server().versions(version, version).build());
        pair.handshake();
        byte[] data = new byte[RecordLimits.MAX_PLAINTEXT_LENGTH];
        byte[] sink = new byte[data.length];
        for (int i = 0; i < RECORDS; i++) { // warm-up: buffers grown, code compiled
            exchange(pair, data, sink);
        }
        long written = 0;
        for (int i = 0; i < RECORDS; i++) {
            long before = allocatedBytes();
            pair.client().writeApplicationData(data);
            written += allocatedBytes() - before;
            pair.shuttle();
            drain(pair.server(), sink);
        }
        long perRecord = written / RECORDS;
        assertTrue(perRecord < 2L * data.length, "writing a " + data.length + "-byte record allocates " + perRecord + " bytes");
    }

    private static void exchange(EnginePair pair, byte[] data, byte[] sink) throws IOException {
        pair.client().writeApplicationData(data);
        pair.shuttle();
        drain(pair.server(), sink);
    }

    private static void drain(TlsEngine engine, byte[] sink) throws IOException {
        while (engine.readApplicationData(sink, 0, sink.length) > 0) {
            // what the record held
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
