package org.layeredtls.record;

import java.util.Objects;

import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.crypto.SecureRandomSource;

/**
 * Builds the connection states of one direction (RFC 5246 §6.1) from a version, a cipher and its
 * keys, with every rule checked loudly: a key of the wrong length, a fixed IV where the version
 * carries explicit IVs, a missing MAC key, an AEAD cipher before TLS 1.2 are each an
 * {@link IllegalArgumentException} that says which rule (and where the RFC states it).
 *
 * <pre>{@code
 * ConnectionStateBuilder keys = ConnectionStateBuilder.of(ProtocolVersion.TLS1_0)
 *         .cipher(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1)
 *         .macKey(macKey).encryptionKey(key).fixedIv(iv);   // TLS 1.0: the first IV is in the key block
 * ConnectionState sealing = keys.forWriting();
 * ConnectionState opening = keys.forReading();
 * }</pre>
 *
 * <p>The version is given once, here; {@link RecordLayers} reads it back for the record headers.
 * The handshake does not use this builder ({@link ConnectionState#create} stays its entry point):
 * it is for students, labs and experiments. A builder is not thread-safe; the states it builds are
 * independent of it and of each other.
 */
public final class ConnectionStateBuilder {

    private final ProtocolVersion version;
    private BulkCipherAlgorithm bulkCipher = BulkCipherAlgorithm.NULL;
    private MacAlgorithm mac = MacAlgorithm.NULL;
    private boolean encryptThenMac;
    private CompressionMethod compression = CompressionMethod.NULL;
    private byte[] macKey;
    private byte[] encryptionKey;
    private byte[] fixedIv;
    private CryptoProvider crypto = CryptoProvider.defaultProvider();
    private RandomSource ivSource;

    private ConnectionStateBuilder(ProtocolVersion version) {
        this.version = Objects.requireNonNull(version, "version");
    }

    /**
     * A builder for records of {@code version}: SSL 3.0, TLS 1.0, TLS 1.1 or TLS 1.2. It starts as
     * TLS_NULL_WITH_NULL_NULL (no cipher, no MAC, null compression).
     */
    public static ConnectionStateBuilder of(ProtocolVersion version) {
        if (version.compareTo(ProtocolVersion.SSL3_0) < 0 || version.compareTo(ProtocolVersion.TLS1_2) > 0) {
            throw new IllegalArgumentException("this builder makes SSL 3.0 to TLS 1.2 record protections, not "
                    + version.displayName() + (version.equals(ProtocolVersion.TLS1_3)
                    ? " (TLS 1.3 keys come from its own key schedule, RFC 8446 §7.3)" : ""));
        }
        return new ConnectionStateBuilder(version);
    }

    /** A stream or block cipher with its MAC (MAC-then-encrypt), or an AEAD cipher with {@link MacAlgorithm#NULL}. */
    public ConnectionStateBuilder cipher(BulkCipherAlgorithm bulkCipher, MacAlgorithm mac) {
        this.bulkCipher = Objects.requireNonNull(bulkCipher, "bulkCipher");
        this.mac = Objects.requireNonNull(mac, "mac");
        return this;
    }

    /** An AEAD cipher (AES-GCM, ChaCha20-Poly1305): it has no separate MAC. */
    public ConnectionStateBuilder cipher(BulkCipherAlgorithm aead) {
        return cipher(aead, MacAlgorithm.NULL);
    }

    /** The bulk cipher and MAC of a {@link CipherSpec} (a cipher suite's, for instance), encrypt-then-MAC included. */
    public ConnectionStateBuilder cipher(CipherSpec spec) {
        cipher(spec.bulkCipher(), spec.mac());
        this.encryptThenMac = spec.encryptThenMac();
        return this;
    }

    /** Encrypt-then-MAC (RFC 7366) for a block cipher under TLS, in place of MAC-then-encrypt. */
    public ConnectionStateBuilder encryptThenMac() {
        this.encryptThenMac = true;
        return this;
    }

    /** DEFLATE (RFC 3749) or null compression (the default). */
    public ConnectionStateBuilder compression(CompressionMethod compression) {
        this.compression = Objects.requireNonNull(compression, "compression");
        return this;
    }

