package org.layeredtls.handshake.cert;

import java.util.Set;

/**
 * What the peer's certificate is validated for: a TLS server (checked by a client) or a TLS
 * client (checked by a server). Each purpose names its extendedKeyUsage OID (RFC 5280 §4.2.1.12)
 * and the keyUsage bits of which the leaf needs at least one, as OpenSSL's purpose checks do
 * (RFC 5246 §7.4.2: the key must be usable for the negotiated key exchange).
 */
public enum Purpose {
    SERVER_AUTH(ExtendedKeyUsage.SERVER_AUTH,
            Set.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT, KeyUsage.KEY_AGREEMENT)),
    CLIENT_AUTH(ExtendedKeyUsage.CLIENT_AUTH, Set.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_AGREEMENT));

    private final String extendedKeyUsage;
    private final Set<KeyUsage> leafKeyUsages;

    Purpose(String extendedKeyUsage, Set<KeyUsage> leafKeyUsages) {
        this.extendedKeyUsage = extendedKeyUsage;
        this.leafKeyUsages = leafKeyUsages;
    }

    /** The extendedKeyUsage OID that a leaf with that extension must list. */
    public String extendedKeyUsage() {
        return extendedKeyUsage;
    }

    /** The keyUsage bits of which a leaf with that extension needs at least one. */
    public Set<KeyUsage> leafKeyUsages() {
        return leafKeyUsages;
    }
}
