package org.layeredtls.handshake.legacy;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.layeredtls.alert.Alert;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.crypto.RsaPublicKey;
import org.layeredtls.handshake.keyexchange.RsaKeyExchange;
import org.layeredtls.handshake.message.Certificate;
import org.layeredtls.handshake.message.ClientKeyExchange;
import org.layeredtls.handshake.message.DecodeContext;
import org.layeredtls.handshake.message.Finished;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeMessages;
import org.layeredtls.handshake.message.HandshakeReassembler;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.message.ServerHelloDone;
import org.layeredtls.handshake.message.V2ClientHello;
import org.layeredtls.handshake.prf.KeyBlock;
import org.layeredtls.handshake.prf.KeySchedule;
import org.layeredtls.handshake.prf.Sender;
import org.layeredtls.handshake.prf.TranscriptHash;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.handshake.suite.KeyExchangeAlgorithm;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.RecordLayer;
import org.layeredtls.record.TLSPlaintext;

/**
 * A test client that opens with an SSLv2-compatible ClientHello, as a client of 2005 would, and then
 * finishes a full RSA handshake (ClientKeyExchange, ChangeCipherSpec, Finished) with the stack's own
 * parts: the record layer, the message codecs, the key schedule. Its transcript starts with the V2
 * message bytes (msg_type to challenge, RFC 5246 Appendix E.2), or, to show that the server hashes
 * exactly those, with the 2-byte header too. A server that hashed anything else cannot verify our
 * Finished (it answers decrypt_error), and we cannot verify its Finished.
 */
final class V2HelloClient implements Closeable {

    /** How a handshake ended: the server's messages, and either its verified Finished or the alert it sent. */
    record Outcome(ServerHello serverHello, List<HandshakeMessage> serverFlight, boolean serverFinishedVerified,
                   Optional<AlertDescription> alert) {
    }

    private static final int TIMEOUT_MILLIS = 30_000;

    private final Socket socket;
    private final RecordLayer records;
    private final HandshakeReassembler reassembler = new HandshakeReassembler();
    private final ArrayDeque<HandshakeFrame> frames = new ArrayDeque<>();
    private final RandomSource random = DeterministicRandomSource.fromLabel("v2 hello client");
    private final List<HandshakeMessage> serverFlight = new ArrayList<>();
    private final ByteArrayOutputStream applicationData = new ByteArrayOutputStream();
    private AlertDescription alert;

