package org.layeredtls.handshake.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.function.IntSupplier;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.testing.Tls12Pki;

/**
 * Wherever the transport cuts the bytes, the engines see the same records: a whole session
 * (handshake, data both ways, renegotiation, close_notify) completes with the input delivered in
 * pieces of any sizes, down to one byte.
 */
class EngineInputSplitProperties {

    private static final TlsConfig CLIENT = Tls12Pki.client().allowRenegotiation(true).build();
    private static final TlsConfig SERVER = Tls12Pki.server().build();

    /** The sizes, again and again. */
    private static IntSupplier cycling(List<Integer> sizes) {
        int[] next = {0};
        return () -> sizes.get(next[0]++ % sizes.size());
    }

    @Property(tries = 40)
    void aSessionCompletesWhereverTheInputIsCut(@ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 700) Integer> pieces,
                                                @ForAll @Size(max = 3000) byte[] data) throws IOException {
        IntSupplier sizes = cycling(pieces);
        EnginePair pair = TlsEngine.pair(CLIENT, SERVER);
        pair.handshake(sizes);

        pair.client().writeApplicationData(data);
        pair.shuttle(sizes);
        assertArrayEquals(data, EnginePairTest.received(pair.server()));

        pair.server().renegotiate();
        pair.shuttle(sizes);
        assertEquals(2, pair.client().handshakesCompleted());

        pair.server().writeApplicationData(data);
        pair.shuttle(sizes);
        assertArrayEquals(data, EnginePairTest.received(pair.client()));

        pair.server().closeOutbound();
        pair.shuttle(sizes);
        assertTrue(pair.client().isClosed() && pair.server().isClosed());
    }
}
