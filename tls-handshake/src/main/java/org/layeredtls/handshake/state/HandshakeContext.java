package org.layeredtls.handshake.state;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.handshake.api.CertifiedKey;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.message.CertificateRequest;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.DecodeContext;
import org.layeredtls.handshake.message.Finished;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.prf.KeyBlock;
import org.layeredtls.handshake.prf.KeySchedule;
import org.layeredtls.handshake.prf.Sender;
import org.layeredtls.handshake.prf.TranscriptHash;
import org.layeredtls.handshake.session.SessionState;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.handshake.suite.KeyExchangeAlgorithm;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.CipherType;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.TrafficKeys;

/**
 * What one handshake has learnt and agreed so far, for either side: the hellos and their randoms,
 * the version and suite, the negotiated extensions, the transcript, the key exchange, the master
 * secret and the pending connection states. The states of {@link ClientHandshake} and
 * {@link ServerHandshake} read and fill it; it does the steps every handshake shares (send a
 * message, keep the transcript, derive keys, send and check Finished).
 */
public final class HandshakeContext {

    final Connection connection;
    final TlsConfig config;
    final boolean client;

    ClientHello clientHello;
    ServerHello serverHello;
    byte[] clientRandom;
    byte[] serverRandom;
    ProtocolVersion version;
    CipherSuite suite;
    CompressionMethod compression = CompressionMethod.NULL;
    byte[] sessionId = new byte[0];
    boolean resumed;
    SessionState resumedSession;

    boolean extendedMasterSecret;
    /** Whether the handshake this one renegotiates used the extended master secret (false for a first handshake). */
    final boolean previousExtendedMasterSecret;
    boolean encryptThenMac;
    boolean ticketExpected;
    String applicationProtocol;
    String serverName;
    int maxFragmentLength;
    boolean secureRenegotiation;

    KeySchedule keySchedule;
    final TranscriptHash transcript;
    byte[] preMasterSecret;
    byte[] masterSecret;
    ConnectionState pendingRead;
    ConnectionState pendingWrite;
    byte[] clientVerifyData = new byte[0];
    byte[] serverVerifyData = new byte[0];

    List<Certificate> peerCertificates = List.of();
    CertifiedKey ownKey;
    CertificateRequest certificateRequest;
    boolean clientCertificateSent;
    Object ephemeral;
    org.layeredtls.handshake.extension.NamedGroup group;
    org.layeredtls.crypto.SignatureScheme signatureScheme;
    byte[] offeredTicket;
    org.layeredtls.handshake.message.NewSessionTicket newTicket;
    org.layeredtls.handshake.session.ClientSession offeredSession;
    /** The TLS 1.3 part: a client that offers TLS 1.3 until the ServerHello says otherwise, a server that negotiates it. */
    Tls13Handshake tls13;

    HandshakeContext(Connection connection) {
        this.connection = connection;
        this.config = connection.config;
        this.client = connection.client;
        this.transcript = new TranscriptHash(config.crypto());
        SessionInfo previous = connection.sessionInfo();
        this.previousExtendedMasterSecret = previous != null && previous.extendedMasterSecret();
    }

    // ------------------------------------------------------------------ sending and the transcript

    /** Sends one handshake message (not yet flushed) and adds it to the transcript. */
    void send(HandshakeMessage message) throws IOException {
        // msg_type, uint24 length, body (RFC 5246 §7.4), written once: HandshakeFrame.of(message).bytes() would
        // encode the body, clone it and copy it again behind the header
        byte[] bytes = message.encode();
        if (connection.intercepted != null) { // research hook (intercept package): it sends, and hashes what it sends
            connection.interceptHandshake(message, bytes, transcript, tls13 == null ? null : tls13.transcript,
                    message.type() != HandshakeType.HELLO_REQUEST);
            return;
        }
        if (tls13 != null) {
            tls13.transcript.add(bytes); // RFC 8446 §4.4.1
        }
        if (message.type() != HandshakeType.HELLO_REQUEST) { // RFC 5246 §7.4.1.1: not in the hashes
            transcript.update(bytes);
        }
        connection.writeHandshake(bytes);
        config.observer().handshakeMessageSent(message, bytes);
    }

    void flush() throws IOException {
        connection.flush();
    }

    /**
     * The ClientHello the server reads: ours, or the one a research hook sent in its place (when it decodes).
     * The server's answers are checked against it (RFC 8446 §4.2: a response to an extension the client sent).
     */
    ClientHello clientHelloAsSent() {
        ClientHello sent = connection.intercepted == null ? null : connection.intercepted.clientHelloSent();
        return sent != null ? sent : clientHello;
    }

    /** Adds a received message to the transcript. */
    void append(ReceivedMessage message) {
        transcript.update(message.transcriptBytes());
    }

    DecodeContext decodeContext() {
        if (tls13 != null && ProtocolVersion.TLS1_3.equals(version)) {
            // RFC 8446 §4.4.4: Finished is as long as the suite's hash
            return tls13.hash != null ? DecodeContext.tls13(tls13.hash) : DecodeContext.of(ProtocolVersion.TLS1_3);
        }
        ProtocolVersion v = version != null ? version
                : clientHello != null ? clientHello.clientVersion() : ProtocolVersion.TLS1_2;
        return new DecodeContext(v, suite == null ? KeyExchangeAlgorithm.NULL : suite.keyExchange());
    }

    // ------------------------------------------------------------------ negotiation