    /** The MAC key: as long as the MAC's hash output (RFC 5246 §6.3, mac_key_length). */
    public ConnectionStateBuilder macKey(byte[] macKey) {
        this.macKey = macKey.clone();
        return this;
    }

    /** The encryption key: the cipher's key length (RFC 5246 §6.3, enc_key_length). */
    public ConnectionStateBuilder encryptionKey(byte[] encryptionKey) {
        this.encryptionKey = encryptionKey.clone();
        return this;
    }

    /**
     * The IV taken from the key block: the first CBC IV under SSL 3.0 and TLS 1.0, the 4-byte salt of
     * AES-GCM, the 12-byte IV of ChaCha20-Poly1305. TLS 1.1+ CBC takes none: each record carries its IV.
     */
    public ConnectionStateBuilder fixedIv(byte[] fixedIv) {
        this.fixedIv = fixedIv.clone();
        return this;
    }

    /** The three keys at once, as the handshake cuts them from the key block. */
    public ConnectionStateBuilder keys(TrafficKeys keys) {
        this.macKey = keys.macKey();
        this.encryptionKey = keys.encryptionKey();
        this.fixedIv = keys.fixedIv();
        return this;
    }

    /**
     * Draws every key the chosen cipher needs, each of the right length, from {@code random} (a
     * {@code DeterministicRandomSource} makes a lab reproducible): the MAC key, the encryption key, and
     * the fixed IV where this version and cipher take one. Call it after {@link #cipher}.
     */
    public ConnectionStateBuilder keysFrom(RandomSource random) {
        this.macKey = random.nextBytes(mac.macLength());
        this.encryptionKey = random.nextBytes(bulkCipher.keyLength());
        this.fixedIv = random.nextBytes(expectedFixedIvLength());
        return this;
    }

    /** The primitives (the default provider unless set). */
    public ConnectionStateBuilder crypto(CryptoProvider crypto) {
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        return this;
    }

    /** Where a writer draws TLS 1.1+ explicit CBC IVs (a {@link SecureRandomSource} unless set). */
    public ConnectionStateBuilder ivSource(RandomSource ivSource) {
        this.ivSource = Objects.requireNonNull(ivSource, "ivSource");
        return this;
    }

    /** The version these states protect records for; given once, in {@link #of}. */
    public ProtocolVersion version() {
        return version;
    }

    /** The cipher description the states use (checked: see {@link CipherSpec}). */
    public CipherSpec cipherSpec() {
        return new CipherSpec(bulkCipher, mac, encryptThenMac);
    }

    /** The state that seals records (our write direction), keys checked first. */
    public ConnectionState forWriting() {
        return build(true);
    }

    /** The state that opens records (our read direction), keys checked first. */
    public ConnectionState forReading() {
        return build(false);
    }

    private ConnectionState build(boolean forWriting) {
        CipherSpec spec = checkedSpec();
        TrafficKeys keys = checkedKeys();
        if (spec.equals(CipherSpec.NULL_WITH_NULL_NULL)) {
            return new ConnectionState(spec, RecordProtection.none(), compression.newState(forWriting));
        }
        RandomSource random = ivSource != null ? ivSource : forWriting ? new SecureRandomSource() : null;
        try {
            return ConnectionState.create(version, spec, keys, compression, forWriting, crypto, random);
        } finally {
            keys.wipe();
        }
    }

