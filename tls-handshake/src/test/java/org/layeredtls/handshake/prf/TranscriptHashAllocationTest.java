package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.HashAlgorithm;

/**
 * Keeping the handshake messages costs about their size once: the transcript keeps a copy of each message, not a
 * growing array that copies everything again at each doubling (which cost about twice the transcript in
 * garbage per handshake and side, measured with the benchmarks' allocation profile).
 */
class TranscriptHashAllocationTest {

    private static final int MESSAGES = 40;
    private static final int MESSAGE_LENGTH = 200;

    @Test
    void keepingTheMessagesAllocatesAboutTheirSizeOnce() {
        byte[] message = new byte[MESSAGE_LENGTH];
        for (int i = 0; i < 3; i++) { // classes loaded and code run before the measurement
            feed(message);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        TranscriptHash transcript = feed(message);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        long kept = (long) MESSAGES * MESSAGE_LENGTH;
        assertTrue(allocated < kept * 3 / 2, allocated + " bytes allocated to keep " + kept);
        assertArrayEquals(new byte[(int) kept], transcript.messages());
    }

    @Test
    void aHashTrackedLateIsFedEveryKeptMessage() {
        TranscriptHash late = new TranscriptHash();
        TranscriptHash early = new TranscriptHash();
        early.track(HashAlgorithm.SHA256);
        for (int i = 0; i < MESSAGES; i++) {
            byte[] message = {(byte) i, (byte) (i * 7), 1, 2, 3};
            late.update(message, 1, 3);
            early.update(message, 1, 3);
        }
        late.track(HashAlgorithm.SHA256);
        assertArrayEquals(early.digest(HashAlgorithm.SHA256), late.digest(HashAlgorithm.SHA256));
        assertArrayEquals(early.digest(HashAlgorithm.SHA256), late.runningHash(HashAlgorithm.SHA256).doFinal());
    }

    private static TranscriptHash feed(byte[] message) {
        TranscriptHash transcript = new TranscriptHash();
        for (int i = 0; i < MESSAGES; i++) {
            transcript.update(message);
        }
        return transcript;
    }
}
