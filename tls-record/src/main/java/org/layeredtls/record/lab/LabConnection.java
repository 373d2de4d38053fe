package org.layeredtls.record.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.CipherType;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.RecordHeader;
import org.layeredtls.record.RecordLayer;
import org.layeredtls.record.RecordLimits;
import org.layeredtls.record.RecordProtection;
import org.layeredtls.record.TLSCiphertext;
import org.layeredtls.record.TrafficKeys;

/**
 * One connection as an attack lab sees it, after its handshake:
 *
 * <pre>
 *   victim's RecordLayer --records--&gt; attacker (reads, keeps, changes) --records--&gt; server's RecordLayer
 * </pre>
 *
 * Both record layers are the real ones, keyed with fresh keys drawn from the lab's
 * {@link RandomSource} (a new connection, new keys). The attacker sees each record the victim
 * writes as a {@link TLSCiphertext} and chooses what the server reads; the server either accepts a
 * record or answers a fatal alert, after which the connection is gone.
 */
final class LabConnection implements AutoCloseable {

    private final ProtocolVersion version;
    private final RecordLayer victim;
    private final RecordLayer server;
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final PassedOn passedOn = new PassedOn();
    private TlsAlertException serverAlert;

    private LabConnection(ProtocolVersion version, CipherSpec spec, CompressionMethod compression,
                          RecordProtection victimProtection, RecordProtection serverProtection) {
        this.version = version;
        this.victim = new RecordLayer(InputStream.nullInputStream(), wire, () -> { });
        victim.setWriteVersion(version);
        victim.setPendingWriteState(new ConnectionState(spec, victimProtection, compression.newState(true)));
        victim.activatePendingWriteState();
        this.server = new RecordLayer(passedOn, OutputStream.nullOutputStream(), () -> { });
        server.setRequiredReadVersion(version);
        server.setPendingReadState(new ConnectionState(spec, serverProtection, compression.newState(false)));
        try {
            server.activatePendingReadState();
        } catch (TlsAlertException e) {
            throw new IllegalStateException("a pending read state was just set", e);
        }
    }

    /** A connection protected with {@code spec} under {@code version}, both ends built by the record layer. */
    static LabConnection open(ProtocolVersion version, CipherSpec spec, CompressionMethod compression,
                              RandomSource random) {
        return open(version, spec, compression, random, CryptoProvider.defaultProvider());
    }

    /** The same, the server's protection using {@code serverCrypto} (a lab may count what it does). */
    static LabConnection open(ProtocolVersion version, CipherSpec spec, CompressionMethod compression,
                              RandomSource random, CryptoProvider serverCrypto) {
        return open(version, spec, compression, random,
                keys -> RecordProtection.create(version, spec, keys, false, serverCrypto, random));
    }

    /** The same, the server's protection built by the lab from the connection's keys (a weak variant). */
    static LabConnection open(ProtocolVersion version, CipherSpec spec, CompressionMethod compression,
                              RandomSource random, Function<TrafficKeys, RecordProtection> serverProtection) {
        return open(version, spec, compression, random,
                keys -> RecordProtection.create(version, spec, keys, true, CryptoProvider.defaultProvider(), random),
                serverProtection);
    }

    /** The same, both protections built by the lab from the connection's keys. */
    static LabConnection open(ProtocolVersion version, CipherSpec spec, CompressionMethod compression,
                              RandomSource random, Function<TrafficKeys, RecordProtection> victimProtection,
                              Function<TrafficKeys, RecordProtection> serverProtection) {
        TrafficKeys keys = freshKeys(version, spec, random);
        return new LabConnection(version, spec, compression, victimProtection.apply(keys), serverProtection.apply(keys));
    }

