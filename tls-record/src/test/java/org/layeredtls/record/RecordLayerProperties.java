package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.DeterministicRandomSource;

/** The whole record layer, write side to read side, for every protection, version, compression and fragment limit. */
class RecordLayerProperties {

    @Provide
    Arbitrary<ProtectionScheme> schemes() {
        return Arbitraries.of(ProtectionScheme.all());
    }

    @Provide
    Arbitrary<List<byte[]>> writes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(40_000).list().ofMaxSize(6);
    }

    private static ConnectionState state(ProtectionScheme scheme, boolean forWriting, CompressionMethod compression) {
        return new ConnectionState(scheme.spec(), forWriting ? scheme.writer(DeterministicRandomSource.fromLabel("ivs"))
                : scheme.reader(), compression.newState(forWriting));
    }

    @Property(tries = 300)
    void anySequenceOfWritesComesOutUnchanged(@ForAll("schemes") ProtectionScheme scheme, @ForAll("writes") List<byte[]> writes,
                                              @ForAll @IntRange(min = 64, max = 16384) int fragmentLimit,
                                              @ForAll boolean deflate) throws IOException {
        CompressionMethod compression = deflate ? CompressionMethod.DEFLATE : CompressionMethod.NULL;
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = new RecordLayer(new ByteArrayInputStream(new byte[0]), wire, () -> { });
        writer.setWriteVersion(scheme.version());
        writer.setSendFragmentLimit(fragmentLimit);
        writer.setPendingWriteState(state(scheme, true, compression));
        writer.activatePendingWriteState();
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        for (byte[] write : writes) {
            writer.write(ContentType.APPLICATION_DATA, write);
            sent.writeBytes(write);
        }

        RecordLayer reader = new RecordLayer(new ByteArrayInputStream(wire.toByteArray()), new ByteArrayOutputStream(), () -> { });
        reader.setRequiredReadVersion(scheme.version());
        reader.setReceiveFragmentLimit(fragmentLimit);
        reader.setPendingReadState(state(scheme, false, compression));
        reader.activatePendingReadState();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        TLSPlaintext record;
        while ((record = reader.readRecord()) != null) {
            assertTrue(record.length() <= fragmentLimit, "no record exceeds the fragment limit");
            received.writeBytes(record.fragment());
        }
        assertArrayEquals(sent.toByteArray(), received.toByteArray());
    }

    @Property(tries = 500)
    void randomBytesNeverRaiseAnythingButAnAlertOrTheEndOfTheStream(@ForAll("schemes") ProtectionScheme scheme,
                                                                    @ForAll @Size(max = 3000) byte[] junk,
                                                                    @ForAll boolean validHeader) throws IOException {
        byte[] input = junk;
        if (validHeader && junk.length >= 5) {
            // Make the header plausible so the junk reaches the protection and compression code.
            input = junk.clone();
            input[0] = 23;
            input[1] = (byte) scheme.version().major();
            input[2] = (byte) scheme.version().minor();
            input[3] = (byte) ((junk.length - 5) >>> 8);
            input[4] = (byte) (junk.length - 5);
        }
        RecordLayer reader = new RecordLayer(new ByteArrayInputStream(input), new ByteArrayOutputStream(), () -> { });
        reader.setPendingReadState(state(scheme, false, CompressionMethod.DEFLATE));
        reader.activatePendingReadState();
        try {
            while (reader.readRecord() != null) {
                // keep reading: a record may have survived by chance
            }
        } catch (TlsAlertException expected) {
            assertEquals(org.layeredtls.alert.TlsLayer.RECORD, expected.layer());
        } catch (EOFException truncated) {
            // The stream ended inside a record: a closed transport, not an alert (RFC 5246 §7.2.1 sends none).
            assertTrue(truncated.getMessage().contains("inside a record"));
        }
    }
}
