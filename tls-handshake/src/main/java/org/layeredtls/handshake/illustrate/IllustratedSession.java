package org.layeredtls.handshake.illustrate;

import java.util.ArrayList;
import java.util.List;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.message.ClientKeyExchange;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.prf.Tls13Derivation;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.handshake.trace.ByteField;
import org.layeredtls.handshake.trace.RecordFields;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.TLSCiphertext;
import org.layeredtls.record.TLSCompressed;
import org.layeredtls.record.TLSPlaintext;

/**
 * Watches one connection from one side and keeps what the illustrated page draws: every record
 * in its three forms with the fields of each form, and each handshake's key derivation. Give it
 * to {@code TlsConfig.Builder.observer} (a record layer alone takes it as its RecordObserver),
 * then hand it to {@link SessionPage}. It holds the session's secrets: for teaching and study only.
 */
public final class IllustratedSession implements TlsObserver {

    private final boolean client;
    /** Reads the handshake messages off the records: one per connection. */
    private RecordFields fields = new RecordFields();
    private final List<RecordView> records = new ArrayList<>();
    private final List<KeyDerivation> derivations = new ArrayList<>();
    private final long[] handshakeBytes = new long[2];
    private final CipherSpec[] specs = {CipherSpec.NULL_WITH_NULL_NULL, CipherSpec.NULL_WITH_NULL_NULL};
    private ServerHello serverHello;
    private boolean keyExchangeSinceServerHello;
    private byte[] preMasterSecret; // reported just before the master secret it becomes
    private final List<Tls13KeyDerivation> tls13Derivations = new ArrayList<>();
    /** Per direction (0 written, 1 read): the TLS 1.3 traffic secret of the current state, or null if not a 1.3 state. */
    private final Tls13KeyDerivation.TrafficSecret[] trafficSecrets = new Tls13KeyDerivation.TrafficSecret[2];
    /** Per direction: how many TLS 1.3 states this connection has had (handshake keys, then application keys 0, 1 ...). */
    private final int[] tls13States = new int[2];
    /** TLS 1.3 write key and iv handed to a record layer without a handshake (record-demo); null otherwise. */
    private byte[][] handedTls13Keys;

    /** @param client whether this side is the client (drawn on the left; the server on the right) */
    public IllustratedSession(boolean client) {
        this.client = client;
    }

    public boolean isClient() {
        return client;
    }

    @Override
    public synchronized void recordWritten(long sequenceNumber, TLSPlaintext plaintext, TLSCompressed compressed,
                                           TLSCiphertext ciphertext) {
        add(true, sequenceNumber, plaintext, compressed, ciphertext);
    }

    @Override
    public synchronized void recordRead(long sequenceNumber, TLSCiphertext ciphertext, TLSCompressed compressed,
                                        TLSPlaintext plaintext) {
        add(false, sequenceNumber, plaintext, compressed, ciphertext);
    }

    @Override
    public synchronized void writeStateChanged(ConnectionState newState) {
        specs[0] = newState.cipherSpec();
        tls13StateChanged(0, newState);
        attachSpec(newState.cipherSpec());
    }

    @Override
    public synchronized void readStateChanged(ConnectionState newState) {
        specs[1] = newState.cipherSpec();
        tls13StateChanged(1, newState);
        attachSpec(newState.cipherSpec());
    }

    @Override
    public synchronized void handshakeMessageSent(HandshakeMessage message, byte[] bytes) {
        learn(message);
    }

