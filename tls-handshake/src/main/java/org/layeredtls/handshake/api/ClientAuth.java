package org.layeredtls.handshake.api;

/** Whether a server asks for a client certificate (RFC 5246 §7.4.4), as OpenSSL's -verify / -Verify. */
public enum ClientAuth {
    /** No CertificateRequest is sent. */
    NONE,
    /** A certificate is asked for; a client without one may go on unauthenticated ({@code -verify}). */
    WANT,
    /** A certificate is required; a client without one is refused with handshake_failure ({@code -Verify}). */
    NEED
}
