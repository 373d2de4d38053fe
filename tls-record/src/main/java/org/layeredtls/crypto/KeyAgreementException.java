package org.layeredtls.crypto;

/**
 * A key agreement refused its input: a peer's public value that is not a valid group element (an
 * EC point off the curve or in a form we do not take, a DH value outside 1 &lt; Y &lt; p-1) or one
 * that gives a degenerate shared secret (X25519's all-zero output, DH's Z = 1). The protocol turns
 * it into the alert its RFC names; the crypto seam only says that the input was refused, and why.
 */
public final class KeyAgreementException extends Exception {

    private static final long serialVersionUID = 1L;

    public KeyAgreementException(String reason) {
        super(reason);
    }

    public KeyAgreementException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
