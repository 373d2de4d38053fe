package org.layeredtls.record;

import java.util.Optional;

/**
 * The compression methods (RFC 5246 §6.2.2, RFC 3749): {@code null} (0) and {@code DEFLATE} (1).
 *
 * <p>DEFLATE is off by default everywhere in LayeredTLS. Compressing secrets together with
 * attacker-chosen data leaks the secrets through the record lengths: the CRIME attack (2012)
 * recovered HTTPS session cookies this way, which is why TLS 1.3 removed compression altogether.
 * It exists here so that a course can show the layer and the attack.
 */
public enum CompressionMethod {
    NULL(0),
    DEFLATE(1);

    private final int code;

    CompressionMethod(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The method for a wire byte, or empty for one this stack does not implement (a hello may offer it). */
    public static Optional<CompressionMethod> fromCode(int code) {
        return switch (code) {
            case 0 -> Optional.of(NULL);
            case 1 -> Optional.of(DEFLATE);
            default -> Optional.empty();
        };
    }

    /** A new compression state for one direction: the compressor when writing, the decompressor when reading. */
    public Compression newState(boolean forWriting) {
        return switch (this) {
            case NULL -> NullCompression.INSTANCE;
            case DEFLATE -> forWriting ? new DeflateCompression.Compressor() : new DeflateCompression.Decompressor();
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
