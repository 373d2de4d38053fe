package org.layeredtls.handshake.research;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.IntSupplier;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeReassembler;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.vectors.ConversationConnection;
import org.layeredtls.vectors.Flow;

/**
 * Reads a recorded byte stream as TLS records, without keys: enough to find the ClientHello, to say
 * where in the stream a byte offset lies, and to re-frame the handshake records that precede the
 * ChangeCipherSpec (they are in clear).
 */
public final class RecordStream {

    /** RFC 5246 §6.2.1: type, version, length. */
    public static final int HEADER = 5;
    /** ContentType change_cipher_spec (RFC 5246 §6.2.1). */
    public static final int CHANGE_CIPHER_SPEC = 20;
    /** ContentType handshake (RFC 5246 §6.2.1). */
    public static final int HANDSHAKE = 22;

    /** One record as it lies in the stream. */
    public record Raw(int offset, int type, int version, byte[] fragment) {
        /** The offset just after this record. */
        public int end() {
            return offset + HEADER + fragment.length;
        }
    }

    private RecordStream() {
    }

    /** The complete records of a stream, in order (a trailing partial record is left out). */
    public static List<Raw> records(byte[] stream) {
        List<Raw> out = new ArrayList<>();
        int at = 0;
        while (at + HEADER <= stream.length) {
            int length = (stream[at + 3] & 0xFF) << 8 | stream[at + 4] & 0xFF;
            if (at + HEADER + length > stream.length) {
                break;
            }
            byte[] fragment = new byte[length];
            System.arraycopy(stream, at + HEADER, fragment, 0, length);
            out.add(new Raw(at, stream[at] & 0xFF, (stream[at + 1] & 0xFF) << 8 | stream[at + 2] & 0xFF, fragment));
            at += HEADER + length;
        }
        return out;
    }

    /** The handshake messages in clear at the start of a stream (up to its ChangeCipherSpec). */
    public static List<HandshakeFrame> clearHandshake(byte[] stream) {
        HandshakeReassembler reassembler = new HandshakeReassembler();
        List<HandshakeFrame> frames = new ArrayList<>();
        for (Raw r : records(stream)) {
            if (r.type() == CHANGE_CIPHER_SPEC) {
                break;
            }
            if (r.type() == HANDSHAKE) {
                try {
                    frames.addAll(reassembler.add(r.fragment()));
                } catch (TlsAlertException e) {
                    throw new IllegalStateException("a malformed handshake record in a recording", e);
                }
            }
        }
        return frames;
    }

    /** The random of the first ClientHello of a client's stream. */
    public static byte[] clientHelloRandom(byte[] clientToServer) {
        HandshakeFrame hello = clearHandshake(clientToServer).stream()
                .filter(f -> f.type() == HandshakeType.CLIENT_HELLO).findFirst()
                .orElseThrow(() -> new IllegalStateException("no ClientHello in the stream"));
        byte[] random = new byte[32];
        System.arraycopy(hello.body(), 2, random, 0, 32);
        return random;
    }

    /** Says where {@code offset} lies: which record, and for a handshake record in clear, which message. */
    public static String describe(byte[] stream, int offset) {
        boolean protectedRecords = false;
        int handshakeOffset = 0;
        ByteArrayOutputStream clearHandshake = new ByteArrayOutputStream();
        List<Raw> records = records(stream);
        for (int i = 0; i < records.size(); i++) {
            Raw r = records.get(i);
            if (offset < r.end()) {
                String where = "byte " + offset + " is byte " + (offset - r.offset()) + " of record #" + i + " (type "
                        + r.type() + ", " + r.fragment().length + " bytes at " + r.offset() + ")";
                if (offset - r.offset() < HEADER) {
                    return where + ", in its header";
                }
                if (protectedRecords) {
                    return where + ", a protected record (after our ChangeCipherSpec)";
                }
                if (r.type() == HANDSHAKE) {
                    clearHandshake.writeBytes(r.fragment());
                    return where + ", " + message(clearHandshake.toByteArray(), handshakeOffset + offset - r.offset() - HEADER);
                }
                return where;
            }
            if (r.type() == CHANGE_CIPHER_SPEC) {
                protectedRecords = true;
            } else if (r.type() == HANDSHAKE && !protectedRecords) {
                clearHandshake.writeBytes(r.fragment());
                handshakeOffset += r.fragment().length;
            }
        }
        return "byte " + offset + " lies past the last complete record (the stream is " + stream.length + " bytes)";
    }

    private static String message(byte[] handshake, int position) {
        int at = 0;
        while (at + 4 <= handshake.length) {
            int length = (handshake[at + 1] & 0xFF) << 16 | (handshake[at + 2] & 0xFF) << 8 | handshake[at + 3] & 0xFF;
            if (position < at + 4 + length) {
                String name;
                try {
                    name = HandshakeType.fromCode(handshake[at] & 0xFF).toString();
                } catch (TlsAlertException e) {
                    name = "type " + (handshake[at] & 0xFF);
                }
                return "byte " + (position - at) + " of handshake message " + name + " (" + (4 + length) + " bytes, header included)";
            }
            at += 4 + length;
        }
        return "past the last handshake message";
    }

    /**
     * The offsets of one direction's stream at which the other side spoke in between (in the
     * recording): a flight of this direction never spans one.
     */
    public static SortedSet<Integer> flightBoundaries(ConversationConnection connection, Flow.Direction direction) {
        SortedSet<Integer> boundaries = new TreeSet<>();
        int at = 0;
        for (Flow flow : connection.flows()) {
            if (flow.direction() == direction) {
                at += flow.length();
            } else if (at > 0) {
                boundaries.add(at);
            }
        }
        return boundaries;
    }

    /**
     * Re-frames the handshake records in clear (those before the stream's first ChangeCipherSpec):
     * each flight's handshake bytes are cut into records of the sizes {@code sizes} gives (1 ..
     * 2^14), keeping the version of the flight's first record. Everything from the ChangeCipherSpec
     * on is copied unchanged. A flight is a run of consecutive handshake records with no boundary
     * of {@link #flightBoundaries} inside.
     */
    public static byte[] refragment(byte[] stream, SortedSet<Integer> boundaries, IntSupplier sizes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Raw> records = records(stream);
        int copiedUpTo = 0;
        int i = 0;
        while (i < records.size() && records.get(i).type() != CHANGE_CIPHER_SPEC) {
            Raw first = records.get(i);
            if (first.type() != HANDSHAKE) {
                out.write(stream, first.offset(), first.end() - first.offset());
                copiedUpTo = first.end();
                i++;
                continue;
            }
            ByteArrayOutputStream flight = new ByteArrayOutputStream();
            flight.writeBytes(first.fragment());
            copiedUpTo = first.end();
            i++;
            while (i < records.size() && records.get(i).type() == HANDSHAKE
                    && boundaries.subSet(records.get(i - 1).offset() + 1, records.get(i).offset() + 1).isEmpty()) {
                flight.writeBytes(records.get(i).fragment());
                copiedUpTo = records.get(i).end();
                i++;
            }
            byte[] payload = flight.toByteArray();
            for (int at = 0; at < payload.length; ) {
                int n = Math.min(payload.length - at, Math.max(1, Math.min(1 << 14, sizes.getAsInt())));
                out.write(HANDSHAKE);
                out.write(first.version() >> 8);
                out.write(first.version() & 0xFF);
                out.write(n >> 8);
                out.write(n & 0xFF);
                out.write(payload, at, n);
                at += n;
            }
        }
        out.write(stream, copiedUpTo, stream.length - copiedUpTo);
        return out.toByteArray();
    }
}
