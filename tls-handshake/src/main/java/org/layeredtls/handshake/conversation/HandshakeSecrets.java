package org.layeredtls.handshake.conversation;

import java.util.Arrays;
import java.util.Optional;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.PublicKey;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.CertificateParseException;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.message.DecodeContext;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.ServerDhParams;
import org.layeredtls.handshake.message.ServerEcdhParams;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.message.ServerKeyExchange;
import org.layeredtls.handshake.message.ServerKeyExchangeParams;
import org.layeredtls.handshake.prf.KeyBlock;
import org.layeredtls.handshake.prf.KeySchedule;
import org.layeredtls.handshake.prf.Sender;
import org.layeredtls.handshake.prf.TranscriptHash;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.CipherType;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.ProtocolVersion;

/**
 * What the client side of a conversation learns and derives during one handshake, enough to go past
 * ChangeCipherSpec: the hellos' randoms, the chosen version and suite, the server's key or ephemeral
 * parameters, the transcript, the master secret (plain or extended, RFC 7627), the pending connection states
 * and both Finished messages' verify_data (for the next handshake's renegotiation_info, RFC 5746).
 *
 * <p>It reads the server's messages as they come and never judges them: a probe tool must go on where a
 * real client would stop. Signatures are not checked.
 */
public final class HandshakeSecrets {

    private final CryptoProvider crypto = CryptoProvider.defaultProvider();
    private final RandomSource random;
    private TranscriptHash transcript = new TranscriptHash();
    private ProtocolVersion clientHelloVersion = ProtocolVersion.TLS1_2;
    private byte[] clientRandom = new byte[32];
    private byte[] offeredSessionId = new byte[0];
    private ResumableSession offeredSession;
    private ServerHello serverHello;
    private CipherSuite suite;
    private boolean extendedMasterSecret;
    private boolean encryptThenMac;
    private boolean resumed;
    private PublicKey serverKey;
    private ServerKeyExchangeParams serverParams;
    private byte[] masterSecret;
    private ConnectionState pendingWrite;
    private ConnectionState pendingRead;
    private byte[] clientVerifyData = new byte[0];
    private byte[] serverVerifyData = new byte[0];

    HandshakeSecrets(RandomSource random) {
        this.random = random;
    }

    /** The randomness templates draw from (hello randoms, premaster secrets, ephemeral keys). */
    public RandomSource random() {
        return random;
    }

    /** A new handshake starts with our ClientHello: a new transcript (the keys in use stay until the next CCS). */
    void clientHelloSent(ProtocolVersion version, byte[] random, byte[] sessionId, ResumableSession session) {
        transcript = new TranscriptHash();
        clientHelloVersion = version;
        clientRandom = random.clone();
        offeredSessionId = sessionId.clone();
        offeredSession = session;
        serverHello = null;
        suite = null;
        resumed = false;
        masterSecret = null;
        pendingRead = null;
        pendingWrite = null;
    }

    /** Adds a handshake message sent or received to the transcript (RFC 5246 §7.4.9: not HelloRequest). */
    void transcribe(HandshakeType type, byte[] frame) {
        if (type != HandshakeType.HELLO_REQUEST) {
            transcript.update(frame);
        }
    }

    /** Learns what a server's handshake message tells the client; a message it cannot read teaches nothing. */
    void received(HandshakeType type, byte[] body) {
        try {
            switch (type) {
                case SERVER_HELLO -> serverHelloReceived(ServerHello.decode(body));
                case CERTIFICATE -> certificateReceived(org.layeredtls.handshake.message.Certificate.decode(body));
                case SERVER_KEY_EXCHANGE -> serverParams = ServerKeyExchange.decode(body,
                        new DecodeContext(version(), suite.keyExchange())).params();
                default -> { }
            }
        } catch (TlsAlertException | RuntimeException e) {
            // a probe goes on: the next expectation says whether this message was wanted
        }
    }

    private void serverHelloReceived(ServerHello hello) {
        serverHello = hello;
        suite = hello.knownCipherSuite().orElse(null);
        extendedMasterSecret = hello.extensionsOrEmpty().contains(ExtensionType.EXTENDED_MASTER_SECRET);
        encryptThenMac = hello.extensionsOrEmpty().contains(ExtensionType.ENCRYPT_THEN_MAC);
        // RFC 5246 §7.4.1.3: the server echoes the session_id it agrees to resume
        resumed = offeredSession != null && offeredSessionId.length > 0
                && Arrays.equals(offeredSessionId, hello.sessionId());
        if (resumed && suite != null) {
            masterSecret = offeredSession.masterSecret();
            deriveKeys();
        }
    }

