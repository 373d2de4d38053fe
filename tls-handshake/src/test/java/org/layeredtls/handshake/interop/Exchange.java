package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import org.layeredtls.handshake.api.TlsSocket;

/**
 * The data part of an interop cell, with the scheme of {@link DataTransfer}: {@code size} random bytes from our
 * socket to the OpenSSL peer (framed, cut out of its stdout), then {@code size} random bytes from the peer
 * (hex lines on its stdin) to our socket.
 */
final class Exchange {

    static final Duration WAIT = OpenSslServer.WAIT;

    private Exchange() {
    }

    /** Sends and receives {@code size} bytes each way; returns our (buffered) input stream for what follows. */
    static InputStream bothWays(TlsSocket socket, PeerProcess peer, int size) throws IOException, InterruptedException {
        InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
        int mark = peer.stdoutSize();
        byte[] outbound = DataTransfer.randomBytes(size);
        DataTransfer.Frame frame = DataTransfer.frame(outbound);
        OutputStream out = socket.getOutputStream();
        out.write(frame.wire());
        out.flush();
        Optional<byte[]> printed = DataTransfer.awaitFrame(peer, frame, mark, WAIT);
        assertTrue(printed.isPresent(), () -> "the peer did not print our " + size + " bytes:\n" + peer.diagnostics());
        assertArrayEquals(outbound, printed.get(), "bytes from us to the peer differ");

        byte[] inbound = DataTransfer.randomBytes(size);
        peer.writeStdin(DataTransfer.encodeLines(inbound));
        assertArrayEquals(inbound, DataTransfer.readLines(in), "bytes from the peer to us differ");
        return in;
    }

    /** Only the direction peer -> us: {@code size} random bytes as hex lines on the peer's stdin. */
    static void fromPeer(TlsSocket socket, PeerProcess peer, int size) throws IOException {
        byte[] inbound = DataTransfer.randomBytes(size);
        peer.writeStdin(DataTransfer.encodeLines(inbound));
        assertArrayEquals(inbound, DataTransfer.readLines(new BufferedInputStream(socket.getInputStream(), 4096)),
                "bytes from the peer to us differ");
    }

    /** Sets a read timeout on our socket so that no read blocks forever. */
    static void bound(TlsSocket socket) throws IOException {
        socket.socket().setSoTimeout((int) WAIT.toMillis());
    }

    /** Asserts that the next read sees the peer's close_notify (end of stream). */
    static void assertCloseNotify(InputStream in) throws IOException {
        assertEquals(-1, in.read(), "expected the peer's close_notify");
    }
}
