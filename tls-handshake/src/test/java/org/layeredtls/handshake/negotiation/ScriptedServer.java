package org.layeredtls.handshake.negotiation;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeReassembler;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.testing.RawPeer;

/**
 * A server made of raw bytes for one connection: it reads the client's ClientHello, answers with
 * whatever bytes the test builds from it, and reports the alert the client sends back.
 */
final class ScriptedServer implements AutoCloseable {

    private final ServerSocket listener;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final Future<Optional<AlertDescription>> alert;

    ScriptedServer(Function<ClientHello, byte[]> answer) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        alert = background.submit(() -> {
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(RawTls.TIMEOUT_MILLIS);
                ClientHello hello = readClientHello(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                out.write(answer.apply(hello));
                out.flush();
                return RawTls.answered(RawPeer.over(socket).awaitFlight(RawTls.BOUND)).alertDescription();
            }
        });
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The alert the client answered with (empty when it closed without one), waited for with a bound. */
    Optional<AlertDescription> alertFromClient() throws Exception {
        return alert.get(RawTls.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static ClientHello readClientHello(InputStream in) throws Exception {
        DataInputStream data = new DataInputStream(in);
        HandshakeReassembler reassembler = new HandshakeReassembler();
        while (true) {
            byte[] header = new byte[5];
            data.readFully(header);
            byte[] fragment = new byte[((header[3] & 0xFF) << 8) | (header[4] & 0xFF)];
            data.readFully(fragment);
            List<HandshakeFrame> frames = reassembler.add(fragment);
            for (HandshakeFrame frame : frames) {
                if (frame.type() == HandshakeType.CLIENT_HELLO) {
                    return ClientHello.decode(frame.body());
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        background.shutdownNow();
        listener.close();
    }
}
