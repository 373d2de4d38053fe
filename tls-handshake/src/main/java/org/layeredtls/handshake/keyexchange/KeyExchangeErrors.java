package org.layeredtls.handshake.keyexchange;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

/** The alerts this package raises, all from the handshake layer. */
final class KeyExchangeErrors {

    private KeyExchangeErrors() {
    }

    /** RFC 5246 §7.2.2: "A field in the handshake was out of range or inconsistent with other fields." */
    static TlsAlertException illegalParameter(String reason) {
        return new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, TlsLayer.HANDSHAKE, reason);
    }

    static TlsAlertException illegalParameter(String reason, Throwable cause) {
        return new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, TlsLayer.HANDSHAKE, reason, cause);
    }

    /** RFC 5246 §7.2.2: "... including being unable to correctly verify a signature". */
    static TlsAlertException decryptError(String reason) {
        return new TlsAlertException(AlertDescription.DECRYPT_ERROR, TlsLayer.HANDSHAKE, reason);
    }

    /** RFC 5246 §7.2.2: no acceptable set of security parameters. */
    static TlsAlertException handshakeFailure(String reason) {
        return new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, TlsLayer.HANDSHAKE, reason);
    }
}