    private void certificateReceived(org.layeredtls.handshake.message.Certificate certificate)
            throws CertificateParseException {
        if (!certificate.certificateList().isEmpty()) {
            serverKey = Certificate.parse(certificate.certificateList().get(0)).publicKey();
        }
    }

    /** RFC 5246 §8.1 (or RFC 7627 §4 when both sides agreed): the master secret, then the keys (§6.3). */
    void premasterSecretSent(byte[] premasterSecret) {
        KeySchedule schedule = schedule();
        masterSecret = extendedMasterSecret
                ? schedule.extendedMasterSecret(premasterSecret, schedule.sessionHash(transcript))
                : schedule.masterSecret(premasterSecret, clientRandom, serverHello.random());
        Arrays.fill(premasterSecret, (byte) 0);
        deriveKeys();
    }

    private void deriveKeys() {
        CipherSpec spec = suite.cipherSpec();
        if (encryptThenMac && spec.type() == CipherType.BLOCK) {
            spec = new CipherSpec(spec.bulkCipher(), spec.mac(), true); // RFC 7366
        }
        KeyBlock block = schedule().keyBlock(masterSecret, clientRandom, serverHello.random(), spec);
        pendingWrite = ConnectionState.create(version(), spec, block.clientWrite(), CompressionMethod.NULL, true,
                crypto, random);
        pendingRead = ConnectionState.create(version(), spec, block.serverWrite(), CompressionMethod.NULL, false,
                crypto, random);
        block.wipe();
    }

    /** The verify_data of {@code sender}'s Finished over the transcript so far (RFC 5246 §7.4.9). */
    public byte[] finishedVerifyData(Sender sender) {
        if (masterSecret == null) {
            return new byte[DecodeContext.of(version()).verifyDataLength()];
        }
        return schedule().finishedVerifyData(masterSecret, sender, transcript);
    }

    void clientFinishedSent(byte[] verifyData) {
        clientVerifyData = verifyData.clone();
    }

    void serverFinishedReceived(byte[] verifyData) {
        serverVerifyData = verifyData.clone();
    }

    private KeySchedule schedule() {
        return KeySchedule.of(version(), suite.prfHash(), crypto);
    }

    /** The negotiated version, or the ClientHello's before a ServerHello came. */
    public ProtocolVersion version() {
        return serverHello != null ? serverHello.serverVersion() : clientHelloVersion;
    }

    public ProtocolVersion clientHelloVersion() {
        return clientHelloVersion;
    }

    /** The suite the ServerHello chose, if it is one this stack knows. */
    public Optional<CipherSuite> suite() {
        return Optional.ofNullable(suite);
    }

    public Optional<ServerHello> serverHello() {
        return Optional.ofNullable(serverHello);
    }

    /** Whether the server resumed the session the ClientHello offered. */
    public boolean resumed() {
        return resumed;
    }

    public boolean extendedMasterSecret() {
        return extendedMasterSecret;
    }

    public Optional<PublicKey> serverKey() {
        return Optional.ofNullable(serverKey);
    }

    public Optional<ServerEcdhParams> serverEcdhParams() {
        return serverParams instanceof ServerEcdhParams ecdh ? Optional.of(ecdh) : Optional.empty();
    }

    public Optional<ServerDhParams> serverDhParams() {
        return serverParams instanceof ServerDhParams dh ? Optional.of(dh) : Optional.empty();
    }

    /** The session to offer in a later conversation, once this handshake has a master secret and a session id. */
    public Optional<ResumableSession> session() {
        if (masterSecret == null || serverHello == null || serverHello.sessionId().length == 0) {
            return Optional.empty();
        }
        return Optional.of(new ResumableSession(serverHello.sessionId(), masterSecret, serverHello.cipherSuite(),
                extendedMasterSecret));
    }

    ConnectionState pendingWrite() {
        return pendingWrite;
    }

    ConnectionState pendingRead() {
        return pendingRead;
    }

    byte[] clientVerifyData() {
        return clientVerifyData.clone();
    }

    byte[] serverVerifyData() {
        return serverVerifyData.clone();
    }
}
