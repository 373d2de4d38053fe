package org.layeredtls.handshake.prf;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.Mac;
import org.layeredtls.record.TrafficKeys;

/**
 * The TLS 1.3 key schedule (RFC 8446 §7.1), one object per connection, walked stage by stage:
 * <pre>
 *              0
 *              |
 *              v
 *    PSK -&gt;  HKDF-Extract = Early Secret          {@link #early}
 *              |
 *              +-----&gt; Derive-Secret(., "ext binder" | "res binder", "")  = binder_key
 *              +-----&gt; Derive-Secret(., "c e traffic", ClientHello)       = client_early_traffic_secret
 *              +-----&gt; Derive-Secret(., "e exp master", ClientHello)      = early_exporter_master_secret
 *              v
 *        Derive-Secret(., "derived", "")
 *              |
 *              v
 *    (EC)DHE -&gt; HKDF-Extract = Handshake Secret   {@link #handshake}
 *              |
 *              +-----&gt; Derive-Secret(., "c hs traffic", ClientHello...ServerHello)
 *              +-----&gt; Derive-Secret(., "s hs traffic", ClientHello...ServerHello)
 *              v
 *        Derive-Secret(., "derived", "")
 *              |
 *              v
 *    0 -&gt; HKDF-Extract = Master Secret            {@link #master}
 *              |
 *              +-----&gt; Derive-Secret(., "c ap traffic", ClientHello...server Finished)
 *              +-----&gt; Derive-Secret(., "s ap traffic", ClientHello...server Finished)
 *              +-----&gt; Derive-Secret(., "exp master", ClientHello...server Finished)
 *              +-----&gt; Derive-Secret(., "res master", ClientHello...client Finished)
 * </pre>
 * Each {@code th} argument is the transcript hash the RFC names ({@link Tls13Transcript#hash()}).
 * Where TLS 1.2 derived everything from one master secret with one PRF call, TLS 1.3 chains three
 * extractions, each adding one input (the PSK, the Diffie-Hellman secret, nothing), and binds every
 * traffic secret to the handshake so far.
 *
 * <p>The static methods are the per-secret derivations that do not depend on the stage: traffic
 * keys and IVs (§7.3), KeyUpdate (§7.2), Finished (§4.4.4), the resumption PSK (§4.6.1) and the
 * exporter (§7.5). Those a connection calls take its {@link CryptoProvider} (the configured backend);
 * the forms without one run on the default provider, for tools and tests.
 *
 * <p>Each stage's secret is keyed into HMAC once ({@link Hkdf#keyed}) and every Derive-Secret of the
 * stage expands from that keyed HMAC, as {@link #trafficKeys} does for a traffic secret's key and IV:
 * keying costs two hash compressions, as much as the expansion itself (tls-handshake README, "The key
 * schedule's HMACs"). So a schedule, like the connection it belongs to, is used by one thread at a time.
 */
public final class Tls13KeySchedule {

    /** RFC 8446 §5.3: the per-record nonce is as long as the IV, 12 bytes for every TLS 1.3 AEAD. */
    public static final int IV_LENGTH = 12;

    private static final java.util.HexFormat HEX = java.util.HexFormat.of();

    /** Where the schedule stands: each stage's extraction may run once, in this order. */
    private enum Stage { START, EARLY, HANDSHAKE, MASTER }

    private final Hkdf hkdf;
    private static final Consumer<Tls13Derivation> NO_LISTENER = derivation -> { };

    private Consumer<Tls13Derivation> listener = NO_LISTENER;
    private Stage stage = Stage.START;
    private byte[] earlySecret;
    private byte[] handshakeSecret;
    private byte[] masterSecret;
    /** Each stage's secret keyed into HMAC once, for the stage's Derive-Secret calls. */
    private Mac earlyHmac;
    private Mac handshakeHmac;
    private Mac masterHmac;

    /** A schedule over the cipher suite's hash (SHA-256 or SHA-384) on the default crypto provider. */
    public Tls13KeySchedule(HashAlgorithm hash) {
        this(hash, CryptoProvider.defaultProvider());
    }

    public Tls13KeySchedule(HashAlgorithm hash, CryptoProvider crypto) {
        this.hkdf = new Hkdf(hash, crypto);
    }

    /** The suite's hash. */
    public HashAlgorithm hash() {
        return hkdf.hash();
    }

    // ------------------------------------------------------------------ early secret

