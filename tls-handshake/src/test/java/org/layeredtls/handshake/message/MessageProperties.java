package org.layeredtls.handshake.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.suite.KeyExchangeAlgorithm;

class MessageProperties {

    @Provide
    Arbitrary<MessageArbitraries.Sample> samples() {
        return MessageArbitraries.samples();
    }

    @Property
    void everyMessageDecodesToItself(@ForAll("samples") MessageArbitraries.Sample sample) throws TlsAlertException {
        HandshakeMessage message = sample.message();
        HandshakeMessage decoded = HandshakeMessages.decode(message.type(), message.encodeBody(), sample.context());
        assertEquals(message, decoded);
        assertEquals(message.hashCode(), decoded.hashCode());
    }

    /** What HandshakeContext.send writes (and hashes) in one pass is the message's frame: header and body. */
    @Property
    void encodeGivesTheBytesOfTheMessagesFrame(@ForAll("samples") MessageArbitraries.Sample sample) {
        HandshakeMessage message = sample.message();
        assertArrayEquals(HandshakeFrame.of(message).bytes(), message.encode());
    }

    @Property
    void validMessageBytesReencodeIdentically(@ForAll("samples") MessageArbitraries.Sample sample) throws TlsAlertException {
        byte[] bytes = sample.message().encode();
        List<HandshakeFrame> frames = new HandshakeReassembler().add(bytes);
        assertEquals(1, frames.size());
        assertArrayEquals(bytes, frames.get(0).bytes());
        assertArrayEquals(bytes, HandshakeMessages.decode(frames.get(0), sample.context()).encode());
    }

    @Property(tries = 300)
    void randomBodiesNeverRaiseAnythingButAnAlert(@ForAll byte[] body) {
        for (HandshakeType type : HandshakeType.values()) {
            for (var version : MessageArbitraries.VERSIONS) {
                for (KeyExchangeAlgorithm kx : KeyExchangeAlgorithm.values()) {
                    try {
                        HandshakeMessages.decode(type, body, new DecodeContext(version, kx));
                    } catch (TlsAlertException expected) {
                        // the only allowed failure
                    }
                }
            }
            for (DecodeContext tls13 : MessageArbitraries.TLS13_CONTEXTS) {
                try {
                    HandshakeMessages.decode(type, body, tls13).encode();
                } catch (TlsAlertException expected) {
                    // the only allowed failure
                }
            }
        }
    }

    @Property
    void damagedBodiesNeverRaiseAnythingButAnAlert(@ForAll("samples") MessageArbitraries.Sample sample,
                                                  @ForAll @IntRange(min = 0, max = 1000) int where,
                                                  @ForAll byte value, @ForAll boolean truncate) {
        byte[] body = sample.message().encodeBody();
        if (body.length == 0) {
            return;
        }
        int at = where % body.length;
        byte[] damaged = truncate ? java.util.Arrays.copyOf(body, at) : body.clone();
        if (!truncate) {
            damaged[at] = value;
        }
        try {
            HandshakeMessages.decode(sample.message().type(), damaged, sample.context());
        } catch (TlsAlertException expected) {
            // the only allowed failure
        }
    }

    @Property
    void reassemblyGivesTheSameMessagesWhateverTheFragmentation(
            @ForAll("sampleLists") List<MessageArbitraries.Sample> samples,
            @ForAll("cuts") List<Integer> cuts) throws TlsAlertException {
        java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        for (var sample : samples) {
            stream.writeBytes(sample.message().encode());
        }
        byte[] all = stream.toByteArray();
        HandshakeReassembler reassembler = new HandshakeReassembler();
        java.util.ArrayList<HandshakeFrame> frames = new java.util.ArrayList<>();
        int position = 0;
        for (int cut : cuts) {
            int length = Math.min(cut, all.length - position);
            frames.addAll(reassembler.add(all, position, length));
            position += length;
        }
        frames.addAll(reassembler.add(all, position, all.length - position));
        assertEquals(samples.size(), frames.size());
        for (int i = 0; i < samples.size(); i++) {
            assertArrayEquals(samples.get(i).message().encode(), frames.get(i).bytes());
            assertEquals(samples.get(i).message(), HandshakeMessages.decode(frames.get(i), samples.get(i).context()));
        }
        assertEquals(false, reassembler.hasPartialMessage());
    }

    @Property(tries = 100)
    void reassemblyWorksOneByteAtATime(@ForAll("sampleLists") List<MessageArbitraries.Sample> samples) throws TlsAlertException {
        HandshakeReassembler reassembler = new HandshakeReassembler();
        java.util.ArrayList<HandshakeFrame> frames = new java.util.ArrayList<>();
        for (var sample : samples) {
            for (byte b : sample.message().encode()) {
                frames.addAll(reassembler.add(new byte[] {b}));
            }
        }
        assertEquals(samples.stream().map(s -> HandshakeFrame.of(s.message())).toList(), frames);
    }

    @Property
    void randomRecordsNeverRaiseAnythingButAnAlert(@ForAll List<byte[]> fragments,
                                                  @ForAll @IntRange(min = 0, max = 300) int limit) {
        HandshakeReassembler reassembler = new HandshakeReassembler(limit);
        try {
            for (byte[] fragment : fragments) {
                for (HandshakeFrame frame : reassembler.add(fragment)) {
                    assertEquals(true, frame.body().length <= limit);
                    HandshakeMessages.decode(frame, DecodeContext.of(org.layeredtls.record.ProtocolVersion.TLS1_2));
                }
            }
        } catch (TlsAlertException expected) {
            // the only allowed failure
        }
    }

    @Provide
    Arbitrary<List<MessageArbitraries.Sample>> sampleLists() {
        return MessageArbitraries.samples().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return net.jqwik.api.Arbitraries.oneOf(
                net.jqwik.api.Arbitraries.integers().between(0, 50),
                net.jqwik.api.Arbitraries.integers().between(0, 3),
                net.jqwik.api.Arbitraries.integers().between(0, 2000)).list().ofMaxSize(60);
    }
}