    V2HelloClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        records = new RecordLayer(socket.getInputStream(), socket.getOutputStream(), socket);
    }

    /** Sends raw bytes (an SSL 2.0 record, well-formed or not) as the first thing on the connection. */
    void sendRaw(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /**
     * Sends the hello, then finishes the handshake if the server answers with ServerHello ... ServerHelloDone.
     *
     * @param hashTheHeaderToo puts the 2-byte SSL 2.0 header into our transcript (wrong: a control)
     */
    Outcome handshake(V2ClientHello hello, boolean hashTheHeaderToo) throws IOException {
        byte[] record = hello.encodeRecord();
        sendRaw(record);
        TranscriptHash transcript = new TranscriptHash();
        transcript.update(hashTheHeaderToo ? record : hello.encode());

        ServerHello serverHello = null;
        DecodeContext context = DecodeContext.of(ProtocolVersion.TLS1_2);
        HandshakeFrame frame;
        while ((frame = nextHandshakeFrame()) != null) {
            HandshakeMessage message = HandshakeMessages.decode(frame, context);
            serverFlight.add(message);
            transcript.update(frame.bytes());
            if (message instanceof ServerHello sh) {
                serverHello = sh;
                CipherSuite suite = sh.knownCipherSuite().orElseThrow();
                context = new DecodeContext(sh.serverVersion(), suite.keyExchange());
            }
            if (message instanceof ServerHelloDone) {
                break;
            }
        }
        if (frame == null) {
            return new Outcome(serverHello, List.copyOf(serverFlight), false, Optional.ofNullable(alert));
        }
        boolean verified = finish(hello, serverHello, transcript);
        return new Outcome(serverHello, List.copyOf(serverFlight), verified, Optional.ofNullable(alert));
    }

    /** ClientKeyExchange, [ChangeCipherSpec], Finished; then the server's [ChangeCipherSpec], Finished. */
    private boolean finish(V2ClientHello hello, ServerHello serverHello, TranscriptHash transcript) throws IOException {
        ProtocolVersion version = serverHello.serverVersion();
        CipherSuite suite = serverHello.knownCipherSuite().orElseThrow();
        if (suite.keyExchange() != KeyExchangeAlgorithm.RSA) {
            throw new IllegalStateException("this test client does the RSA key exchange only, not " + suite);
        }
        KeySchedule keySchedule = KeySchedule.of(version, suite.prfHash());
        transcript.track(keySchedule.transcriptHashes().toArray(HashAlgorithm[]::new));
        records.setWriteVersion(version);

        Certificate certificate = (Certificate) serverFlight.stream().filter(m -> m instanceof Certificate)
                .findFirst().orElseThrow();
        RsaPublicKey serverKey;
        try {
            serverKey = (RsaPublicKey) org.layeredtls.handshake.cert.Certificate.parse(
                    certificate.certificateList().get(0)).publicKey();
        } catch (org.layeredtls.handshake.cert.CertificateParseException e) {
            throw new IOException(e);
        }
        byte[] premaster = RsaKeyExchange.premasterSecret(hello.version(), random);
        send(new ClientKeyExchange(ClientKeyExchange.Form.ENCRYPTED_PREMASTER_SECRET,
                RsaKeyExchange.encrypt(serverKey, premaster, random)), transcript);

        byte[] clientRandom = hello.toClientHello().random();
        byte[] masterSecret = keySchedule.masterSecret(premaster, clientRandom, serverHello.random());
        KeyBlock block = keySchedule.keyBlock(masterSecret, clientRandom, serverHello.random(), suite.cipherSpec());
        CryptoProvider crypto = CryptoProvider.defaultProvider();
        records.setPendingWriteState(ConnectionState.create(version, suite.cipherSpec(), block.clientWrite(),
                CompressionMethod.NULL, true, crypto, random));
        records.setPendingReadState(ConnectionState.create(version, suite.cipherSpec(), block.serverWrite(),
                CompressionMethod.NULL, false, crypto, random));
        records.write(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1});
        records.activatePendingWriteState();
        send(new Finished(keySchedule.finishedVerifyData(masterSecret, Sender.CLIENT, transcript)), transcript);
        records.flush();

        byte[] expected = keySchedule.finishedVerifyData(masterSecret, Sender.SERVER, transcript);
        HandshakeFrame frame = nextHandshakeFrame();
        if (frame == null) {
            return false;
        }
        HandshakeMessage message = HandshakeMessages.decode(frame, new DecodeContext(version, suite.keyExchange()));
        serverFlight.add(message);
        return message instanceof Finished finished && finished.matches(expected);
    }

    private void send(HandshakeMessage message, TranscriptHash transcript) throws IOException {
        byte[] bytes = HandshakeFrame.of(message).bytes();
        transcript.update(bytes);
        records.write(ContentType.HANDSHAKE, bytes);
    }

    /**
     * The next handshake message; a ChangeCipherSpec on the way makes the pending read state current.
     * Null when an alert (kept in {@link #alert}) or the end of the stream comes first.
     */
    private HandshakeFrame nextHandshakeFrame() throws IOException {
        while (frames.isEmpty()) {
            TLSPlaintext record = records.readRecord();
            if (record == null) {
                return null;
            }
            switch (record.type()) {
                case ALERT -> {
                    alert = Alert.decode(record.fragment()).description();
                    return null;
                }
                case CHANGE_CIPHER_SPEC -> records.activatePendingReadState();
                case HANDSHAKE -> frames.addAll(reassembler.add(record.fragment()));
                case APPLICATION_DATA -> applicationData.writeBytes(record.fragment());
            }
        }
        return frames.poll();
    }

    /** After the handshake: sends application data. */
    void write(byte[] data) throws IOException {
        records.write(ContentType.APPLICATION_DATA, data);
        records.flush();
    }

    /** After the handshake: reads application data until {@code length} bytes have come. */
    byte[] read(int length) throws IOException {
        while (applicationData.size() < length) {
            TLSPlaintext record = records.readRecord();
            if (record == null || record.type() != ContentType.APPLICATION_DATA) {
                throw new IOException("expected application data, got " + record);
            }
            applicationData.writeBytes(record.fragment());
        }
        return applicationData.toByteArray();
    }

    /** The first alert the server sent after a raw first record, or empty if it closed without one. */
    Optional<AlertDescription> awaitAlert() throws IOException {
        TLSPlaintext record;
        while ((record = records.readRecord()) != null) {
            if (record.type() == ContentType.ALERT) {
                return Optional.of(Alert.decode(record.fragment()).description());
            }
        }
        return Optional.empty();
    }

    /** "ServerHello", "alert NAME" or "closed": how the server answered a raw first record. */
    String firstAnswer() throws IOException {
        HandshakeFrame frame = nextHandshakeFrame();
        if (frame != null) {
            return frame.type() == org.layeredtls.handshake.message.HandshakeType.SERVER_HELLO ? "ServerHello" : frame.toString();
        }
        return alert != null ? "alert " + alert.rfcName() : "closed";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