    /** One direction's keys as a key block would give them (RFC 5246 §6.3), from {@code random}. */
    static TrafficKeys freshKeys(ProtocolVersion version, CipherSpec spec, RandomSource random) {
        int macKeyLength = spec.type() == CipherType.AEAD ? 0 : spec.mac().macLength();
        // RFC 4346 §6.3: from TLS 1.1 a CBC key block has no IV; GCM keeps its 4-byte salt
        boolean explicitCbcIv = spec.type() == CipherType.BLOCK && version.hasExplicitIv();
        int ivLength = explicitCbcIv ? 0 : spec.bulkCipher().fixedIvLength();
        return new TrafficKeys(bytes(random, macKeyLength), bytes(random, spec.bulkCipher().keyLength()),
                bytes(random, ivLength));
    }

    private static byte[] bytes(RandomSource random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b, 0, length);
        return b;
    }

    ProtocolVersion version() {
        return version;
    }

    /** The victim's record layer (a lab sets its options, such as the 1/n&minus;1 split). */
    RecordLayer victim() {
        return victim;
    }

    /** The victim writes {@code data} as application data; returns the records that appear on the wire. */
    List<TLSCiphertext> send(byte[] data) throws IOException {
        victim.write(ContentType.APPLICATION_DATA, data);
        victim.flush();
        List<TLSCiphertext> records = split(wire.toByteArray());
        wire.reset();
        return records;
    }

    /**
     * The attacker passes {@code record} on; the server reads it.
     *
     * @return whether the server accepted it; if not, {@link #serverAlert()} says what it answered
     * @throws IllegalStateException if the server has already closed the connection with a fatal alert
     */
    boolean deliver(TLSCiphertext record) throws IOException {
        if (serverAlert != null) {
            throw new IllegalStateException("the server closed this connection with " + serverAlert.description());
        }
        passedOn.set(encode(record));
        try {
            server.readRecord();
            return true;
        } catch (TlsAlertException e) {
            serverAlert = e;
            return false;
        }
    }

    /** The alert the server answered (every alert from a record layer is fatal), or {@code null}. */
    AlertDescription serverAlert() {
        return serverAlert == null ? null : serverAlert.description();
    }

    /**
     * Ends the connection: both layers go back to the initial state, which releases the states in
     * use (a DEFLATE state holds a native zlib stream until then).
     */
    @Override
    public void close() {
        victim.setPendingWriteState(ConnectionState.initial());
        victim.activatePendingWriteState();
        server.setPendingReadState(ConnectionState.initial());
        try {
            server.activatePendingReadState();
        } catch (TlsAlertException e) {
            throw new IllegalStateException("a pending read state was just set", e);
        }
    }

    /** Cuts a byte stream into the records on it: what an observer of the wire sees. */
    static List<TLSCiphertext> split(byte[] wireBytes) {
        List<TLSCiphertext> records = new ArrayList<>();
        int offset = 0;
        while (offset < wireBytes.length) {
            RecordHeader header;
            try {
                header = RecordHeader.decode(Arrays.copyOfRange(wireBytes, offset, offset + RecordLimits.HEADER_LENGTH));
            } catch (TlsAlertException e) {
                throw new IllegalStateException("the victim's record layer wrote a bad header", e);
            }
            int start = offset + RecordLimits.HEADER_LENGTH;
            records.add(new TLSCiphertext(header.type(), header.version(),
                    Arrays.copyOfRange(wireBytes, start, start + header.length())));
            offset = start + header.length();
        }
        return records;
    }

    /** A record back in its wire form: the 5-byte header, then the fragment. */
    static byte[] encode(TLSCiphertext record) {
        byte[] bytes = new byte[RecordLimits.HEADER_LENGTH + record.length()];
        RecordHeader.write(record.type(), record.version(), record.length(), bytes, 0);
        System.arraycopy(record.fragment(), 0, bytes, RecordLimits.HEADER_LENGTH, record.length());
        return bytes;
    }

    /** What the attacker passes on to the server, one record at a time. */
    private static final class PassedOn extends InputStream {
        private byte[] bytes = new byte[0];
        private int position;

        void set(byte[] record) {
            bytes = record;
            position = 0;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(len, bytes.length - position);
            System.arraycopy(bytes, position, b, off, n);
            position += n;
            return n;
        }
    }
}
