package org.layeredtls.handshake.cert;

/** Object identifiers of the extendedKeyUsage extension (RFC 5280 §4.2.1.12). */
public final class ExtendedKeyUsage {

    /** id-kp-serverAuth: TLS WWW server authentication. */
    public static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    /** id-kp-clientAuth: TLS WWW client authentication. */
    public static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    /** anyExtendedKeyUsage. */
    public static final String ANY = "2.5.29.37.0";

    private ExtendedKeyUsage() {
    }
}
