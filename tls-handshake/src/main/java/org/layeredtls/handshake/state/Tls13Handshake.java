package org.layeredtls.handshake.state;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.keyexchange.ClientKeyShare;
import org.layeredtls.handshake.message.Finished;
import org.layeredtls.handshake.prf.Tls13KeySchedule;
import org.layeredtls.handshake.prf.Tls13Transcript;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.BulkCipherAlgorithm;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.TrafficKeys;

/**
 * What a TLS 1.3 handshake adds to its {@link HandshakeContext}: the transcript (RFC 8446 §4.4.1), the
 * key schedule (§7.1) stage by stage, the key shares a client offered, and the traffic secrets as they
 * are derived. It installs each new record protection at once (§5: no ChangeCipherSpec in TLS 1.3) and
 * reports each secret a key log carries to the observer under its NSS label.
 */
final class Tls13Handshake {

    private final HandshakeContext context;
    Tls13Transcript transcript; // replaced once by a server that rebuilds it from its cookie (restartTranscript)
    /** The client's key shares, by group: those of its ClientHello (one more after a HelloRetryRequest). */
    final Map<NamedGroup, ClientKeyShare> clientShares = new LinkedHashMap<>();
    /** Whether a HelloRetryRequest was sent (server) or received (client): RFC 8446 §4.1.4 allows one. */
    boolean helloRetried;
    /** Whether our middlebox-compatibility change_cipher_spec is out (RFC 8446 §D.4: one only). */
    boolean compatibilityCcsSent;
    /** A CertificateRequest's certificate_request_context, for the client's Certificate (RFC 8446 §4.4.2). */
    byte[] certificateRequestContext;
    org.layeredtls.handshake.message.Tls13CertificateRequest certificateRequest;
    /** Whether a pre-shared key authenticated this handshake (no Certificate, no CertificateVerify). */
    boolean pskAccepted;
    /** The mode the PSK was accepted with (RFC 8446 §4.2.9): psk_ke leaves the (EC)DHE out. */
    org.layeredtls.handshake.extension.PskKeyExchangeMode pskKeyExchangeMode;
    byte[] psk;
    /** Client: the stored session whose ticket the ClientHello offers (RFC 8446 §4.2.11), or null. */
    org.layeredtls.handshake.session.ClientSession offeredSession;
    /** Server: the session of the ticket it resumed (RFC 8446 §4.2.11), or null. */
    org.layeredtls.handshake.session.SessionState resumedSession;
    /** 0-RTT (RFC 8446 §4.2.10): the ClientHello's early_data, and whether the server took it. */
    boolean earlyDataOffered;
    boolean earlyDataAccepted;
    byte[] clientEarlyTrafficSecret;
    /** Server: the 0-RTT bytes read (or skipped after a HelloRetryRequest) so far. */
    long earlyDataReceived;

    HashAlgorithm hash;
    private Tls13KeySchedule schedule;
    byte[] clientHandshakeTrafficSecret;
    byte[] serverHandshakeTrafficSecret;
    byte[] clientApplicationTrafficSecret;
    byte[] serverApplicationTrafficSecret;
    byte[] exporterMasterSecret;
    byte[] resumptionMasterSecret;
    /** The transcript's hash at the client's Finished: the Handshake Context of post-handshake authentication. */
    private Tls13Transcript handshakeContext;

    Tls13Handshake(HandshakeContext context) {
        this.context = context;
        this.transcript = new Tls13Transcript(context.config.crypto()); // buffers until the suite names the hash
    }

    /** TLS 1.3 is agreed: from now on alerts follow RFC 8446 §6 (every one fatal but close_notify and user_canceled). */
    void negotiated() {
        context.version = org.layeredtls.record.ProtocolVersion.TLS1_3;
        context.connection.alerts.followTls13Rules();
        context.transcript.stopBuffering(); // the TLS 1.2 transcript kept every message for a 1.2 handshake; 1.3 has its own
    }

