package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.crypto.Aead;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.handshake.extension.NamedGroup;

/**
 * Just enough of a TLS 1.3 client, written out by hand in the test, to take a real server through
 * its first flight and check the key schedule against the server's own key log: it writes a
 * ClientHello, reads the ServerHello (or HelloRetryRequest) in the clear, opens the server's
 * encrypted flight with the handshake key the schedule derived, and seals a Finished. No state
 * machine, no certificate check: the states branch does the real thing.
 */
final class HandMadeTls13Client implements AutoCloseable {

    static final int HANDSHAKE = 22;
    static final int APPLICATION_DATA = 23;
    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int ALERT = 21;
    private static final int TIMEOUT_MILLIS = 30_000;
    /** RFC 8446 §4.1.3: the random of a HelloRetryRequest, SHA-256("HelloRetryRequest"). */
    private static final byte[] HELLO_RETRY_REQUEST_RANDOM = java.util.HexFormat.of().parseHex(
            "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

    /** What a ServerHello or HelloRetryRequest says that the test needs. */
    record ServerHello(byte[] message, boolean isHelloRetryRequest, int cipherSuite, int group, byte[] keyExchange,
                       byte[] cookie) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    HandMadeTls13Client(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** A TLS 1.3 ClientHello (RFC 8446 §4.1.2) with its 4-byte header. */
    static byte[] clientHello(byte[] random, byte[] sessionId, int cipherSuite, List<NamedGroup> supportedGroups,
                              Map<NamedGroup, byte[]> keyShares, byte[] cookie) {
        ByteWriter extensions = new ByteWriter();
        extension(extensions, 43, new ByteWriter().vector8(new ByteWriter().u16(0x0304).toByteArray()).toByteArray());
        ByteWriter groups = new ByteWriter();
        supportedGroups.forEach(group -> groups.u16(group.code()));
        extension(extensions, 10, new ByteWriter().vector16(groups.toByteArray()).toByteArray());
        ByteWriter shares = new ByteWriter();
        keyShares.forEach((group, share) -> shares.u16(group.code()).vector16(share));
        extension(extensions, 51, new ByteWriter().vector16(shares.toByteArray()).toByteArray());
        ByteWriter schemes = new ByteWriter();
        for (int scheme : new int[] {0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806}) {
            schemes.u16(scheme);
        }
        extension(extensions, 13, new ByteWriter().vector16(schemes.toByteArray()).toByteArray());
        if (cookie != null) {
            extension(extensions, 44, new ByteWriter().vector16(cookie).toByteArray());
        }
        byte[] body = new ByteWriter().u16(0x0303).bytes(random).vector8(sessionId)
                .vector16(new ByteWriter().u16(cipherSuite).toByteArray())
                .vector8(new byte[] {0})
                .vector16(extensions.toByteArray())
                .toByteArray();
        return new ByteWriter().u8(1).vector24(body).toByteArray();
    }

    private static void extension(ByteWriter extensions, int type, byte[] data) {
        extensions.u16(type).vector16(data);
    }

    /** Sends a handshake message in a plaintext record. */
    void sendPlaintext(byte[] handshakeMessage) throws IOException {
        out.write(new ByteWriter().u8(HANDSHAKE).u16(0x0301).vector16(handshakeMessage).toByteArray());
        out.flush();
    }

    /** Reads the next handshake message sent in the clear (a change_cipher_spec is skipped). */
    ServerHello readServerHello() throws IOException, TlsAlertException {
        while (true) {
            byte[] message = completeMessage();
            if (message != null) {
                return parseServerHello(message);
            }
            byte[][] record = readRecord();
            int type = record[0][0];
            if (type == HANDSHAKE) {
                pending.writeBytes(record[1]);
            } else if (type != CHANGE_CIPHER_SPEC) {
                fail("expected a ServerHello in the clear, got a record of type " + type);
            }
        }
    }

    /**
     * Opens records with the server's handshake key until {@code count} handshake messages have
     * arrived (RFC 8446 §5.2: nonce = iv XOR sequence number, AAD = the record header, the inner
     * content type after the content, then zeros).
     */
    List<byte[]> readEncryptedHandshake(byte[] key, byte[] iv, int count) throws IOException {
        Aead aead = CryptoProvider.defaultProvider().aesGcm(key);
        java.util.ArrayList<byte[]> messages = new java.util.ArrayList<>();
        long sequence = 0;
        while (messages.size() < count) {
            byte[] message = completeMessage();
            if (message != null) {
                messages.add(message);
                continue;
            }
            byte[][] record = readRecord();
            if (record[0][0] == CHANGE_CIPHER_SPEC) {
                continue; // RFC 8446 §5: the middlebox compatibility CCS
            }
            assertEquals(APPLICATION_DATA, record[0][0], "outer content type of a protected record");
            byte[] inner = new byte[record[1].length];
            int length = aead.open(nonce(iv, sequence++), record[0], 0, 5, record[1], 0, record[1].length, inner, 0);
            assertTrue(length >= 0, "the server's record does not open with the handshake key the schedule derived");
            int end = length - 1;
            while (end >= 0 && inner[end] == 0) {
                end--;
            }
            assertEquals(HANDSHAKE, inner[end], "inner content type");
            pending.write(inner, 0, end);
        }
        return messages;
    }

    /** Seals one handshake message with the client's handshake key, sequence number 0. */
    void sendEncrypted(byte[] key, byte[] iv, byte[] handshakeMessage) throws IOException {
        byte[] inner = Arrays.copyOf(handshakeMessage, handshakeMessage.length + 1);
        inner[handshakeMessage.length] = HANDSHAKE;
        Aead aead = CryptoProvider.defaultProvider().aesGcm(key);
        byte[] header = new ByteWriter().u8(APPLICATION_DATA).u16(0x0303).u16(inner.length + aead.tagLength()).toByteArray();
        byte[] sealed = new byte[inner.length + aead.tagLength()];
        aead.seal(nonce(iv, 0), header, 0, header.length, inner, 0, inner.length, sealed, 0);
        out.write(header);
        out.write(sealed);
        out.flush();
    }

    private static byte[] nonce(byte[] iv, long sequence) {
        byte[] nonce = iv.clone();
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (sequence >>> (8 * i));
        }
        return nonce;
    }

    /** The next whole handshake message of the pending bytes, or null. */
    private byte[] completeMessage() {
        byte[] bytes = pending.toByteArray();
        if (bytes.length < 4) {
            return null;
        }
        int length = 4 + (((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF));
        if (bytes.length < length) {
            return null;
        }
        pending.reset();
        pending.write(bytes, length, bytes.length - length);
        return Arrays.copyOf(bytes, length);
    }

    /** {header (5 bytes), fragment}. */
    private byte[][] readRecord() throws IOException {
        byte[] header = new byte[5];
        in.readFully(header);
        byte[] fragment = new byte[((header[3] & 0xFF) << 8) | (header[4] & 0xFF)];
        in.readFully(fragment);
        if (header[0] == ALERT) {
            fail("the server sent alert " + Arrays.toString(fragment));
        }
        return new byte[][] {header, fragment};
    }

    private static ServerHello parseServerHello(byte[] message) throws TlsAlertException {
        assertEquals(2, message[0], "handshake type server_hello");
        ByteReader reader = new ByteReader(message, 4, message.length - 4, TlsLayer.HANDSHAKE);
        reader.u16();
        boolean retry = Arrays.equals(HELLO_RETRY_REQUEST_RANDOM, reader.bytes(32));
        reader.vector8();
        int suite = reader.u16();
        reader.u8();
        ByteReader extensions = reader.sub16();
        int group = -1;
        byte[] keyExchange = null;
        byte[] cookie = null;
        while (!extensions.isEmpty()) {
            int type = extensions.u16();
            ByteReader data = extensions.sub16();
            if (type == 51) {
                group = data.u16();
                keyExchange = retry ? null : data.vector16(); // RFC 8446 §4.2.8: HRR names the group only
            } else if (type == 44) {
                cookie = data.vector16();
            }
        }
        return new ServerHello(message, retry, suite, group, keyExchange, cookie);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