    /**
     * Early Secret = HKDF-Extract(salt 0, PSK). Without a PSK ({@code null}) the input is
     * Hash.length zero bytes: RFC 8446 §7.1, "if a given secret is not available, then the 0-value
     * consisting of a string of Hash.length bytes set to zeros is used".
     */
    public void early(byte[] psk) {
        advance(Stage.START, Stage.EARLY);
        earlySecret = hkdf.extract(null, psk == null ? zeros() : psk);
        earlyHmac = hkdf.keyed(earlySecret);
        report("Early Secret", "HKDF-Extract(0, " + (psk == null ? "0" : "PSK") + ")", earlySecret);
    }

    /**
     * binder_key = Derive-Secret(Early Secret, "res binder" | "ext binder", "") (RFC 8446 §7.1):
     * "res binder" for a resumption PSK (from a NewSessionTicket), "ext binder" for an external one.
     * The binder itself is {@link #finishedVerifyData}(hash, binder_key, Transcript-Hash(Truncate(ClientHello))).
     */
    public byte[] binderKey(boolean resumption) {
        return derive("binder_key", require(earlyHmac, "early"), resumption ? "res binder" : "ext binder", hkdf.emptyHash());
    }

    /** client_early_traffic_secret = Derive-Secret(Early Secret, "c e traffic", ClientHello): 0-RTT data. */
    public byte[] clientEarlyTrafficSecret(byte[] th) {
        return derive("client_early_traffic_secret", require(earlyHmac, "early"), "c e traffic", th);
    }

    /** early_exporter_master_secret = Derive-Secret(Early Secret, "e exp master", ClientHello). */
    public byte[] earlyExporterMasterSecret(byte[] th) {
        return derive("early_exporter_master_secret", require(earlyHmac, "early"), "e exp master", th);
    }

    // ------------------------------------------------------------------ handshake secret

    /**
     * Handshake Secret = HKDF-Extract(Derive-Secret(Early Secret, "derived", ""), (EC)DHE). With
     * psk_ke (no Diffie-Hellman, {@code null}) the input is the zero value, as for the early secret.
     */
    public void handshake(byte[] sharedSecret) {
        advance(Stage.EARLY, Stage.HANDSHAKE);
        byte[] salt = derive("derived (for the handshake secret)", earlyHmac, "derived", hkdf.emptyHash());
        handshakeSecret = hkdf.extract(salt, sharedSecret == null ? zeros() : sharedSecret);
        handshakeHmac = hkdf.keyed(handshakeSecret);
        Arrays.fill(salt, (byte) 0);
        report("Handshake Secret", "HKDF-Extract(derived, " + (sharedSecret == null ? "0" : "(EC)DHE") + ")",
                handshakeSecret);
    }

    /** client_handshake_traffic_secret = Derive-Secret(Handshake Secret, "c hs traffic", ClientHello...ServerHello). */
    public byte[] clientHandshakeTrafficSecret(byte[] th) {
        return derive("client_handshake_traffic_secret", require(handshakeHmac, "handshake"), "c hs traffic", th);
    }

    /** server_handshake_traffic_secret = Derive-Secret(Handshake Secret, "s hs traffic", ClientHello...ServerHello). */
    public byte[] serverHandshakeTrafficSecret(byte[] th) {
        return derive("server_handshake_traffic_secret", require(handshakeHmac, "handshake"), "s hs traffic", th);
    }

    // ------------------------------------------------------------------ master secret

    /** Master Secret = HKDF-Extract(Derive-Secret(Handshake Secret, "derived", ""), 0). */
    public void master() {
        advance(Stage.HANDSHAKE, Stage.MASTER);
        byte[] salt = derive("derived (for the master secret)", handshakeHmac, "derived", hkdf.emptyHash());
        masterSecret = hkdf.extract(salt, zeros());
        masterHmac = hkdf.keyed(masterSecret);
        Arrays.fill(salt, (byte) 0);
        report("Master Secret", "HKDF-Extract(derived, 0)", masterSecret);
    }

    /** client_application_traffic_secret_0 = Derive-Secret(Master Secret, "c ap traffic", ClientHello...server Finished). */
    public byte[] clientApplicationTrafficSecret(byte[] th) {
        return derive("client_application_traffic_secret_0", require(masterHmac, "master"), "c ap traffic", th);
    }

    /** server_application_traffic_secret_0 = Derive-Secret(Master Secret, "s ap traffic", ClientHello...server Finished). */
    public byte[] serverApplicationTrafficSecret(byte[] th) {
        return derive("server_application_traffic_secret_0", require(masterHmac, "master"), "s ap traffic", th);
    }

    /** exporter_master_secret = Derive-Secret(Master Secret, "exp master", ClientHello...server Finished). */
    public byte[] exporterMasterSecret(byte[] th) {
        return derive("exporter_master_secret", require(masterHmac, "master"), "exp master", th);
    }

    /** resumption_master_secret = Derive-Secret(Master Secret, "res master", ClientHello...client Finished). */
    public byte[] resumptionMasterSecret(byte[] th) {
        return derive("resumption_master_secret", require(masterHmac, "master"), "res master", th);
    }