    /**
     * RFC 8446 §4.4.1, a server that kept ClientHello1 only in its HelloRetryRequest cookie: the transcript
     * starts again from the cookie's message_hash and the HelloRetryRequest, as if nothing else was kept.
     */
    void restartTranscript(byte[] messageHash, byte[] helloRetryRequest) {
        transcript = new Tls13Transcript(hash, context.config.crypto());
        transcript.add(messageHash);
        transcript.add(helloRetryRequest);
    }

    // ------------------------------------------------------------------ the key schedule, stage by stage

    /** The suite is agreed: the transcript hashes with its hash, and the Early Secret is computed (RFC 8446 §7.1). */
    void startKeySchedule(CipherSuite suite) {
        if (hash == null) {
            hash = suite.prfHash();
            transcript.selectHash(hash);
        }
        schedule = keySchedule(hash);
        schedule.early(psk); // null: no PSK, zeros
    }

    private Tls13KeySchedule keySchedule(HashAlgorithm scheduleHash) {
        Tls13KeySchedule keySchedule = new Tls13KeySchedule(scheduleHash, context.config.crypto());
        if (context.config.observer() == TlsObserver.NONE) {
            return keySchedule; // nobody reads the values: no report is built
        }
        // every value to the observer (the illustrated page draws the schedule); each secret a key log carries
        // also under its NSS label (what Wireshark reads)
        keySchedule.setListener(derived -> {
            context.config.observer().tls13KeyScheduleDerived(derived);
            derived.keyLogLabel().ifPresent(label ->
                    context.config.observer().tls13SecretDerived(context.clientRandom.clone(), label, derived.value()));
        });
        return keySchedule;
    }

    /**
     * 0-RTT: client_early_traffic_secret = Derive-Secret(Early Secret of {@code psk}, "c e traffic", ClientHello)
     * (RFC 8446 §7.1), under the hash of the PSK's suite; {@code clientHello}: the ClientHello's transcript hash.
     */
    byte[] deriveClientEarlyTrafficSecret(HashAlgorithm pskHash, byte[] earlyPsk, byte[] clientHelloHash) {
        Tls13KeySchedule early = keySchedule(pskHash);
        early.early(earlyPsk);
        clientEarlyTrafficSecret = early.clientEarlyTrafficSecret(clientHelloHash);
        return clientEarlyTrafficSecret;
    }

    /** After ServerHello: the Handshake Secret from the (EC)DHE shared secret, and both handshake traffic secrets. */
    void deriveHandshakeSecrets(byte[] sharedSecret) {
        schedule.handshake(sharedSecret);
        byte[] th = transcript.hash();
        clientHandshakeTrafficSecret = schedule.clientHandshakeTrafficSecret(th);
        serverHandshakeTrafficSecret = schedule.serverHandshakeTrafficSecret(th);
    }

    /** After the server's Finished: the Master Secret, the first application traffic secrets and the exporter's. */
    void deriveApplicationSecrets() {
        schedule.master();
        byte[] th = transcript.hash();
        clientApplicationTrafficSecret = schedule.clientApplicationTrafficSecret(th);
        serverApplicationTrafficSecret = schedule.serverApplicationTrafficSecret(th);
        exporterMasterSecret = schedule.exporterMasterSecret(th);
    }

    /** After the client's Finished: the secret tickets' PSKs come from (RFC 8446 §7.1, §4.6.1). */
    void deriveResumptionSecret() {
        resumptionMasterSecret = schedule.resumptionMasterSecret(transcript.hash());
    }

    /** The binder key of a PSK offered for resumption (RFC 8446 §4.2.11.2). */
    byte[] resumptionBinderKey() {
        return schedule.binderKey(true);
    }

    // ------------------------------------------------------------------ record protection

    /** RFC 8446 §7.3: the record protection a traffic secret gives (key and IV by HKDF-Expand-Label). */
    ConnectionState protection(byte[] trafficSecret) {
        return protection(context.config, context.suite, trafficSecret);
    }

