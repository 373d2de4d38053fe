package org.layeredtls.handshake.negotiation;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionData;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.extension.SignatureAlgorithms;
import org.layeredtls.handshake.extension.SignatureScheme;
import org.layeredtls.handshake.extension.SupportedGroups;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeReassembler;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.record.ProtocolVersion;

/**
 * A peer made of raw bytes: records and hellos built exactly as a test wants them (malformed ones
 * included), sent over a loopback socket, and the answer read back record by record. The same bytes
 * go to our server and to {@code openssl s_server}, so their answers can be compared.
 */
final class RawTls {

    static final int TIMEOUT_MILLIS = 20_000;
    static final int ECDHE_RSA_AES128_GCM = 0xC02F;

    private RawTls() {
    }

    /** One record: type, version, length, fragment. */
    static byte[] record(int type, ProtocolVersion version, byte[] fragment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(type);
        out.write(version.major());
        out.write(version.minor());
        out.write(fragment.length >>> 8);
        out.write(fragment.length);
        out.writeBytes(fragment);
        return out.toByteArray();
    }

    /** The messages in one handshake record of version {3,1}, as a first ClientHello usually travels. */
    static byte[] handshake(HandshakeMessage... messages) {
        return handshake(ProtocolVersion.TLS1_0, messages);
    }

    static byte[] handshake(ProtocolVersion recordVersion, HandshakeMessage... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (HandshakeMessage message : messages) {
            out.writeBytes(HandshakeFrame.of(message).bytes());
        }
        return record(22, recordVersion, out.toByteArray());
    }

    /** A handshake record holding one message of {@code type} with any body, well-formed or not. */
    static byte[] handshakeOfType(int type, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(type);
        out.write(body.length >>> 16);
        out.write(body.length >>> 8);
        out.write(body.length);
        out.writeBytes(body);
        return record(22, ProtocolVersion.TLS1_0, out.toByteArray());
    }

    /** The extensions every test ClientHello carries so that an ECDHE_RSA suite can be chosen. */
    static List<Extension> ecdheBasics() {
        return Extensions.of(SupportedGroups.of(NamedGroup.X25519, NamedGroup.SECP256R1),
                SignatureAlgorithms.of(SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256)).list();
    }

    /** A ClientHello with the basics and these extensions (typed or raw), null compression only. */
    static ClientHello clientHello(ProtocolVersion version, byte[] sessionId, List<Integer> suites, Object... extensions) {
        List<Extension> list = new ArrayList<>(ecdheBasics());
        for (Object extension : extensions) {
            list.add(extension instanceof ExtensionData data ? data.toExtension() : (Extension) extension);
        }
        return new ClientHello(version, new byte[32], sessionId, suites, List.of(0), Optional.of(new Extensions(list)));
    }

    static ClientHello clientHello(Object... extensions) {
        return clientHello(ProtocolVersion.TLS1_2, new byte[0], List.of(ECDHE_RSA_AES128_GCM), extensions);
    }

    /** What a server answered: the handshake messages it sent, then the alert that ended it, if any. */
    record Answer(List<HandshakeFrame> messages, Optional<AlertDescription> alert, boolean closedSilently) {

        Optional<ServerHello> serverHello() {
            for (HandshakeFrame frame : messages) {
                if (frame.type() == HandshakeType.SERVER_HELLO) {
                    try {
                        return Optional.of(ServerHello.decode(frame.body()));
                    } catch (TlsAlertException e) {
                        throw new AssertionError("the server's ServerHello does not decode", e);
                    }
                }
            }
            return Optional.empty();
        }

        boolean sent(HandshakeType type) {
            return messages.stream().anyMatch(frame -> frame.type() == type);
        }

        @Override
        public String toString() {
            return "messages " + messages.stream().map(HandshakeFrame::type).toList() + ", alert "
                    + alert.map(AlertDescription::rfcName).orElse("none") + (closedSilently ? ", closed" : "");
        }
    }

    /**
     * Sends {@code bytes} to 127.0.0.1:{@code port} and reads until the server's flight ends
     * (ServerHelloDone, or the ChangeCipherSpec of a resumption), an alert arrives, or the server closes; bounded in time.
     */
    static Answer exchange(int port, byte[] bytes) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            return readAnswer(socket.getInputStream());
        }
    }

    static Answer readAnswer(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        HandshakeReassembler reassembler = new HandshakeReassembler();
        List<HandshakeFrame> messages = new ArrayList<>();
        try {
            while (true) {
                byte[] header = new byte[5];
                data.readFully(header);
                byte[] fragment = new byte[((header[3] & 0xFF) << 8) | (header[4] & 0xFF)];
                data.readFully(fragment);
                if (header[0] == 21) {
                    return new Answer(messages, Optional.of(AlertDescription.fromCode(fragment[1] & 0xFF)), false);
                }
                if (header[0] == 20) {
                    return new Answer(messages, Optional.empty(), false); // ChangeCipherSpec: the rest is protected
                }
                if (header[0] == 22) {
                    messages.addAll(reassembler.add(fragment));
                    if (messages.stream().anyMatch(m -> m.type() == HandshakeType.SERVER_HELLO_DONE)) {
                        return new Answer(messages, Optional.empty(), false);
                    }
                }
            }
        } catch (EOFException closed) {
            return new Answer(messages, Optional.empty(), true);
        } catch (SocketTimeoutException e) {
            return fail("no answer within " + TIMEOUT_MILLIS + " ms; so far " + messages.stream().map(HandshakeFrame::type).toList());
        } catch (TlsAlertException e) {
            return fail("the server's handshake bytes do not reassemble: " + e.getMessage());
        }
    }
}
