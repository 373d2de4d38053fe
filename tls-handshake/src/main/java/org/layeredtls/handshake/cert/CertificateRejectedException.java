package org.layeredtls.handshake.cert;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

/** A chain refused by {@link CertificateValidator}: the alert to send, and OpenSSL's verify error for it. */
public final class CertificateRejectedException extends TlsAlertException {

    private static final long serialVersionUID = 1L;

    private final transient VerificationError error;

    public CertificateRejectedException(VerificationError error, String reason) {
        super(error.alert(), TlsLayer.HANDSHAKE, reason);
        this.error = error;
    }

    /** Why, as {@code openssl verify} and {@code s_client} name it. */
    public VerificationError error() {
        return error;
    }
}