    /**
     * Tells {@code listener} of every secret this schedule derives from now on, with its RFC 8446
     * name and formula: the teaching view (the illustrated page and {@code -explain} print them,
     * a key log writer picks the ones it needs). One listener; the default ignores everything.
     */
    public void setListener(Consumer<Tls13Derivation> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Overwrites the three stage secrets with zeros and drops their keyed HMACs; the schedule can derive nothing more. */
    public void destroy() {
        for (byte[] secret : new byte[][] {earlySecret, handshakeSecret, masterSecret}) {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
        earlySecret = null;
        handshakeSecret = null;
        masterSecret = null;
        earlyHmac = null;
        handshakeHmac = null;
        masterHmac = null;
    }

    // ------------------------------------------------------------------ per-secret derivations

    /** RFC 8446 §7.2: application_traffic_secret_N+1 = HKDF-Expand-Label(application_traffic_secret_N, "traffic upd", "", Hash.length). */
    public static byte[] nextTrafficSecret(HashAlgorithm hash, byte[] secret) {
        return nextTrafficSecret(CryptoProvider.defaultProvider(), hash, secret);
    }

    /** {@link #nextTrafficSecret(HashAlgorithm, byte[])} on the given crypto provider. */
    public static byte[] nextTrafficSecret(CryptoProvider crypto, HashAlgorithm hash, byte[] secret) {
        Hkdf hkdf = new Hkdf(hash, crypto);
        return hkdf.expandLabel(secret, "traffic upd", new byte[0], hkdf.hashLength());
    }

    /** RFC 8446 §7.3: [sender]_write_key = HKDF-Expand-Label(Secret, "key", "", key_length). */
    public static byte[] trafficKey(HashAlgorithm hash, byte[] secret, int length) {
        return new Hkdf(hash).expandLabel(secret, "key", new byte[0], length);
    }

    /** RFC 8446 §7.3: [sender]_write_iv = HKDF-Expand-Label(Secret, "iv", "", iv_length), 12 bytes. */
    public static byte[] trafficIv(HashAlgorithm hash, byte[] secret) {
        return new Hkdf(hash).expandLabel(secret, "iv", new byte[0], IV_LENGTH);
    }

    /**
     * RFC 8446 §7.3: both {@link #trafficKey} and {@link #trafficIv} of one traffic secret, as the record
     * layer takes them ({@link TrafficKeys#encryptionKey()} and {@link TrafficKeys#fixedIv()}; no MAC key in
     * TLS 1.3), the secret keyed into HMAC once for the two expansions.
     */
    public static TrafficKeys trafficKeys(HashAlgorithm hash, byte[] secret, int keyLength) {
        return trafficKeys(CryptoProvider.defaultProvider(), hash, secret, keyLength);
    }

    /** {@link #trafficKeys(HashAlgorithm, byte[], int)} on the given crypto provider. */
    public static TrafficKeys trafficKeys(CryptoProvider crypto, HashAlgorithm hash, byte[] secret, int keyLength) {
        Hkdf hkdf = new Hkdf(hash, crypto);
        Mac keyed = hkdf.keyed(secret);
        byte[] key = hkdf.expandLabel(keyed, "key", new byte[0], keyLength);
        byte[] iv = hkdf.expandLabel(keyed, "iv", new byte[0], IV_LENGTH);
        try {
            return new TrafficKeys(new byte[0], key, iv);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(iv, (byte) 0);
        }
    }

    /** RFC 8446 §4.4.4: finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length). */
    public static byte[] finishedKey(HashAlgorithm hash, byte[] baseKey) {
        return finishedKey(CryptoProvider.defaultProvider(), hash, baseKey);
    }

    private static byte[] finishedKey(CryptoProvider crypto, HashAlgorithm hash, byte[] baseKey) {
        Hkdf hkdf = new Hkdf(hash, crypto);
        return hkdf.expandLabel(baseKey, "finished", new byte[0], hkdf.hashLength());
    }

    /**
     * RFC 8446 §4.4.4: verify_data = HMAC(finished_key, Transcript-Hash(Handshake Context,
     * Certificate*, CertificateVerify*)). The base key is the sender's handshake traffic secret (or,
     * after the handshake, its application traffic secret); for a PSK binder it is the binder_key.
     */
    public static byte[] finishedVerifyData(HashAlgorithm hash, byte[] baseKey, byte[] th) {
        return finishedVerifyData(CryptoProvider.defaultProvider(), hash, baseKey, th);
    }

    /** {@link #finishedVerifyData(HashAlgorithm, byte[], byte[])} on the given crypto provider. */
    public static byte[] finishedVerifyData(CryptoProvider crypto, HashAlgorithm hash, byte[] baseKey, byte[] th) {
        byte[] finishedKey = finishedKey(crypto, hash, baseKey);
        try {
            Mac hmac = crypto.hmac(hash, finishedKey);
            hmac.update(th, 0, th.length);
            byte[] verifyData = new byte[hmac.macLength()];
            hmac.doFinal(verifyData, 0);
            return verifyData;
        } finally {
            Arrays.fill(finishedKey, (byte) 0);
        }
    }

    /**
     * Whether a received verify_data (Finished, or a PSK binder) is the one expected, compared in
     * constant time. RFC 8446 §4.4.4: a wrong one is {@code decrypt_error}; the caller raises it.
     */
    public static boolean finishedMatches(HashAlgorithm hash, byte[] baseKey, byte[] th, byte[] received) {
        return MessageDigest.isEqual(finishedVerifyData(hash, baseKey, th), Objects.requireNonNull(received, "received"));
    }

    /** RFC 8446 §4.6.1: the ticket's PSK = HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length). */
    public static byte[] resumptionPsk(HashAlgorithm hash, byte[] resumptionMasterSecret, byte[] ticketNonce) {
        return resumptionPsk(CryptoProvider.defaultProvider(), hash, resumptionMasterSecret, ticketNonce);
    }

    /** {@link #resumptionPsk(HashAlgorithm, byte[], byte[])} on the given crypto provider. */
    public static byte[] resumptionPsk(CryptoProvider crypto, HashAlgorithm hash, byte[] resumptionMasterSecret, byte[] ticketNonce) {
        Hkdf hkdf = new Hkdf(hash, crypto);
        return hkdf.expandLabel(resumptionMasterSecret, "resumption", ticketNonce, hkdf.hashLength());
    }

    /**
     * RFC 8446 §7.5: TLS-Exporter(label, context_value, key_length) =
     * HKDF-Expand-Label(Derive-Secret(Secret, label, ""), "exporter", Hash(context_value), key_length).
     * The secret is the exporter_master_secret (or the early one for 0-RTT). No context and an
     * empty context are the same in TLS 1.3 ({@code null} is taken as empty).
     */
    public static byte[] exporter(HashAlgorithm hash, byte[] exporterMasterSecret, String label, byte[] context, int length) {
        return exporter(CryptoProvider.defaultProvider(), hash, exporterMasterSecret, label, context, length);
    }

    /** {@link #exporter(HashAlgorithm, byte[], String, byte[], int)} on the given crypto provider. */
    public static byte[] exporter(CryptoProvider crypto, HashAlgorithm hash, byte[] exporterMasterSecret, String label,
                                  byte[] context, int length) {
        Hkdf hkdf = new Hkdf(hash, crypto);
        byte[] secret = hkdf.deriveSecret(exporterMasterSecret, label, hkdf.emptyHash());
        try {
            org.layeredtls.crypto.Hash digest = crypto.hash(hash);
            digest.update(context == null ? new byte[0] : context);
            return hkdf.expandLabel(secret, "exporter", digest.doFinal(), length);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    // ------------------------------------------------------------------ internals

    private byte[] derive(String name, Mac secret, String label, byte[] th) {
        byte[] value = hkdf.deriveSecret(secret, label, Objects.requireNonNull(th, "transcript hash"));
        if (listener != NO_LISTENER) { // the formula (the transcript hash in hex) only for whoever reads it
            report(name, "Derive-Secret(., \"" + label + "\", Transcript-Hash " + HEX.formatHex(th) + ")", value);
        }
        return value;
    }

    private void report(String name, String formula, byte[] value) {
        if (listener != NO_LISTENER) {
            listener.accept(new Tls13Derivation(name, formula, value)); // the record keeps its own copy
        }
    }

    private void advance(Stage from, Stage to) {
        if (stage != from) {
            throw new IllegalStateException("the " + to.name().toLowerCase(java.util.Locale.ROOT)
                    + " secret comes after the " + from.name().toLowerCase(java.util.Locale.ROOT)
                    + " stage; the schedule is at " + stage.name().toLowerCase(java.util.Locale.ROOT));
        }
        stage = to;
    }

    private static Mac require(Mac secret, String stageName) {
        if (secret == null) {
            throw new IllegalStateException("the " + stageName + " secret is not derived (or was destroyed)");
        }
        return secret;
    }

    private byte[] zeros() {
        return new byte[hkdf.hashLength()];
    }

    @Override
    public String toString() {
        return "Tls13KeySchedule[" + hkdf.hash() + ", " + stage.name().toLowerCase(java.util.Locale.ROOT) + "]";
    }
}
