package org.layeredtls.handshake.session;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ProtocolVersion;

/**
 * What a server and a client remember of a full handshake so that a later one can be abbreviated
 * (RFC 5246 §7.3 and §7.4.1.2: "session identifier, peer certificate, compression method, cipher
 * spec, master secret, is resumable"), plus what the extensions added: whether the master secret was
 * derived with the extended master secret (RFC 7627 §5.3: a resumed session must agree on it), the
 * server name (RFC 6066 §3) and the ALPN protocol.
 *
 * <p>The master secret is the one secret here: {@link #masterSecret()} hands out a copy, {@link #wipe()}
 * zeroes the held one, and {@link #toString()} never prints it. {@link #encode()} gives a canonical
 * binary form (the plaintext of a session ticket, RFC 5077 §4); {@link #decode(byte[])} is its exact
 * inverse and rejects everything else with {@code decode_error}.
 *
 * @param sessionId 0 to 32 bytes (RFC 5246 §7.4.1.2); empty when the session is not resumable by id
 * @param version the negotiated protocol version, SSL 3.0 to TLS 1.2
 * @param cipherSuite the negotiated cipher suite (never a signalling value)
 * @param compression the negotiated compression method
 * @param masterSecret the 48-byte master secret
 * @param extendedMasterSecret whether the master secret was derived per RFC 7627
 * @param peerCertificates the peer's chain, leaf first; empty when the peer sent none
 * @param serverName the SNI host name (RFC 6066 §3), or null
 * @param alpn the negotiated application protocol (RFC 7301), or null
 * @param creationTime when the full handshake that made the session finished
 * @param lifetime how long after {@code creationTime} the session may be resumed
 * @param maxEarlyData TLS 1.3: the max_early_data_size the ticket announced (RFC 8446 §4.6.1), 0 when it allowed
 *                     no 0-RTT data (and for every other version)
 */
