package org.layeredtls.handshake.cert;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

/**
 * A certificate, a key or a PEM file that cannot be read. It is a checked exception (an
 * {@link java.io.IOException} through {@link TlsAlertException}) and carries the alert to send
 * when the bytes came off the wire: {@code bad_certificate} (RFC 5246 §7.2.2: "a certificate was
 * corrupt"), or {@code unsupported_certificate} for a well-formed certificate whose key type the
 * stack does not implement. Every parser of this package raises only this exception.
 */
public class CertificateParseException extends TlsAlertException {

    private static final long serialVersionUID = 1L;

    public CertificateParseException(String reason) {
        this(AlertDescription.BAD_CERTIFICATE, reason, null);
    }

    public CertificateParseException(String reason, Throwable cause) {
        this(AlertDescription.BAD_CERTIFICATE, reason, cause);
    }

    public CertificateParseException(AlertDescription description, String reason, Throwable cause) {
        super(description, TlsLayer.HANDSHAKE, reason, cause);
    }
}
