package org.layeredtls.handshake.extension;

import java.util.Optional;

/** The EC point formats (RFC 8422 §5.1.2); only {@code uncompressed} is still in use. */
public enum EcPointFormat {
    UNCOMPRESSED(0, "uncompressed"),
    ANSIX962_COMPRESSED_PRIME(1, "ansiX962_compressed_prime"),
    ANSIX962_COMPRESSED_CHAR2(2, "ansiX962_compressed_char2");

    private final int code;
    private final String rfcName;

    EcPointFormat(int code, String rfcName) {
        this.code = code;
        this.rfcName = rfcName;
    }

    /** The format for a wire code, if this stack knows it. */
    public static Optional<EcPointFormat> fromCode(int code) {
        for (EcPointFormat format : values()) {
            if (format.code == code) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    public int code() {
        return code;
    }

    public String rfcName() {
        return rfcName;
    }
}
