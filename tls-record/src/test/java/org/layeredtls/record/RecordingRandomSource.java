package org.layeredtls.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.RandomSource;

/** Test helper: a deterministic source that remembers every draw (its length and its bytes). */
final class RecordingRandomSource implements RandomSource {

    private final RandomSource delegate;
    final List<byte[]> draws = new ArrayList<>();

    RecordingRandomSource(String label) {
        this.delegate = DeterministicRandomSource.fromLabel(label);
    }

    @Override
    public void nextBytes(byte[] out, int offset, int length) {
        delegate.nextBytes(out, offset, length);
        draws.add(Arrays.copyOfRange(out, offset, offset + length));
    }

    int totalBytes() {
        return draws.stream().mapToInt(d -> d.length).sum();
    }
}
