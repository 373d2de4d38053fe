package org.layeredtls.handshake.api;

/**
 * What became of TLS 1.3 0-RTT data on a connection (RFC 8446 §4.2.10), as OpenSSL's
 * {@code SSL_get_early_data_status}. A client whose early data was {@link #REJECTED} must send it again
 * as ordinary application data if it still wants it delivered.
 */
public enum EarlyDataStatus {
    /** No early data was offered (none to send, no ticket allowing it, or the server was not asked). */
    NOT_SENT,
    /** The server took the early data: a client's arrived; a server reads it with {@code readEarlyData}. */
    ACCEPTED,
    /** The server refused the early data: it was not delivered. */
    REJECTED
}