    /** The version and suite are agreed: the record layer and the key schedule follow them. */
    void negotiated(ProtocolVersion agreedVersion, CipherSuite agreedSuite) {
        this.version = agreedVersion;
        this.suite = agreedSuite;
        this.keySchedule = KeySchedule.of(agreedVersion, agreedSuite.prfHash(), config.crypto());
        transcript.track(keySchedule.transcriptHashes().toArray(org.layeredtls.crypto.HashAlgorithm[]::new));
        connection.records.setWriteVersion(agreedVersion);
        // The peer's records must carry this version once they are protected (see Connection);
        // before that, a peer refusing our choice may answer in a record of its own version.
    }

    /** The record protection this handshake's keys will drive. */
    CipherSpec cipherSpec() {
        CipherSpec spec = suite.cipherSpec();
        return encryptThenMac && spec.type() == CipherType.BLOCK
                ? new CipherSpec(spec.bulkCipher(), spec.mac(), true) : spec;
    }

    // ------------------------------------------------------------------ keys

    /** master_secret from the pre-master secret (RFC 5246 §8.1), or the extended one (RFC 7627 §4). */
    void deriveMasterSecret() {
        if (config.observer() != org.layeredtls.handshake.api.TlsObserver.NONE) { // a copy for observers: ours is wiped below
            config.observer().preMasterSecretComputed(clientRandom.clone(), preMasterSecret.clone());
        }
        if (extendedMasterSecret) {
            byte[] sessionHash = keySchedule.sessionHash(transcript);
            masterSecret = keySchedule.extendedMasterSecret(preMasterSecret, sessionHash);
        } else {
            masterSecret = keySchedule.masterSecret(preMasterSecret, clientRandom, serverRandom);
        }
        Arrays.fill(preMasterSecret, (byte) 0);
        preMasterSecret = null;
    }

    /** Cuts the key block (RFC 5246 §6.3) and builds the pending read and write states. */
    void deriveKeys() {
        // Full or resumed, this connection's keys come from this master secret: a key log needs a
        // line for every connection (its client random), not only for new sessions.
        config.observer().masterSecretDerived(clientRandom.clone(), masterSecret.clone());
        CipherSpec spec = cipherSpec();
        KeyBlock block = keySchedule.keyBlock(masterSecret, clientRandom, serverRandom, spec);
        TrafficKeys writeKeys = client ? block.clientWrite() : block.serverWrite();
        TrafficKeys readKeys = client ? block.serverWrite() : block.clientWrite();
        pendingWrite = ConnectionState.create(version, spec, writeKeys, compression, true, config.crypto(), config.random());
        pendingRead = ConnectionState.create(version, spec, readKeys, compression, false, config.crypto(), config.random());
        block.wipe();
    }

    /** From now on the peer's ChangeCipherSpec is welcome: the pending read state is ready. */
    void expectChangeCipherSpec() {
        connection.records.setPendingReadState(pendingRead);
    }

    /** Sends ChangeCipherSpec: our records are protected with the new keys from the next one on. */
    void sendChangeCipherSpec() throws IOException {
        connection.sendChangeCipherSpec(pendingWrite);
    }

    /** Sends our Finished over the transcript so far (RFC 5246 §7.4.9). */
    void sendFinished() throws IOException {
        Sender us = client ? Sender.CLIENT : Sender.SERVER;
        byte[] verifyData = keySchedule.finishedVerifyData(masterSecret, us, transcript);
        if (client) {
            clientVerifyData = verifyData;
        } else {
            serverVerifyData = verifyData;
        }
        send(new Finished(verifyData));
    }

    /**
     * Checks the peer's Finished against the transcript before it, then adds it.
     *
     * @throws TlsAlertException {@code decrypt_error}: RFC 5246 §7.2.2, "a handshake cryptographic
     *         operation failed, including being unable to ... validate a finished message"
     */
    void checkFinished(ReceivedMessage received) throws TlsAlertException {
        Sender peer = client ? Sender.SERVER : Sender.CLIENT;
        byte[] expected = keySchedule.finishedVerifyData(masterSecret, peer, transcript);
        if (!((Finished) received.message()).matches(expected)) {
            throw new TlsAlertException(AlertDescription.DECRYPT_ERROR, TlsLayer.HANDSHAKE,
                    "the peer's Finished does not match the handshake transcript");
        }
        if (client) {
            serverVerifyData = expected;
        } else {
            clientVerifyData = expected;
        }
        append(received);
    }

    /** The facts of the session this handshake agreed on. */
    SessionInfo sessionInfo() {
        return new SessionInfo(version, suite, sessionId, resumed, peerCertificates, applicationProtocol, serverName,
                extendedMasterSecret, encryptThenMac && suite.cipherSpec().type() == CipherType.BLOCK, compression,
                secureRenegotiation);
    }

    /** What the connection keeps of this handshake to export keying material (RFC 8446 §7.5; RFC 5705 §4). */
    KeyingMaterialExporter exporter() {
        if (org.layeredtls.record.ProtocolVersion.TLS1_3.equals(version)) {
            return KeyingMaterialExporter.tls13(config.crypto(), suite.prfHash(), tls13.exporterMasterSecret);
        }
        return KeyingMaterialExporter.tls12(keySchedule, masterSecret, clientRandom, serverRandom);
    }

    /** What to do when a fatal alert ends this connection: forget its session (RFC 5246 §7.2). */
    Runnable invalidation() {
        byte[] id = sessionId.clone();
        if (client) {
            var store = config.clientSessionStore();
            String peer = connection.peerKey();
            return store == null ? () -> { } : () -> store.remove(peer);
        }
        var cache = config.sessionCache();
        return cache == null || id.length == 0 ? () -> { } : () -> cache.invalidate(id);
    }

    static TlsAlertException alert(AlertDescription description, String reason) {
        return new TlsAlertException(description, TlsLayer.HANDSHAKE, reason);
    }
}
