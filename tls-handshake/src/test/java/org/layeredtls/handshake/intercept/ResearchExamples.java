package org.layeredtls.handshake.intercept;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.research.MessageSubstitution;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.record.ProtocolVersion;

/**
 * The examples of {@code tls-handshake/RESEARCH.md}, each a complete client run against a server
 * on 127.0.0.1 ({@code openssl s_server} in {@link ResearchExamplesTest}, which runs them all and
 * checks what they print against what OpenSSL says). RESEARCH.md quotes this file: keep them in step.
 * {@link Pki} is the test PKI whose PEM files s_server is started with.
 */
public final class ResearchExamples {

    private ResearchExamples() {
    }

    // ------------------------------------------------------------------ 1. observe

    /** Every handshake message our side sent or processed, in order: exactly what our transcript hashes. */
    public static final class Transcript implements TlsObserver {

        /** One message: who sent it, its name (or why it does not decode), its exact bytes. */
        public record Message(boolean sent, String name, byte[] bytes) {
        }

        private final List<Message> messages = new CopyOnWriteArrayList<>();

        @Override
        public void handshakeMessageSent(HandshakeMessage message, byte[] bytes) {
            messages.add(new Message(true, message.type().rfcName(), bytes));
        }

        @Override
        public void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
            messages.add(new Message(false, message.type().rfcName(), bytes));
        }

        @Override
        public void undecodableHandshakeSent(byte[] bytes, String why) {
            messages.add(new Message(true, "undecodable (" + why + ")", bytes));
        }

        @Override
        public void undecodableHandshakeReceived(byte[] bytes, String why) {
            messages.add(new Message(false, "undecodable (" + why + ")", bytes));
        }

        public List<Message> messages() {
            return List.copyOf(messages);
        }

