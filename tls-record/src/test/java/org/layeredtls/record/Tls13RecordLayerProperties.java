package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.layeredtls.alert.TlsAlertException;

/**
 * The TLS 1.3 record layer, write side to read side: any content of any type, any padding policy, any
 * fragment limit (the split into records), any arrival in pieces (the split of the stream), comes out
 * unchanged and with its type; and no junk raises anything but an
 * alert or the end of the stream.
 */
class Tls13RecordLayerProperties {

    /** One write: a content type and its bytes (handshake and alert data are never empty). */
    record Write(ContentType type, byte[] data) {
    }

    @Provide
    Arbitrary<Tls13Scheme> schemes() {
        return Arbitraries.of(Tls13Scheme.all());
    }

    @Provide
    Arbitrary<List<Write>> writes() {
        Arbitrary<ContentType> types = Arbitraries.of(ContentType.HANDSHAKE, ContentType.ALERT, ContentType.APPLICATION_DATA);
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(40_000);
        return Combinators.combine(types, data)
                .as((type, bytes) -> new Write(type,
                        bytes.length == 0 && type != ContentType.APPLICATION_DATA ? new byte[] {0} : bytes))
                .list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<PaddingPolicy> paddings() {
        return Arbitraries.oneOf(Arbitraries.just(PaddingPolicy.NONE), Arbitraries.just(PaddingPolicy.padToMaximum()),
                Arbitraries.integers().between(1, 5000).map(PaddingPolicy::padToMultipleOf),
                Arbitraries.integers().between(0, 300).map(zeros -> (type, length, max) -> Math.min(zeros, max)));
    }

    @Property(tries = 200)
    void anyContentWithAnyPaddingAndAnySplitComesOutUnchangedWithItsType(
            @ForAll("schemes") Tls13Scheme scheme, @ForAll("writes") List<Write> writes,
            @ForAll("paddings") PaddingPolicy padding,
            @ForAll @IntRange(min = 63, max = 16384) int fragmentLimit,
            @ForAll @IntRange(min = 1, max = 3000) int arrivalChunk) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = scheme.writer(wire);
        writer.setPaddingPolicy(padding);
        writer.setSendFragmentLimit(fragmentLimit);
        Map<ContentType, ByteArrayOutputStream> sent = new EnumMap<>(ContentType.class);
        for (Write write : writes) {
            writer.write(write.type(), write.data());
            sent.computeIfAbsent(write.type(), t -> new ByteArrayOutputStream()).writeBytes(write.data());
        }

        // the wire delivers the bytes in pieces of at most arrivalChunk, wherever the record boundaries are
        RecordLayer reader = new RecordLayer(new ChunkedInput(wire.toByteArray(), arrivalChunk),
                java.io.OutputStream.nullOutputStream(), () -> { });
        reader.installReadState(scheme.state());
        reader.setReceiveFragmentLimit(fragmentLimit);
        Map<ContentType, ByteArrayOutputStream> received = new EnumMap<>(ContentType.class);
        List<ContentType> order = new ArrayList<>();
        TLSPlaintext record;
        while ((record = reader.readRecord()) != null) {
            assertTrue(record.length() <= fragmentLimit, "no record exceeds the fragment limit");
            received.computeIfAbsent(record.type(), t -> new ByteArrayOutputStream()).writeBytes(record.fragment());
            if (order.isEmpty() || order.get(order.size() - 1) != record.type()) {
                order.add(record.type());
            }
        }
        assertEquals(contents(sent), contents(received));
        List<ContentType> expectedOrder = new ArrayList<>();
        for (Write write : writes) {
            if (expectedOrder.isEmpty() || expectedOrder.get(expectedOrder.size() - 1) != write.type()) {
                expectedOrder.add(write.type());
            }
        }
        assertEquals(expectedOrder, order);
    }

    /** A stream that hands out at most {@code chunk} bytes per read, as a socket may. */
    private static final class ChunkedInput extends java.io.ByteArrayInputStream {
        private final int chunk;

        ChunkedInput(byte[] bytes, int chunk) {
            super(bytes);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
        }
    }

    private static Map<ContentType, String> contents(Map<ContentType, ByteArrayOutputStream> streams) {
        Map<ContentType, String> contents = new EnumMap<>(ContentType.class);
        streams.forEach((type, bytes) -> contents.put(type, java.util.HexFormat.of().formatHex(bytes.toByteArray())));
        return contents;
    }

    @Property(tries = 300)
    void randomBytesNeverRaiseAnythingButAnAlertOrTheEndOfTheStream(@ForAll("schemes") Tls13Scheme scheme,
                                                                    @ForAll @Size(max = 3000) byte[] junk,
                                                                    @ForAll boolean validHeader) throws IOException {
        byte[] input = junk;
        if (validHeader && junk.length >= 5) { // a plausible header, so the junk reaches the AEAD
            input = junk.clone();
            input[0] = 23;
            input[1] = 3;
            input[2] = 3;
            input[3] = (byte) ((junk.length - 5) >>> 8);
            input[4] = (byte) (junk.length - 5);
        }
        RecordLayer reader = scheme.reader(input);
        try {
            while (reader.readRecord() != null) {
                // keep reading until the stream or an alert ends it
            }
        } catch (TlsAlertException expected) {
            assertEquals(org.layeredtls.alert.TlsLayer.RECORD, expected.layer());
        } catch (java.io.EOFException truncated) { // the transport closed inside a record: no alert to send
            assertTrue(truncated.getMessage().contains("inside a record"));
        }
    }
}
