package org.layeredtls.handshake.vectors;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.handshake.message.DecodeContext;
import org.layeredtls.handshake.message.Finished;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeMessages;
import org.layeredtls.handshake.message.HandshakeReassembler;
import org.layeredtls.handshake.message.KeyUpdate;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.prf.Tls13KeySchedule;
import org.layeredtls.handshake.prf.Tls13Transcript;
import org.layeredtls.handshake.research.RecordStream;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.BulkCipherAlgorithm;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.RecordProtection;
import org.layeredtls.record.TLSInnerPlaintext;
import org.layeredtls.vectors.ConversationConnection;
import org.layeredtls.vectors.Flow;

/**
 * Reads a recorded TLS 1.3 connection the way Wireshark does with OpenSSL's key log (RFC 8446): the hellos in
 * clear give the suite; the key log's handshake traffic secrets, then its application traffic secrets, give each
 * direction's key and iv ({@link Tls13KeySchedule#trafficKey}, {@link Tls13KeySchedule#trafficIv}); our TLS 1.3
 * record protection opens every protected record and our codecs decode every handshake message; both Finished
 * are checked against the transcript and the handshake secrets; a KeyUpdate moves its sender to the next secret
 * ("traffic upd", RFC 8446 §7.2), which must be the one OpenSSL logged. Nothing of our state machines runs.
 */
final class Tls13ConversationDecryptor {

    /** One handshake message: who sent it, its exact bytes, and what our codec made of them. */
    record Message(Flow.Direction from, HandshakeFrame frame, HandshakeMessage decoded) {
    }

    /** What a connection held. */
    record Decrypted(CipherSuite suite, List<Message> messages, byte[] clientData, byte[] serverData,
                     int protectedRecords, int finishedChecked, int keyUpdates, List<String> alerts) {
    }

    private final ConversationConnection connection;
    private final Map<Flow.Direction, Side> sides = new EnumMap<>(Flow.Direction.class);
    private final List<Message> messages = new ArrayList<>();
    private final List<String> alerts = new ArrayList<>();
    private final Tls13Transcript transcript = new Tls13Transcript();
    private CipherSuite suite;
    private int protectedRecords;
    private int finishedChecked;
    private int keyUpdates;

