package org.layeredtls.crypto;

import org.layeredtls.crypto.jdk.JdkCrypto;

/**
 * The implementations that can sit behind the {@link CryptoProvider} seam, by name: BouncyCastle's
 * lightweight API (the default, as the design says) or the JDK's {@code javax.crypto} and
 * {@code java.security} primitives, whose AES-GCM, AES-CBC, GHASH and SHA run on the CPU's
 * AES-NI/CLMUL/SHA instructions through HotSpot intrinsics.
 */
public enum CryptoBackend {
    BOUNCY_CASTLE("bc"),
    JDK("jdk");

    private final String shortName;

    CryptoBackend(String shortName) {
        this.shortName = shortName;
    }

    /** The name the command line takes ({@code -crypto bc|jdk}). */
    public String shortName() {
        return shortName;
    }

    /** The symmetric primitives and hashes of this backend. */
    public CryptoProvider provider() {
        return switch (this) {
            case BOUNCY_CASTLE -> BouncyCastleCrypto.INSTANCE;
            case JDK -> JdkCrypto.INSTANCE;
        };
    }

    /** The backend a short name ({@code bc}, {@code jdk}) names. */
    public static CryptoBackend fromShortName(String name) {
        for (CryptoBackend backend : values()) {
            if (backend.shortName.equalsIgnoreCase(name)) {
                return backend;
            }
        }
        throw new IllegalArgumentException("unknown crypto backend '" + name + "' (bc or jdk)");
    }
}