public record SessionState(byte[] sessionId, ProtocolVersion version, CipherSuite cipherSuite,
                           CompressionMethod compression, byte[] masterSecret, boolean extendedMasterSecret,
                           List<Certificate> peerCertificates, String serverName, String alpn,
                           Instant creationTime, Duration lifetime, long maxEarlyData) {

    /** The master secret's length in every version (RFC 5246 §8.1, RFC 6101 §6.1). */
    public static final int MASTER_SECRET_LENGTH = 48;
    /** The longest session id (RFC 5246 §7.4.1.2: {@code opaque SessionID<0..32>}). */
    public static final int MAX_SESSION_ID_LENGTH = 32;

    /** The first byte of {@link #encode()}: changes whenever the layout does. */
    static final int FORMAT = 1;

    /** A session whose ticket allows no 0-RTT data. */
    public SessionState(byte[] sessionId, ProtocolVersion version, CipherSuite cipherSuite, CompressionMethod compression,
                        byte[] masterSecret, boolean extendedMasterSecret, List<Certificate> peerCertificates,
                        String serverName, String alpn, Instant creationTime, Duration lifetime) {
        this(sessionId, version, cipherSuite, compression, masterSecret, extendedMasterSecret, peerCertificates,
                serverName, alpn, creationTime, lifetime, 0);
    }

    public SessionState {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(masterSecret, "masterSecret");
        Objects.requireNonNull(creationTime, "creationTime");
        Objects.requireNonNull(lifetime, "lifetime");
        if (sessionId.length > MAX_SESSION_ID_LENGTH) {
            throw new IllegalArgumentException("a session id is at most 32 bytes: " + sessionId.length);
        }
        if (version.compareTo(ProtocolVersion.SSL3_0) < 0 || version.compareTo(ProtocolVersion.TLS1_3) > 0) {
            throw new IllegalArgumentException("no SSL 3.0 .. TLS 1.3 session has version " + version);
        }
        if (version.equals(ProtocolVersion.TLS1_3)) {
            // RFC 8446 §4.6.1: a TLS 1.3 session is a resumption PSK, as long as its suite's hash
            if (!cipherSuite.isTls13() || masterSecret.length != cipherSuite.prfHash().digestLength()) {
                throw new IllegalArgumentException("a TLS 1.3 session has a TLS 1.3 suite and a PSK as long as its hash");
            }
        } else if (masterSecret.length != MASTER_SECRET_LENGTH) {
            throw new IllegalArgumentException("a master secret is 48 bytes: " + masterSecret.length);
        }
        if (cipherSuite.isSignalling()) {
            throw new IllegalArgumentException(cipherSuite + " is a signalling value, never negotiated");
        }
        if (lifetime.isNegative()) {
            throw new IllegalArgumentException("negative lifetime " + lifetime);
        }
        if (maxEarlyData < 0 || maxEarlyData > 0xFFFFFFFFL || maxEarlyData > 0 && !version.equals(ProtocolVersion.TLS1_3)) {
            throw new IllegalArgumentException("max_early_data is a uint32 of TLS 1.3 sessions: " + maxEarlyData);
        }
        checkString("serverName", serverName, 0xFFFF);
        checkString("alpn", alpn, 0xFF);
        sessionId = sessionId.clone();
        masterSecret = masterSecret.clone();
        peerCertificates = List.copyOf(peerCertificates);
    }

    /** A copy of the session id. */
    @Override
    public byte[] sessionId() {
        return sessionId.clone();
    }

    /** A copy of the master secret: the caller wipes it when done. */
    @Override
    public byte[] masterSecret() {
        return masterSecret.clone();
    }

    /** Whether the session may still be resumed at {@code now}: {@code creationTime <= now < creationTime + lifetime}. */
    public boolean isValidAt(Instant now) {
        // Duration.between cannot overflow (Instants span less than 2^63 seconds); creationTime.plus could
        return !now.isBefore(creationTime) && Duration.between(creationTime, now).compareTo(lifetime) < 0;
    }

    /** The same session under another id (a server resuming from a ticket echoes the client's id, RFC 5077 §3.4). */
    public SessionState withSessionId(byte[] newSessionId) {
        return new SessionState(newSessionId, version, cipherSuite, compression, masterSecret, extendedMasterSecret,
                peerCertificates, serverName, alpn, creationTime, lifetime, maxEarlyData);
    }

    /** An independent copy: wiping one leaves the other intact. */
    public SessionState copy() {
        return withSessionId(sessionId);
    }

    /** Zeroes the master secret held by this instance (copies handed out before are the caller's to wipe). */
    public void wipe() {
        Arrays.fill(masterSecret, (byte) 0);
    }

    /**
     * The canonical encoding, {@code FORMAT} first:
     * <pre>
     * u8 format; opaque session_id&lt;0..32&gt;; u16 version; u16 cipher_suite; u8 compression;
     * opaque master_secret&lt;48&gt;; u8 extended_master_secret;
     * opaque certificate_list&lt;0..2^24-1&gt; of opaque ASN.1Cert&lt;1..2^24-1&gt;;   (as in RFC 5246 §7.4.2)
     * u8 has_server_name; [opaque server_name&lt;1..2^16-1&gt; UTF-8];
     * u8 has_alpn; [opaque alpn&lt;1..255&gt; UTF-8];
     * u64 creation_epoch_second; u32 creation_nano; u64 lifetime_seconds; u32 lifetime_nano;
     * [u32 max_early_data]   (present only when not 0: TLS 1.3 tickets that allow 0-RTT data)
     * </pre>
     * The result holds the master secret: the caller wipes it when done.
     */
    public byte[] encode() {
        ByteWriter out = new ByteWriter(128 + peerCertificates.size() * 1024);
        out.u8(FORMAT);
        out.vector8(sessionId);
        out.u16(version.code());
        out.u16(cipherSuite.code());
        out.u8(compression.code());
        out.vector8(masterSecret);
        out.u8(extendedMasterSecret ? 1 : 0);
        int certificates = out.beginVector24();
        for (Certificate certificate : peerCertificates) {
            out.vector24(certificate.encoded());
        }
        out.endVector24(certificates);
        writeOptionalString16(out, serverName);
        writeOptionalString8(out, alpn);
        out.u64(creationTime.getEpochSecond());
        out.u32(creationTime.getNano());
        out.u64(lifetime.getSeconds());
        out.u32(lifetime.getNano());
        if (maxEarlyData > 0) {
            out.u32(maxEarlyData);
        }
        return out.toByteArray();
    }

    /** Decodes {@link #encode()}'s output; anything else is {@code decode_error}. */
    public static SessionState decode(byte[] encoded) throws TlsAlertException {
        ByteReader in = new ByteReader(encoded, TlsLayer.HANDSHAKE);
        int format = in.u8();
        if (format != FORMAT) {
            throw in.error("unknown session format " + format);
        }
        byte[] sessionId = in.vector8(0, MAX_SESSION_ID_LENGTH);
        ProtocolVersion version = ProtocolVersion.fromCode(in.u16());
        int suiteCode = in.u16();
        CipherSuite suite = CipherSuite.fromCode(suiteCode)
                .orElseThrow(() -> in.error("unknown cipher suite 0x" + Integer.toHexString(suiteCode)));
        int compressionCode = in.u8();
        CompressionMethod compression = CompressionMethod.fromCode(compressionCode)
                .orElseThrow(() -> in.error("unknown compression method " + compressionCode));
        byte[] masterSecret = in.vector8(32, MASTER_SECRET_LENGTH); // 48; a TLS 1.3 PSK: 32 or 48
        try {
            boolean ems = readBoolean(in, "extended_master_secret");
            List<Certificate> certificates = readCertificates(in.sub24());
            String serverName = readOptionalString(in, true);
            String alpn = readOptionalString(in, false);
            Instant creationTime = Instant.ofEpochSecond(in.u64(), readNano(in));
            long lifetimeSeconds = in.u64();
            Duration lifetime = Duration.ofSeconds(lifetimeSeconds, readNano(in));
            boolean earlyDataAllowed = !in.isEmpty();
            long maxEarlyData = earlyDataAllowed ? in.u32() : 0;
            in.expectEnd("session state");
            if (earlyDataAllowed && maxEarlyData == 0) {
                throw in.error("a max_early_data of 0 is written as none (the encoding is canonical)");
            }
            return new SessionState(sessionId, version, suite, compression, masterSecret, ems, certificates,
                    serverName, alpn, creationTime, lifetime, maxEarlyData);
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            // the constructor's rules (version range, signalling suite, negative lifetime) and Instant's range
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, TlsLayer.HANDSHAKE,
                    "invalid session state: " + e.getMessage(), e);
        } finally {
            Arrays.fill(masterSecret, (byte) 0);
        }
    }

    private static boolean readBoolean(ByteReader in, String what) throws TlsAlertException {
        int value = in.u8();
        if (value > 1) {
            throw in.error(what + " flag " + value + " is neither 0 nor 1");
        }
        return value == 1;
    }

    private static List<Certificate> readCertificates(ByteReader list) throws TlsAlertException {
        List<Certificate> certificates = new ArrayList<>();
        while (!list.isEmpty()) {
            byte[] der = list.vector24(1, (1 << 24) - 1);
            try {
                certificates.add(Certificate.parse(der));
            } catch (TlsAlertException | RuntimeException e) {
                throw new TlsAlertException(AlertDescription.DECODE_ERROR, TlsLayer.HANDSHAKE,
                        "bad certificate in session state: " + e.getMessage(), e);
            }
        }
        return certificates;
    }

    private static long readNano(ByteReader in) throws TlsAlertException {
        long nano = in.u32();
        if (nano >= 1_000_000_000L) {
            throw in.error("nanosecond field " + nano + " out of range");
        }
        return nano;
    }

    private static String readOptionalString(ByteReader in, boolean long16) throws TlsAlertException {
        if (!readBoolean(in, "presence")) {
            return null;
        }
        byte[] utf8 = long16 ? in.vector16(1, 0xFFFF) : in.vector8(1, 0xFF);
        try {
            // strict: malformed UTF-8 would otherwise decode to U+FFFD and re-encode differently
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw in.error("string is not UTF-8");
        }
    }

    private static void writeOptionalString16(ByteWriter out, String value) {
        out.u8(value == null ? 0 : 1);
        if (value != null) {
            out.vector16(utf8(value));
        }
    }

    private static void writeOptionalString8(ByteWriter out, String value) {
        out.u8(value == null ? 0 : 1);
        if (value != null) {
            out.vector8(utf8(value));
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static void checkString(String what, String value, int maxBytes) {
        if (value != null) {
            int length = value.getBytes(StandardCharsets.UTF_8).length;
            if (length == 0 || length > maxBytes) {
                throw new IllegalArgumentException(what + " must be 1.." + maxBytes + " UTF-8 bytes: " + length);
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionState that
                && Arrays.equals(sessionId, that.sessionId)
                && version.equals(that.version)
                && cipherSuite == that.cipherSuite
                && compression == that.compression
                && java.security.MessageDigest.isEqual(masterSecret, that.masterSecret)
                && extendedMasterSecret == that.extendedMasterSecret
                && peerCertificates.equals(that.peerCertificates)
                && Objects.equals(serverName, that.serverName)
                && Objects.equals(alpn, that.alpn)
                && creationTime.equals(that.creationTime)
                && lifetime.equals(that.lifetime)
                && maxEarlyData == that.maxEarlyData;
    }

    @Override
    public int hashCode() {
        // not the master secret: a hash of it would leak through hash-based collections' timing
        return Objects.hash(Arrays.hashCode(sessionId), version, cipherSuite, compression, extendedMasterSecret,
                peerCertificates, serverName, alpn, creationTime, lifetime, maxEarlyData);
    }

    /** Everything but the master secret. */
    @Override
    public String toString() {
        return "SessionState[sessionId=" + HexFormat.of().formatHex(sessionId) + ", version=" + version
                + ", cipherSuite=" + cipherSuite + ", compression=" + compression
                + ", extendedMasterSecret=" + extendedMasterSecret + ", peerCertificates=" + peerCertificates.size()
                + ", serverName=" + serverName + ", alpn=" + alpn + ", creationTime=" + creationTime
                + ", lifetime=" + lifetime + ", maxEarlyData=" + maxEarlyData + "]";
    }
}
