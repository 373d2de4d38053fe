package org.layeredtls.handshake.vectors;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.DecodeContext;
import org.layeredtls.handshake.message.Finished;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeMessages;
import org.layeredtls.handshake.message.HandshakeReassembler;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.prf.KeySchedule;
import org.layeredtls.handshake.prf.Sender;
import org.layeredtls.handshake.relay.ReadingKeys;
import org.layeredtls.handshake.prf.TranscriptHash;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.RecordProtection;
import org.layeredtls.vectors.ConversationConnection;
import org.layeredtls.vectors.Flow;
import org.layeredtls.handshake.research.RecordStream;

/**
 * Reads a recorded connection the way Wireshark does with a key log: the hellos give the randoms,
 * the suite and the extensions; the key log's master secret and our {@link KeySchedule} give the
 * key block ({@link ReadingKeys}, which the relay uses too); our {@link RecordProtection} opens every record after each ChangeCipherSpec; our
 * codecs decode every handshake message, and each Finished is checked against the transcript.
 * The chunks are processed in arrival order, so the messages come out in transcript order.
 */
final class ConversationDecryptor {

    /** One handshake message: who sent it, its exact bytes, and what our codec made of them. */
    record Message(Flow.Direction from, HandshakeFrame frame, HandshakeMessage decoded, boolean encrypted) {
    }

    /** What a connection held. */
    record Decrypted(ProtocolVersion version, CipherSuite suite, boolean encryptThenMac, boolean extendedMasterSecret,
                     List<Message> messages, byte[] clientData, byte[] serverData, int protectedRecords,
                     int finishedChecked, List<String> alerts) {
    }

    private final byte[] masterSecret;
    private final Map<Flow.Direction, Side> sides = new EnumMap<>(Flow.Direction.class);
    private final List<Message> messages = new ArrayList<>();
    private final List<String> alerts = new ArrayList<>();
    private ClientHello clientHello;
    private ServerHello serverHello;
    private ProtocolVersion version = ProtocolVersion.TLS1_2;
    private CipherSuite suite;
    private CipherSpec spec;
    private KeySchedule schedule;
    private boolean ems;
    private int protectedRecords;
    private int finishedChecked;

    private static final class Side {
        final ArrivingRecords arriving = new ArrivingRecords();
        final HandshakeReassembler reassembler = new HandshakeReassembler();
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        RecordProtection protection;
        long sequenceNumber;
    }

    private ConversationDecryptor(byte[] masterSecret) {
        this.masterSecret = masterSecret;
        for (Flow.Direction d : Flow.Direction.values()) {
            sides.put(d, new Side());
        }
    }

    /** Decrypts one connection with its key log line. */
    static Decrypted decrypt(ConversationConnection connection) throws TlsAlertException {
        ConversationDecryptor d = new ConversationDecryptor(connection.keyLogMasterSecret());
        for (Flow flow : connection.flows()) {
            d.arrive(flow.direction(), flow.bytes());
        }
        if (d.serverHello == null) {
            throw new IllegalStateException("no ServerHello in the recording");
        }
        return new Decrypted(d.version, d.suite, d.spec.encryptThenMac(), d.ems, List.copyOf(d.messages),
                d.sides.get(Flow.Direction.CLIENT_TO_SERVER).data.toByteArray(),
                d.sides.get(Flow.Direction.SERVER_TO_CLIENT).data.toByteArray(), d.protectedRecords, d.finishedChecked,
                List.copyOf(d.alerts));
    }

    private void arrive(Flow.Direction from, byte[] bytes) throws TlsAlertException {
        Side side = sides.get(from);
        for (RecordStream.Raw r : side.arriving.add(bytes)) {
            record(from, side, r);
        }
    }

    private void record(Flow.Direction from, Side side, RecordStream.Raw r) throws TlsAlertException {
        ContentType type = ContentType.fromCode(r.type());
        byte[] fragment = r.fragment();
        if (side.protection != null) {
            byte[] out = new byte[fragment.length];
            int n = side.protection.open(side.sequenceNumber++, type, ProtocolVersion.fromCode(r.version()),
                    fragment, 0, fragment.length, out, 0);
            fragment = java.util.Arrays.copyOf(out, n);
            protectedRecords++;
        }
        switch (type) {
            case CHANGE_CIPHER_SPEC -> {
                side.protection = protection(from);
                side.sequenceNumber = 0;
            }
            case HANDSHAKE -> {
                for (HandshakeFrame frame : side.reassembler.add(fragment)) {
                    message(from, frame, side.protection != null);
                }
            }
            case ALERT -> alerts.add(from.key() + " " + java.util.HexFormat.of().formatHex(fragment));
            case APPLICATION_DATA -> side.data.writeBytes(fragment);
        }
    }

    private void message(Flow.Direction from, HandshakeFrame frame, boolean encrypted) throws TlsAlertException {
        DecodeContext context = new DecodeContext(version,
                suite == null ? org.layeredtls.handshake.suite.KeyExchangeAlgorithm.NULL : suite.keyExchange());
        HandshakeMessage decoded = HandshakeMessages.decode(frame, context);
        if (decoded instanceof ClientHello hello) {
            clientHello = hello;
        } else if (decoded instanceof ServerHello hello) {
            serverHello = hello;
            version = hello.serverVersion();
            suite = hello.knownCipherSuite().orElseThrow();
            spec = ReadingKeys.negotiatedSpec(hello);
            ems = hello.extensionsOrEmpty().contains(ExtensionType.EXTENDED_MASTER_SECRET);
            schedule = ReadingKeys.keySchedule(hello);
        } else if (decoded instanceof Finished finished) {
            checkFinished(from, finished);
        }
        messages.add(new Message(from, frame, decoded, encrypted));
    }

    /** RFC 5246 §7.4.9: verify_data = PRF(master_secret, finished_label, Hash(handshake_messages)). */
    private void checkFinished(Flow.Direction from, Finished finished) {
        TranscriptHash transcript = new TranscriptHash();
        transcript.track(schedule.transcriptHashes().toArray(org.layeredtls.crypto.HashAlgorithm[]::new));
        for (Message m : messages) {
            transcript.update(m.frame().bytes());
        }
        byte[] expected = schedule.finishedVerifyData(masterSecret,
                from == Flow.Direction.CLIENT_TO_SERVER ? Sender.CLIENT : Sender.SERVER, transcript);
        if (!java.util.Arrays.equals(expected, finished.verifyData())) {
            throw new IllegalStateException(from.key() + " Finished does not match the transcript and the key log's master secret");
        }
        finishedChecked++;
    }

    private RecordProtection protection(Flow.Direction from) {
        if (clientHello == null || serverHello == null) {
            throw new IllegalStateException("ChangeCipherSpec before both hellos");
        }
        return ReadingKeys.forReading(clientHello, serverHello, masterSecret, from == Flow.Direction.CLIENT_TO_SERVER);
    }
}
