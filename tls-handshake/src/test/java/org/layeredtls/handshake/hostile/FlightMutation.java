package org.layeredtls.handshake.hostile;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One mutation of a recorded client flight: random bit flips, a truncation, a changed length field (of a
 * record or of a handshake message), or the same bytes re-split into different record boundaries (alone or
 * with a bit flip). Everything follows from the {@link Random} given, so a seed reproduces a case.
 *
 * @param kind        which mutation
 * @param description what exactly was changed, to reproduce or read a case
 * @param bytes       the mutated client-to-server stream
 */
record FlightMutation(Kind kind, String description, byte[] bytes) {

    private static final int HEADER_LENGTH = 5;
    private static final int HANDSHAKE = 22;

    /** The kinds of mutation, drawn with equal weight. */
    enum Kind { BIT_FLIPS, TRUNCATION, RECORD_LENGTH, HANDSHAKE_LENGTH, RESPLIT, RESPLIT_AND_BIT_FLIP }

    FlightMutation {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** A random mutation of {@code flight}. */
    static FlightMutation of(byte[] flight, Random random) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        return switch (kind) {
            case BIT_FLIPS -> bitFlips(kind, flight, random);
            case TRUNCATION -> {
                int cut = random.nextInt(flight.length);
                yield new FlightMutation(kind, "cut at " + cut + " of " + flight.length, Arrays.copyOf(flight, cut));
            }
            case RECORD_LENGTH -> recordLength(flight, random);
            case HANDSHAKE_LENGTH -> handshakeLength(flight, random);
            case RESPLIT -> resplit(kind, flight, random);
            case RESPLIT_AND_BIT_FLIP -> {
                FlightMutation split = resplit(kind, flight, random);
                FlightMutation flipped = bitFlips(kind, split.bytes, random);
                yield new FlightMutation(kind, split.description + ", " + flipped.description, flipped.bytes);
            }
        };
    }

    private static FlightMutation bitFlips(Kind kind, byte[] flight, Random random) {
        byte[] copy = flight.clone();
        int flips = 1 + random.nextInt(8);
        List<String> where = new ArrayList<>();
        for (int i = 0; i < flips; i++) {
            int offset = random.nextInt(copy.length);
            int bit = random.nextInt(8);
            copy[offset] ^= (byte) (1 << bit);
            where.add(offset + "." + bit);
        }
        return new FlightMutation(kind, "bits flipped at " + where, copy);
    }

    /** A new value for a length field: off by a little, zero, the maximum, or anything. */
    private static int newLength(int old, int max, Random random) {
        int value = switch (random.nextInt(4)) {
            case 0 -> old + random.nextInt(9) - 4;
            case 1 -> 0;
            case 2 -> max;
            default -> random.nextInt(max + 1);
        };
        value = Math.max(0, Math.min(max, value));
        return value == old ? (old == 0 ? 1 : old - 1) : value;
    }

    private static FlightMutation recordLength(byte[] flight, Random random) {
        List<int[]> records = records(flight);
        int[] record = records.get(random.nextInt(records.size()));
        int offset = record[0] + 3;
        int old = u16(flight, offset);
        int value = newLength(old, 0xFFFF, random);
        byte[] copy = flight.clone();
        copy[offset] = (byte) (value >>> 8);
        copy[offset + 1] = (byte) value;
        return new FlightMutation(Kind.RECORD_LENGTH, "record at " + record[0] + ": length " + old + " -> " + value, copy);
    }

    private static FlightMutation handshakeLength(byte[] flight, Random random) {
        List<int[]> handshakeRecords = records(flight).stream()
                .filter(r -> (flight[r[0]] & 0xFF) == HANDSHAKE && r[1] >= 4).toList();
        if (handshakeRecords.isEmpty()) {
            return recordLength(flight, random);
        }
        // The first handshake message of a record starts at its fragment (records after the keys change are
        // encrypted: their "length" is ciphertext, and changing it is a bit flip the MAC must catch).
        int[] record = handshakeRecords.get(random.nextInt(handshakeRecords.size()));
        int offset = record[0] + HEADER_LENGTH + 1;
        int old = ((flight[offset] & 0xFF) << 16) | u16(flight, offset + 1);
        int value = newLength(old, 0xFFFFFF, random);
        byte[] copy = flight.clone();
        copy[offset] = (byte) (value >>> 16);
        copy[offset + 1] = (byte) (value >>> 8);
        copy[offset + 2] = (byte) value;
        return new FlightMutation(Kind.HANDSHAKE_LENGTH, "handshake message at " + offset + ": length " + old + " -> " + value, copy);
    }

    /**
     * The same content in other records: each run of records of one content type is joined and cut again
     * into fragments of random sizes (RFC 5246 §6.2.1: handshake messages may be split and coalesced freely;
     * the other types are re-cut only when in the clear is not known, so they keep their boundaries).
     */
    private static FlightMutation resplit(Kind kind, byte[] flight, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<int[]> records = records(flight);
        int maxFragment = 1 + random.nextInt(random.nextBoolean() ? 8 : 600);
        int i = 0;
        int end = 0;
        while (i < records.size()) {
            int type = flight[records.get(i)[0]] & 0xFF;
            if (type != HANDSHAKE || !plaintextHandshake(flight, records.get(i))) {
                int[] r = records.get(i++);
                out.write(flight, r[0], HEADER_LENGTH + r[1]);
                end = r[0] + HEADER_LENGTH + r[1];
                continue;
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            byte[] version = Arrays.copyOfRange(flight, records.get(i)[0] + 1, records.get(i)[0] + 3);
            while (i < records.size() && (flight[records.get(i)[0]] & 0xFF) == HANDSHAKE && plaintextHandshake(flight, records.get(i))) {
                int[] r = records.get(i++);
                content.write(flight, r[0] + HEADER_LENGTH, r[1]);
                end = r[0] + HEADER_LENGTH + r[1];
            }
            byte[] joined = content.toByteArray();
            for (int offset = 0; offset < joined.length; ) {
                int size = Math.min(joined.length - offset, 1 + random.nextInt(maxFragment));
                out.write(HANDSHAKE);
                out.writeBytes(version);
                out.write(size >>> 8);
                out.write(size);
                out.write(joined, offset, size);
                offset += size;
            }
        }
        out.write(flight, end, flight.length - end); // a partial record at the end stays as it was
        return new FlightMutation(kind, "handshake re-split into fragments of 1.." + maxFragment + " bytes", out.toByteArray());
    }

    /** A handshake record before the client's ChangeCipherSpec: we assume so until a CCS record was seen. */
    private static boolean plaintextHandshake(byte[] flight, int[] record) {
        for (int[] r : records(flight)) {
            if (r[0] >= record[0]) {
                return true;
            }
            if ((flight[r[0]] & 0xFF) == 20) {
                return false;
            }
        }
        return true;
    }

    /** The complete records of a stream: {offset, fragment length} each. */
    static List<int[]> records(byte[] stream) {
        List<int[]> records = new ArrayList<>();
        int offset = 0;
        while (stream.length - offset >= HEADER_LENGTH) {
            int length = u16(stream, offset + 3);
            if (stream.length - offset - HEADER_LENGTH < length) {
                break;
            }
            records.add(new int[] {offset, length});
            offset += HEADER_LENGTH + length;
        }
        if (records.isEmpty()) {
            records.add(new int[] {0, 0});
        }
        return records;
    }

    private static int u16(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
    }

    @Override
    public String toString() {
        return kind + ": " + description + " (" + bytes.length + " bytes)";
    }
}
