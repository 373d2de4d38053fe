package org.layeredtls.handshake.api;

import java.util.List;

import org.layeredtls.crypto.EcPrivateKey;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.crypto.RsaPrivateKey;
import org.layeredtls.handshake.cert.Certificate;

/** A certificate chain (leaf first) and the private key of its leaf. */
public record CertifiedKey(List<Certificate> chain, PrivateKey privateKey) {

    public CertifiedKey {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certified key needs at least its leaf certificate");
        }
    }

    public Certificate leaf() {
        return chain.get(0);
    }

    public boolean isRsa() {
        return privateKey instanceof RsaPrivateKey;
    }

    public boolean isEc() {
        return privateKey instanceof EcPrivateKey;
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "CertifiedKey[" + leaf().subject() + ", " + (isRsa() ? "RSA" : "EC") + "]";
    }
}