        /** One line per message: direction as s_server -msg prints it from our side, name, length, first bytes. */
        public void print(PrintStream out) {
            for (Message m : messages) {
                out.printf("%s %-20s %4d bytes  %s ...%n", m.sent() ? ">>>" : "<<<", m.name(), m.bytes().length,
                        HexFormat.ofDelimiter(" ").formatHex(m.bytes(), 0, Math.min(8, m.bytes().length)));
            }
        }
    }

    // ------------------------------------------------------------------ 2. intercept our own side

    /** Our ClientHello with one more (empty) extension, sent as raw bytes in two records. */
    public static HandshakeInterceptor clientHelloWithExtension(int extensionType) {
        return new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                if (message.type() != HandshakeType.CLIENT_HELLO) {
                    HandshakeInterceptor.super.message(message, flight); // pass
                    return;
                }
                byte[] hello = withEmptyExtension(message.bytes(), extensionType);
                flight.send(Arrays.copyOfRange(hello, 0, 10)); // raw bytes: a record ends mid-message
                flight.flushRecord();
                flight.send(Arrays.copyOfRange(hello, 10, hello.length));
                flight.flushRecord();
            }
        };
    }

    /** A ClientHello (header included) with an empty extension at the end; RFC 5246 §7.4.1.2: both lengths grow by 4. */
    static byte[] withEmptyExtension(byte[] hello, int extensionType) {
        int at = 4 + 2 + 32;                     // handshake header, client_version, random
        at += 1 + (hello[at] & 0xFF);            // session_id
        at += 2 + u16(hello, at);                // cipher_suites
        at += 1 + (hello[at] & 0xFF);            // compression_methods; then the extensions' length
        byte[] changed = Arrays.copyOf(hello, hello.length + 4);
        changed[hello.length] = (byte) (extensionType >> 8); // extension_type, then extension_data: 0 bytes
        changed[hello.length + 1] = (byte) extensionType;
        putU16(changed, at, u16(hello, at) + 4);
        int body = changed.length - 4;
        changed[1] = (byte) (body >> 16);
        putU16(changed, 2, body & 0xFFFF);
        return changed;
    }

    /** Example 1 + 2: a handshake with s_server, our ClientHello changed on the way, every message observed. */
    public static Transcript observeAHandshake(int port, PrintStream out) throws IOException {
        Transcript transcript = new Transcript();
        TlsConfig config = Pki.client().maxVersion(ProtocolVersion.TLS1_2) // trusts the test CA; SNI "localhost"; TLS 1.2
                .observer(transcript)
                .handshakeInterceptor(clientHelloWithExtension(0x1A1A)) // a GREASE value (RFC 8701): ignored
                .build();
        try (TlsSocket socket = TlsSocket.connect("127.0.0.1", port, config)) {
            socket.startHandshake();
            out.println("handshake complete: " + socket.session().cipherSuite());
        }
        transcript.print(out);
        return transcript;
    }

    // ------------------------------------------------------------------ 3. intercept the peer's side

    /** Flips the last bit of the peer's ServerKeyExchange: the end of its signature. Everything else passes. */
    public static IncomingHandshakeInterceptor tamperServerKeyExchangeSignature() {
        return new IncomingHandshakeInterceptor() {
            @Override
            public void message(IncomingHandshakeMessage message, IncomingFlight flight) throws IOException {
                if (message.type() == HandshakeType.SERVER_KEY_EXCHANGE) {
                    flight.deliver(message.withFlippedBit(message.bytes().length - 1, 0));
                } else {
                    flight.deliver(message.bytes());
                }
            }
        };
    }

    /** Delivers every message but the peer's Finished. */
    public static IncomingHandshakeInterceptor dropFinished() {
        return new IncomingHandshakeInterceptor() {
            @Override
            public void message(IncomingHandshakeMessage message, IncomingFlight flight) throws IOException {
                if (message.type() != HandshakeType.FINISHED) {
                    flight.deliver(message.bytes());
                }
            }
        };
    }

    /** Example 3a: our client refuses the tampered signature; returns the alert it sent. */
    public static TlsAlertException tamperTheServerKeyExchange(int port, PrintStream out) throws IOException {
        TlsConfig config = Pki.client().maxVersion(ProtocolVersion.TLS1_2).incomingHandshakeInterceptor(tamperServerKeyExchangeSignature()).build();
        try (TlsSocket socket = TlsSocket.connect("127.0.0.1", port, config)) {
            socket.startHandshake();
            throw new AssertionError("the handshake completed with a tampered ServerKeyExchange");
        } catch (TlsAlertException sent) {
            out.println("we sent: " + sent.getMessage());
            return sent;
        }
    }

    /** Example 3b: without the server's Finished our handshake never completes: the handshake timeout ends it. */
    public static TlsAlertException dropTheServerFinished(int port, java.time.Duration timeout, PrintStream out)
            throws IOException {
        TlsConfig config = Pki.client().maxVersion(ProtocolVersion.TLS1_2).incomingHandshakeInterceptor(dropFinished()).handshakeTimeout(timeout).build();
        try (TlsSocket socket = TlsSocket.connect("127.0.0.1", port, config)) {
            socket.startHandshake();
            throw new AssertionError("the handshake completed without the server's Finished");
        } catch (TlsAlertException sent) {
            out.println("no Finished; " + timeout.toMillis() + " ms after the start we sent: " + sent.getMessage());
            return sent;
        }
    }

    /** Flips the last bit of the peer's first record after its ChangeCipherSpec (its Finished, protected): the tag. */
    public static IncomingRecordInterceptor flipTheFirstProtectedRecord() {
        return new IncomingRecordInterceptor() {
            private boolean afterChangeCipherSpec;

            @Override
            public byte[] intercept(IncomingRecord record) {
                if (afterChangeCipherSpec) {
                    afterChangeCipherSpec = false;
                    return record.withFlippedFragmentBit(record.fragment().length - 1, 0);
                }
                afterChangeCipherSpec = record.contentType() == 20; // change_cipher_spec
                return record.bytes();
            }
        };
    }

    /** Example 3c: the record layer refuses the peer's record before any handshake code sees it. */
    public static TlsAlertException flipABitOnTheWire(int port, PrintStream out) throws IOException {
        TlsConfig config = Pki.client().maxVersion(ProtocolVersion.TLS1_2).incomingRecordInterceptor(flipTheFirstProtectedRecord()).build();
        try (TlsSocket socket = TlsSocket.connect("127.0.0.1", port, config)) {
            socket.startHandshake();
            throw new AssertionError("the handshake completed with a flipped bit in the server's Finished record");
        } catch (TlsAlertException sent) {
            out.println("we sent: " + sent.getMessage());
            return sent;
        }
    }

    // ------------------------------------------------------------------ byte fields

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static void putU16(byte[] b, int at, int value) {
        b[at] = (byte) (value >> 8);
        b[at + 1] = (byte) value;
    }

    /** The messages of {@code transcript} one side sent ({@code sent}) or received, as byte arrays. */
    static List<byte[]> bytes(Transcript transcript, boolean sent) {
        List<byte[]> list = new ArrayList<>();
        for (Transcript.Message m : transcript.messages()) {
            if (m.sent() == sent) {
                list.add(m.bytes());
            }
        }
        return list;
    }

    /**
     * The hook that replays RFC 8448 §3's server side through our server: the RFC's bytes where ours legitimately
     * differ, EncryptedExtensions..Finished in one record as the RFC has them (used by vectors.Rfc8448Section3ReplayTest).
     */
    public static MessageSubstitution rfc8448Section3Server(byte[] serverHello, byte[] encryptedExtensions,
                                                            byte[] certificateVerify, byte[] newSessionTicket) {
        return new MessageSubstitution()
                .replace(HandshakeType.SERVER_HELLO, serverHello)             // key_share before supported_versions
                .replace(HandshakeType.ENCRYPTED_EXTENSIONS, encryptedExtensions) // + supported_groups, record_size_limit
                .replace(HandshakeType.CERTIFICATE_VERIFY, certificateVerify) // RSA-PSS is salted
                .replace(HandshakeType.NEW_SESSION_TICKET, newSessionTicket)  // our tickets are our TicketProtector's
                .shareRecordWithNext(HandshakeType.ENCRYPTED_EXTENSIONS, HandshakeType.CERTIFICATE,
                        HandshakeType.CERTIFICATE_VERIFY);                    // our Certificate and Finished: ours
    }
}