    @Override
    public synchronized void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
        learn(message);
    }

    @Override
    public synchronized void masterSecretDerived(byte[] clientRandom, byte[] masterSecret) {
        if (serverHello == null) {
            return;
        }
        CipherSuite suite = serverHello.knownCipherSuite().orElse(null);
        if (suite == null) {
            return;
        }
        boolean resumed = !keyExchangeSinceServerHello;
        boolean ems = serverHello.extensionsOrEmpty().find(23).isPresent(); // RFC 7627 §5.1: extended_master_secret
        derivations.add(new KeyDerivation(serverHello.serverVersion(), suite, clientRandom.clone(), serverHello.random(),
                masterSecret.clone(), ems, resumed, null, records.size(), resumed ? null : preMasterSecret));
        preMasterSecret = null;
    }

    @Override
    public synchronized void preMasterSecretComputed(byte[] clientRandom, byte[] preMasterSecret) {
        this.preMasterSecret = preMasterSecret.clone();
    }

    @Override
    public synchronized void tls13KeyScheduleDerived(Tls13Derivation derivation) {
        if (derivation.name().equals("Early Secret") || tls13Derivations.isEmpty()) { // RFC 8446 §7.1: the schedule starts
            tls13Derivations.add(new Tls13KeyDerivation(records.size()));
            if (serverHello != null) { // a server chose the suite before it sends its ServerHello: learnt then
                serverHello.knownCipherSuite().ifPresent(tls13Derivations.get(tls13Derivations.size() - 1)::suite);
            }
        }
        tls13Derivations.get(tls13Derivations.size() - 1).add(derivation);
    }

    /**
     * A record layer is about to be given this TLS 1.3 write key and iv without a handshake (as
     * {@code record-demo} does): the page shows them, and each record's nonce, in place of a key schedule.
     */
    public synchronized void tls13KeysHandedIn(byte[] writeKey, byte[] writeIv) {
        handedTls13Keys = new byte[][] {writeKey.clone(), writeIv.clone()};
    }

    /**
     * RFC 8446 §7.1, §7.2: a direction's TLS 1.3 states use its sender's handshake traffic secret, then its
     * application traffic secrets 0, 1, ... (a KeyUpdate each). Early data's state is not drawn apart.
     */
    private void tls13StateChanged(int direction, ConnectionState newState) {
        if (!newState.isTls13()) {
            trafficSecrets[direction] = null;
            return;
        }
        int generation = tls13States[direction]++;
        if (handedTls13Keys != null && tls13Derivations.isEmpty()) { // no handshake: keys handed to the record layer
            tls13Derivations.add(new Tls13KeyDerivation(records.size()));
        }
        if (handedTls13Keys != null && tls13Derivations.get(tls13Derivations.size() - 1).derivations().isEmpty()) {
            trafficSecrets[direction] = new Tls13KeyDerivation.TrafficSecret("the write key and iv handed to the record layer",
                    newState.cipherSpec().bulkCipher(), handedTls13Keys[0], handedTls13Keys[1]);
            return;
        }
        String sender = (direction == 0) == client ? "client" : "server";
        String name = generation == 0 ? sender + "_handshake_traffic_secret" : sender + "_application_traffic_secret_" + (generation - 1);
        trafficSecrets[direction] = new Tls13KeyDerivation.TrafficSecret(name, newState.cipherSpec().bulkCipher());
    }

    /** The records seen so far, in the order they went through this side's record layer. */
    synchronized List<RecordView> records() {
        return List.copyOf(records);
    }

    synchronized List<KeyDerivation> derivations() {
        return List.copyOf(derivations);
    }

    synchronized List<Tls13KeyDerivation> tls13Derivations() {
        return List.copyOf(tls13Derivations);
    }

    private void learn(HandshakeMessage message) {
        if (message instanceof ServerHello hello) {
            serverHello = hello;
            keyExchangeSinceServerHello = false;
            if (!tls13Derivations.isEmpty()) {
                hello.knownCipherSuite().ifPresent(tls13Derivations.get(tls13Derivations.size() - 1)::suite);
            }
        } else if (message instanceof ClientKeyExchange) {
            keyExchangeSinceServerHello = true;
        }
    }

    private void attachSpec(CipherSpec spec) {
        int last = derivations.size() - 1;
        if (last >= 0 && derivations.get(last).spec() == null && !spec.equals(CipherSpec.NULL_WITH_NULL_NULL)) {
            derivations.set(last, derivations.get(last).withSpec(spec));
        }
    }

    private void add(boolean outgoing, long sequenceNumber, TLSPlaintext plaintext, TLSCompressed compressed,
                     TLSCiphertext ciphertext) {
        int direction = outgoing ? 0 : 1;
        if (startsConnection(sequenceNumber, plaintext)) {
            // A new connection (a client that reconnects, a server's next client, the demo's next session): its
            // records start unprotected, and what the last connection left half-read must not be glued to them.
            // The stream offsets go on growing, so a message's first bytes are never looked for in another
            // connection's records.
            specs[direction] = CipherSpec.NULL_WITH_NULL_NULL;
            trafficSecrets[direction] = null;
            tls13States[direction] = 0;
            fields = new RecordFields();
        }
        CipherSpec spec = specs[direction];
        Tls13KeyDerivation.TrafficSecret trafficSecret = trafficSecrets[direction];
        // RFC 8446 §5: under TLS 1.3 keys only application_data records are protected; the compatibility
        // change_cipher_spec goes in the clear
        boolean protectedFragment = trafficSecret != null ? ciphertext.type() == ContentType.APPLICATION_DATA
                : !spec.equals(CipherSpec.NULL_WITH_NULL_NULL);
        if (!protectedFragment) {
            trafficSecret = null;
        }
        long streamStart = handshakeBytes[direction];
        if (plaintext.type() == ContentType.HANDSHAKE) {
            handshakeBytes[direction] += plaintext.length();
        }
        byte[] header = new byte[] {(byte) ciphertext.type().code(), (byte) ciphertext.version().major(),
                (byte) ciphertext.version().minor(), (byte) (ciphertext.length() >> 8), (byte) ciphertext.length()};
        RecordView view = new RecordView(records.size() + 1, outgoing == client, sequenceNumber, plaintext.type(), header,
                plaintext.fragment(), compressed.fragment(), ciphertext.fragment(), streamStart,
                RecordFields.header(ciphertext), !protectedFragment ? null : trafficSecret != null
                        ? Tls13RecordFields.protectedFragment(ciphertext, trafficSecret, sequenceNumber, currentIv(trafficSecret))
                        : RecordFields.protectedFragment(ciphertext, spec),
                !protectedFragment ? "none" : trafficSecret != null ? trafficSecret.aead() + " under " + trafficSecret.name()
                        : spec.bulkCipher() + (spec.type() == org.layeredtls.record.CipherType.AEAD ? "" : " + " + spec.mac()));
        view.trafficSecret = trafficSecret == null ? null : trafficSecret.name();
        view.compatibilityCcs = plaintext.type() == ContentType.CHANGE_CIPHER_SPEC
                && (trafficSecrets[direction] != null || negotiatedTls13());
        records.add(view);
        if (trafficSecret != null && !tls13Derivations.isEmpty()) {
            view.keySchedule = tls13Derivations.get(tls13Derivations.size() - 1);
            view.keySchedule.protectedWith(trafficSecret);
        }
        for (ByteField field : fields.plaintext(outgoing, plaintext)) {
            place(view, field);
        }
    }

    /** The write iv of the records {@code secret} protects, when this page can know it. */
    private byte[] currentIv(Tls13KeyDerivation.TrafficSecret secret) {
        return tls13Derivations.isEmpty() ? null : tls13Derivations.get(tls13Derivations.size() - 1).iv(secret);
    }

    /** Whether the last ServerHello chose TLS 1.3 (RFC 8446 §4.2.1: in supported_versions). */
    private boolean negotiatedTls13() {
        try {
            return serverHello != null && serverHello.negotiatedVersion().isAtLeast(ProtocolVersion.TLS1_3);
        } catch (TlsAlertException malformed) {
            return false;
        }
    }

    /**
     * The first record of a direction of a connection: sequence number 0 and a ClientHello or
     * ServerHello (a record layer starts unprotected and tells no observer so; later records with
     * sequence number 0 follow a ChangeCipherSpec and carry Finished).
     */
    private static boolean startsConnection(long sequenceNumber, TLSPlaintext plaintext) {
        byte[] fragment = plaintext.fragment();
        return sequenceNumber == 0 && plaintext.type() == ContentType.HANDSHAKE && fragment.length > 0
                && (fragment[0] == HandshakeType.CLIENT_HELLO.code() || fragment[0] == HandshakeType.SERVER_HELLO.code());
    }

    /** Puts a field into the record(s) its bytes came in: a message may have started in earlier records of this direction. */
    private void place(RecordView current, ByteField field) {
        if (field.offset() >= 0 || current.type != ContentType.HANDSHAKE) {
            current.plaintextFields.add(field);
            return;
        }
        long start = current.handshakeStreamStart + field.offset();
        long end = start + field.length();
        for (RecordView r : records) {
            if (r.fromClient != current.fromClient || r.type != ContentType.HANDSHAKE) {
                continue;
            }
            long from = Math.max(start, r.handshakeStreamStart);
            long to = Math.min(end, r.handshakeStreamStart + r.plaintext.length);
            if (from < to) {
                r.plaintextFields.add(new ByteField((int) (from - r.handshakeStreamStart), (int) (to - from),
                        from == start ? field.meaning() : "(continued) " + field.meaning(), field.depth()));
            }
        }
    }
}
