package org.layeredtls.handshake.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a TCP conversation as a classic pcap file (libpcap format 2.4, link type Ethernet) that Wireshark and
 * tshark read as if it had been captured on the wire: synthetic Ethernet, IPv4 (127.0.0.1 both ends) and TCP
 * headers around the recorded payloads, with a three-way handshake first, consistent sequence and
 * acknowledgement numbers, payloads cut to {@value #MAXIMUM_SEGMENT_SIZE}-byte segments, and FINs at the end.
 * Checksums are left zero (Wireshark does not verify them by default). The server side is port 443, so that
 * Wireshark dissects the payload as TLS and the TLS application data as HTTP.
 */
final class SyntheticPcap {

    static final int SERVER_PORT = 443;
    static final int CLIENT_PORT = 50443;
    static final int MAXIMUM_SEGMENT_SIZE = 1460;

    private static final int SYN = 0x02;
    private static final int FIN = 0x01;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;
    private static final int LINKTYPE_ETHERNET = 1;

    private final ByteArrayOutputStream file = new ByteArrayOutputStream();
    private long clientSequence = 1000;
    private long serverSequence = 5000;
    private long microseconds = 1_700_000_000_000_000L;

    private SyntheticPcap() {
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(65535).putInt(LINKTYPE_ETHERNET);
        file.writeBytes(header.array());
    }

    /** Writes {@code conversation} (the client's side first opened the connection) to {@code pcap}. */
    static void write(List<TappedSocket.Chunk> conversation, Path pcap) throws IOException {
        SyntheticPcap capture = new SyntheticPcap();
        capture.segment(true, SYN, new byte[0]);
        capture.clientSequence++;
        capture.segment(false, SYN | ACK, new byte[0]);
        capture.serverSequence++;
        capture.segment(true, ACK, new byte[0]);
        for (TappedSocket.Chunk chunk : conversation) {
            byte[] bytes = chunk.bytes();
            for (int offset = 0; offset < bytes.length; offset += MAXIMUM_SEGMENT_SIZE) {
                int length = Math.min(MAXIMUM_SEGMENT_SIZE, bytes.length - offset);
                byte[] payload = java.util.Arrays.copyOfRange(bytes, offset, offset + length);
                capture.segment(chunk.fromClient(), PSH | ACK, payload);
                if (chunk.fromClient()) {
                    capture.clientSequence += length;
                } else {
                    capture.serverSequence += length;
                }
            }
        }
        capture.segment(true, FIN | ACK, new byte[0]);
        capture.clientSequence++;
        capture.segment(false, FIN | ACK, new byte[0]);
        capture.serverSequence++;
        capture.segment(true, ACK, new byte[0]);
        Files.write(pcap, capture.file.toByteArray());
    }

    /** One Ethernet frame holding one IPv4 packet holding one TCP segment. */
    private void segment(boolean fromClient, int flags, byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(14 + 20 + 20 + payload.length).order(ByteOrder.BIG_ENDIAN);
        // Ethernet II: destination, source (locally administered addresses), type IPv4
        frame.put(new byte[] {2, 0, 0, 0, 0, (byte) (fromClient ? 2 : 1)});
        frame.put(new byte[] {2, 0, 0, 0, 0, (byte) (fromClient ? 1 : 2)});
        frame.putShort((short) 0x0800);
        // IPv4: version 4, header 5 words, total length, DF, TTL 64, protocol TCP, 127.0.0.1 -> 127.0.0.1
        frame.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 20 + payload.length)).putShort((short) 0)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0)
                .put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
        // TCP: ports, sequence, acknowledgement, header 5 words, flags, window, checksum, urgent pointer
        frame.putShort((short) (fromClient ? CLIENT_PORT : SERVER_PORT)).putShort((short) (fromClient ? SERVER_PORT : CLIENT_PORT))
                .putInt((int) (fromClient ? clientSequence : serverSequence))
                .putInt((flags & ACK) != 0 ? (int) (fromClient ? serverSequence : clientSequence) : 0)
                .put((byte) 0x50).put((byte) flags).putShort((short) 65535).putShort((short) 0).putShort((short) 0);
        frame.put(payload);
        byte[] bytes = frame.array();
        ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        microseconds += 100;
        record.putInt((int) (microseconds / 1_000_000)).putInt((int) (microseconds % 1_000_000))
                .putInt(bytes.length).putInt(bytes.length);
        file.writeBytes(record.array());
        file.writeBytes(bytes);
    }
}