    static ConnectionState protection(org.layeredtls.handshake.api.TlsConfig config, CipherSuite suite, byte[] trafficSecret) {
        BulkCipherAlgorithm aead = suite.cipherSpec().bulkCipher();
        HashAlgorithm hash = suite.prfHash();
        TrafficKeys keys = Tls13KeySchedule.trafficKeys(config.crypto(), hash, trafficSecret, aead.keyLength()); // key and iv, one HMAC keying
        CryptoBackend backend = config.cryptoBackend() != null ? config.cryptoBackend() : CryptoBackend.BOUNCY_CASTLE;
        return ConnectionState.tls13(aead, keys.encryptionKey(), keys.fixedIv(), backend);
    }

    void installReadKeys(byte[] trafficSecret) {
        context.connection.records.installReadState(protection(trafficSecret));
    }

    void installWriteKeys(byte[] trafficSecret) {
        context.connection.installWriteState(protection(trafficSecret));
    }

    /**
     * RFC 8446 §D.4: in middlebox compatibility mode each side sends one unprotected change_cipher_spec
     * (a server after its first hello, a client before its second flight), before its keys change.
     */
    void sendCompatibilityCcs() throws IOException {
        if (context.config.middleboxCompatibility() && !compatibilityCcsSent) {
            compatibilityCcsSent = true;
            context.connection.sendCompatibilityChangeCipherSpec();
        }
    }

    // ------------------------------------------------------------------ Finished

    /** RFC 8446 §4.4.4: HMAC(finished_key, Transcript-Hash(...)) with our handshake traffic secret. */
    Finished finished(byte[] baseKey) {
        return new Finished(Tls13KeySchedule.finishedVerifyData(context.config.crypto(), hash, baseKey, transcript.hash()));
    }

    /** The peer's Finished, checked in constant time against the transcript before it; else decrypt_error (§4.4.4). */
    void checkFinished(ReceivedMessage received, byte[] peerBaseKey) throws TlsAlertException {
        byte[] expected = Tls13KeySchedule.finishedVerifyData(context.config.crypto(), hash, peerBaseKey, transcript.hash());
        if (!((Finished) received.message()).matches(expected)) {
            throw HandshakeContext.alert(AlertDescription.DECRYPT_ERROR, "the peer's Finished does not match the handshake transcript");
        }
        transcript.add(received.transcriptBytes());
    }

    /**
     * The peer's CertificateVerify (RFC 8446 §4.4.3), checked against its certificate's key and the transcript
     * before it ({@code who}: the peer's context string), then hashed.
     */
    void checkCertificateVerify(ReceivedMessage received, String who) throws TlsAlertException {
        Tls13Signatures.verify(context, (org.layeredtls.handshake.message.CertificateVerify) received.message(),
                context.peerCertificates.get(0).publicKey(), who, transcript.hash());
        transcript.add(received.transcriptBytes());
    }

    /**
     * The handshake ends with the client's Finished: RFC 8446 §4.4, post-handshake authentication signs and MACs
     * "ClientHello ... client Finished + CertificateRequest", so its hash is kept here, before any NewSessionTicket.
     */
    void keepHandshakeContext() {
        handshakeContext = transcript.continuation();
    }

    /** What post-handshake client authentication needs (RFC 8446 §4.6.2): whether the ClientHello offered it, the handshake's hash. */
    Tls13PostHandshakeAuth postHandshakeAuth(Tls13Secrets secrets) {
        boolean offered = context.clientHello != null
                && context.clientHello.extensionsOrEmpty().contains(org.layeredtls.handshake.extension.ExtensionType.POST_HANDSHAKE_AUTH);
        return new Tls13PostHandshakeAuth(context.connection, secrets, offered, handshakeContext);
    }

    /** What stays with the connection once the handshake is done: the secrets KeyUpdate and tickets need. */
    Tls13Secrets secrets() {
        return new Tls13Secrets(context.config.crypto(), context.suite, context.clientRandom, clientApplicationTrafficSecret, serverApplicationTrafficSecret,
                resumptionMasterSecret, exporterMasterSecret);
    }
}