    private CipherSpec checkedSpec() {
        if (bulkCipher.type() == CipherType.AEAD && mac != MacAlgorithm.NULL) {
            throw new IllegalArgumentException(bulkCipher + " is an AEAD cipher: it authenticates the record itself"
                    + " and takes no separate MAC (RFC 5246 §6.2.3.3), not " + mac);
        }
        if (bulkCipher.type() == CipherType.AEAD && !version.isAtLeast(ProtocolVersion.TLS1_2)) {
            throw new IllegalArgumentException(bulkCipher + " needs TLS 1.2 (RFC 5246 §6.2.3.3, RFC 5288 §4), not "
                    + version.displayName());
        }
        if (bulkCipher.type() != CipherType.AEAD && bulkCipher != BulkCipherAlgorithm.NULL && mac == MacAlgorithm.NULL) {
            throw new IllegalArgumentException(bulkCipher + " records need a MAC (RFC 5246 §6.2.3.1, §6.2.3.2);"
                    + " only TLS_NULL_WITH_NULL_NULL goes without");
        }
        if (version.isSsl3() && mac != MacAlgorithm.NULL && mac != MacAlgorithm.HMAC_MD5 && mac != MacAlgorithm.HMAC_SHA1) {
            throw new IllegalArgumentException("SSL 3.0's MAC exists for MD5 and SHA-1 only (RFC 6101 §5.2.3.1), not " + mac);
        }
        if (encryptThenMac && (bulkCipher.type() != CipherType.BLOCK || version.isSsl3())) {
            throw new IllegalArgumentException("encrypt-then-MAC is for block ciphers under TLS (RFC 7366 §3), not "
                    + bulkCipher + " under " + version.displayName());
        }
        return cipherSpec();
    }

    private TrafficKeys checkedKeys() {
        byte[] mk = orEmptyIfNotNeeded(macKey, mac.macLength(), "MAC key", "macKey");
        byte[] key = orEmptyIfNotNeeded(encryptionKey, bulkCipher.keyLength(), "encryption key", "encryptionKey");
        checkLength(mk, mac.macLength(), "MAC key", mac + " (RFC 5246 §6.3: mac_key_length is the hash length)");
        checkLength(key, bulkCipher.keyLength(), "key", bulkCipher + " (RFC 5246 §6.3: enc_key_length)");
        int ivLength = expectedFixedIvLength();
        if (bulkCipher.type() == CipherType.BLOCK && version.hasExplicitIv() && fixedIv != null && fixedIv.length > 0) {
            throw new IllegalArgumentException("a fixed IV was given for " + bulkCipher + " under " + version.displayName()
                    + ", where every CBC record carries its own explicit IV (RFC 4346 §6.2.3.2): the key block has no IV"
                    + " from TLS 1.1 on, and this one would be ignored; give none");
        }
        byte[] iv = orEmptyIfNotNeeded(fixedIv, ivLength, "fixed IV", "fixedIv");
        checkLength(iv, ivLength, "fixed IV", bulkCipher + " under " + version.displayName() + ivRule());
        return new TrafficKeys(mk, key, iv);
    }

    /** fixed_iv_length for this version: none for stream ciphers and for TLS 1.1+ CBC. */
    private int expectedFixedIvLength() {
        if (bulkCipher.type() == CipherType.BLOCK && version.hasExplicitIv()) {
            return 0; // RFC 4346 §6.3: TLS 1.1 derives no CBC IV from the key block
        }
        return bulkCipher.fixedIvLength();
    }

    private String ivRule() {
        return switch (bulkCipher.type()) {
            case BLOCK -> " (RFC 2246 §6.3: the first CBC IV comes from the key block)";
            case AEAD -> bulkCipher == BulkCipherAlgorithm.CHACHA20_POLY1305
                    ? " (RFC 7905 §2: a 12-byte IV XORed with the sequence number)"
                    : " (RFC 5288 §3: a 4-byte salt; the other 8 nonce bytes travel in each record)";
            case STREAM -> " (a stream cipher has no IV)";
        };
    }

    private static byte[] orEmptyIfNotNeeded(byte[] given, int needed, String what, String setter) {
        if (given != null) {
            return given;
        }
        if (needed > 0) {
            throw new IllegalArgumentException("no " + what + " given: this cipher needs " + needed + " bytes; set it with "
                    + setter + "(...) or draw all keys with keysFrom(random)");
        }
        return new byte[0];
    }

    private static void checkLength(byte[] value, int expected, String what, String forWhat) {
        if (value.length != expected) {
            throw new IllegalArgumentException(expected == 0
                    ? "a " + what + " of " + value.length + " bytes was given, but " + forWhat + " takes none"
                    : forWhat + " takes a " + expected + "-byte " + what + ", not " + value.length);
        }
    }
}
