package org.layeredtls.record;

/**
 * A protocol version as it appears on the wire: two bytes, major and minor (RFC 5246 §6.2.1).
 * SSL 3.0 is {3,0}; TLS 1.0, 1.1, 1.2 and 1.3 are {3,1}, {3,2}, {3,3} and {3,4}. Versions this stack
 * does not speak can still be carried (a ClientHello may offer {3,5}), so this is a value, not an enum.
 */
public record ProtocolVersion(int major, int minor) implements Comparable<ProtocolVersion> {

    public static final ProtocolVersion SSL3_0 = new ProtocolVersion(3, 0);
    public static final ProtocolVersion TLS1_0 = new ProtocolVersion(3, 1);
    public static final ProtocolVersion TLS1_1 = new ProtocolVersion(3, 2);
    public static final ProtocolVersion TLS1_2 = new ProtocolVersion(3, 3);
    public static final ProtocolVersion TLS1_3 = new ProtocolVersion(3, 4);

    public ProtocolVersion {
        if (major < 0 || major > 255 || minor < 0 || minor > 255) {
            throw new IllegalArgumentException("a version is two bytes: " + major + "." + minor);
        }
    }

    /** The version for its 16-bit wire value, such as 0x0303 for TLS 1.2. */
    public static ProtocolVersion fromCode(int code) {
        return new ProtocolVersion((code >>> 8) & 0xFF, code & 0xFF);
    }

    /** The 16-bit wire value. */
    public int code() {
        return (major << 8) | minor;
    }

    /** SSL 3.0: its own MAC, its own padding rule, no version in the MAC. */
    public boolean isSsl3() {
        return equals(SSL3_0);
    }

    /** From TLS 1.1 on, each CBC record carries its own explicit IV (RFC 4346 §6.2.3.2). */
    public boolean hasExplicitIv() {
        return compareTo(TLS1_1) >= 0;
    }

    public boolean isAtLeast(ProtocolVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(ProtocolVersion other) {
        return Integer.compare(code(), other.code());
    }

    /** The name people use: "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2" (as OpenSSL prints them). */
    public String displayName() {
        if (major == 3) {
            switch (minor) {
                case 0: return "SSLv3";
                case 1: return "TLSv1";
                case 2: return "TLSv1.1";
                case 3: return "TLSv1.2";
                case 4: return "TLSv1.3";
                default: break;
            }
        }
        return String.format("0x%04x", code());
    }

    @Override
    public String toString() {
        return displayName() + " (" + major + "," + minor + ")";
    }
}
