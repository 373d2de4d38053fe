package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.crypto.DeterministicRandomSource;

/**
 * The crypto seam's promise, checked for every scheme under every version: a record sealed with
 * the BouncyCastle backend opens with the JDK backend and the other way round, and both seal the
 * same plaintext under the same keys into the same bytes (the explicit CBC IVs come from the same
 * deterministic source), across a run of records so that chained IVs and key streams are covered.
 */
class CrossBackendRecordTest {

    private static final int[] LENGTHS = {0, 1, 15, 16, 17, 100, 1024, RecordLimits.MAX_PLAINTEXT_LENGTH};

    static List<ProtectionScheme> schemes() {
        return ProtectionScheme.allOn(CryptoBackend.BOUNCY_CASTLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void bothBackendsSealTheSameBytesAndOpenEachOthersRecords(ProtectionScheme bc) throws TlsAlertException {
        ProtectionScheme jdk = new ProtectionScheme(bc.version(), bc.spec(), CryptoBackend.JDK);
        RecordProtection bcWriter = bc.writer(DeterministicRandomSource.fromLabel("cross " + bc.spec()));
        RecordProtection jdkWriter = jdk.writer(DeterministicRandomSource.fromLabel("cross " + bc.spec()));
        RecordProtection jdkReadsBc = bc.readerOn(CryptoBackend.JDK);
        RecordProtection bcReadsJdk = jdk.readerOn(CryptoBackend.BOUNCY_CASTLE);
        long seq = 0;
        for (int length : LENGTHS) {
            byte[] plaintext = ProtectionScheme.pattern(length, length);
            byte[] fromBc = seal(bcWriter, bc, seq, plaintext);
            byte[] fromJdk = seal(jdkWriter, jdk, seq, plaintext);
            assertArrayEquals(fromBc, fromJdk, bc + ": the backends sealed record " + seq + " differently");
            assertArrayEquals(plaintext, open(jdkReadsBc, bc, seq, fromBc), "JDK opening BC's record " + seq);
            assertArrayEquals(plaintext, open(bcReadsJdk, bc, seq, fromJdk), "BC opening the JDK's record " + seq);
            seq++;
        }
    }

    private static byte[] seal(RecordProtection writer, ProtectionScheme scheme, long seq, byte[] plaintext) {
        byte[] out = new byte[plaintext.length + writer.maxExpansion()];
        int n = writer.seal(seq, ContentType.APPLICATION_DATA, scheme.version(), plaintext, 0, plaintext.length, out, 0);
        return Arrays.copyOf(out, n);
    }

    private static byte[] open(RecordProtection reader, ProtectionScheme scheme, long seq, byte[] record)
            throws TlsAlertException {
        byte[] out = new byte[record.length];
        int n = reader.open(seq, ContentType.APPLICATION_DATA, scheme.version(), record, 0, record.length, out, 0);
        return Arrays.copyOf(out, n);
    }
}