    /** One direction: its bytes not yet a whole record, its handshake reassembly, its data, its keys. */
    private static final class Side {
        final ArrivingRecords arriving = new ArrivingRecords();
        final HandshakeReassembler reassembler = new HandshakeReassembler();
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] handshakeSecret;
        byte[] trafficSecret;
        RecordProtection protection;
        long sequenceNumber;
        boolean finished;
        int keyUpdates;
    }

    private Tls13ConversationDecryptor(ConversationConnection connection) {
        this.connection = connection;
        for (Flow.Direction d : Flow.Direction.values()) {
            sides.put(d, new Side());
        }
    }

    /** Decrypts one connection with its key log lines. */
    static Decrypted decrypt(ConversationConnection connection) throws TlsAlertException {
        Tls13ConversationDecryptor d = new Tls13ConversationDecryptor(connection);
        for (Flow flow : connection.flows()) {
            d.arrive(flow.direction(), flow.bytes());
        }
        if (d.suite == null) {
            throw new IllegalStateException("no ServerHello in the recording");
        }
        return new Decrypted(d.suite, List.copyOf(d.messages), d.sides.get(Flow.Direction.CLIENT_TO_SERVER).data.toByteArray(),
                d.sides.get(Flow.Direction.SERVER_TO_CLIENT).data.toByteArray(), d.protectedRecords, d.finishedChecked,
                d.keyUpdates, List.copyOf(d.alerts));
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
        if (type == ContentType.CHANGE_CIPHER_SPEC) {
            return; // RFC 8446 §5: the middlebox compatibility CCS, in clear, not part of anything
        }
        if (side.protection != null) {
            // RFC 8446 §5.2: an application_data record {3,3} holding a TLSInnerPlaintext
            byte[] inner = new byte[fragment.length];
            int n = side.protection.open(side.sequenceNumber++, type, ProtocolVersion.fromCode(r.version()),
                    fragment, 0, fragment.length, inner, 0);
            TLSInnerPlaintext plaintext = TLSInnerPlaintext.decode(Arrays.copyOf(inner, n));
            type = plaintext.type();
            fragment = plaintext.content();
            protectedRecords++;
        }
        switch (type) {
            case HANDSHAKE -> {
                for (HandshakeFrame frame : side.reassembler.add(fragment)) {
                    message(from, side, frame);
                }
            }
            case ALERT -> alerts.add(from.key() + " " + java.util.HexFormat.of().formatHex(fragment));
            case APPLICATION_DATA -> side.data.writeBytes(fragment);
            default -> throw new IllegalStateException(from.key() + ": a " + type + " record");
        }
    }

    private void message(Flow.Direction from, Side side, HandshakeFrame frame) throws TlsAlertException {
        DecodeContext context = suite == null ? DecodeContext.of(ProtocolVersion.TLS1_2) : DecodeContext.tls13(suite.prfHash());
        HandshakeMessage decoded = HandshakeMessages.decode(frame, context);
        messages.add(new Message(from, frame, decoded));
        boolean postHandshake = sides.get(Flow.Direction.CLIENT_TO_SERVER).finished;
        if (decoded instanceof ServerHello hello) {
            serverHello(hello, frame);
        } else if (decoded instanceof Finished finished) {
            // RFC 8446 §4.4.4: verify_data = HMAC(finished_key, Transcript-Hash(..., up to this Finished))
            if (!Tls13KeySchedule.finishedMatches(hash(), side.handshakeSecret, transcript.hash(), finished.verifyData())) {
                throw new IllegalStateException(from.key() + " Finished does not match the transcript and the key log");
            }
            finishedChecked++;
            transcript.add(frame.bytes());
            side.finished = true;
            install(side, secret(from == Flow.Direction.CLIENT_TO_SERVER ? "CLIENT_TRAFFIC_SECRET_0" : "SERVER_TRAFFIC_SECRET_0"));
        } else if (decoded instanceof KeyUpdate) {
            // RFC 8446 §7.2: application_traffic_secret_N+1 = HKDF-Expand-Label(secret_N, "traffic upd", "", Hash.length)
            byte[] next = Tls13KeySchedule.nextTrafficSecret(hash(), side.trafficSecret);
            String label = from == Flow.Direction.CLIENT_TO_SERVER ? "CLIENT_TRAFFIC_SECRET_N" : "SERVER_TRAFFIC_SECRET_N";
            List<String> logged = connection.keyLog().stream().filter(l -> l.startsWith(label + " ")).toList();
            if (side.keyUpdates < logged.size()
                    && !Arrays.equals(java.util.HexFormat.of().parseHex(logged.get(side.keyUpdates).split(" ")[2]), next)) {
                throw new IllegalStateException(label + " #" + side.keyUpdates + " of the key log is not our \"traffic upd\" secret");
            }
            side.keyUpdates++;
            install(side, next);
            keyUpdates++;
        } else if (!postHandshake) {
            transcript.add(frame.bytes());
        }
    }

    private void serverHello(ServerHello hello, HandshakeFrame frame) throws TlsAlertException {
        if (!hello.negotiatedVersion().equals(ProtocolVersion.TLS1_3)) {
            throw new IllegalStateException("not a TLS 1.3 ServerHello");
        }
        CipherSuite chosen = hello.knownCipherSuite().orElseThrow();
        if (suite == null) {
            transcript.selectHash(chosen.prfHash());
        }
        suite = chosen;
        if (hello.isHelloRetryRequest()) {
            transcript.replaceClientHelloWithMessageHash(); // RFC 8446 §4.4.1
            transcript.add(frame.bytes());
            return;
        }
        transcript.add(frame.bytes());
        Side client = sides.get(Flow.Direction.CLIENT_TO_SERVER);
        Side server = sides.get(Flow.Direction.SERVER_TO_CLIENT);
        client.handshakeSecret = secret("CLIENT_HANDSHAKE_TRAFFIC_SECRET");
        server.handshakeSecret = secret("SERVER_HANDSHAKE_TRAFFIC_SECRET");
        install(client, client.handshakeSecret);
        install(server, server.handshakeSecret);
    }

    /** RFC 8446 §7.3: the direction's key and iv from its traffic secret; the sequence number starts again at 0. */
    private void install(Side side, byte[] trafficSecret) {
        BulkCipherAlgorithm aead = suite.cipherSpec().bulkCipher();
        side.trafficSecret = trafficSecret;
        side.protection = ConnectionState.tls13(aead, Tls13KeySchedule.trafficKey(hash(), trafficSecret, aead.keyLength()),
                Tls13KeySchedule.trafficIv(hash(), trafficSecret), CryptoBackend.BOUNCY_CASTLE).protection();
        side.sequenceNumber = 0;
    }

    private byte[] secret(String label) {
        return connection.keyLogSecret(label).orElseThrow(() -> new IllegalStateException("no " + label + " in the key log"));
    }

    private HashAlgorithm hash() {
        return suite.prfHash();
    }
}
