package org.layeredtls.handshake.api;

/**
 * Whether a TLS 1.3 server puts a cookie in its HelloRetryRequest (RFC 8446 §4.2.2, §4.4.1): the cookie
 * carries, under the server's HMAC, what it must remember between the two ClientHellos — the hash of
 * ClientHello1 (the message_hash that stands for it in the transcript), the suite and the group it chose —
 * so that it could forget the connection after the HelloRetryRequest and rebuild the transcript from the
 * second ClientHello alone. The client echoes the cookie unchanged.
 */
public enum HelloRetryCookie {
    /** No cookie (the default, as OpenSSL): the server keeps ClientHello1's hash itself. */
    OFF,
    /** Each HelloRetryRequest the server sends anyway (a group it wants a share for) carries a cookie. */
    ON_RETRY,
    /**
     * Every first ClientHello is answered with a HelloRetryRequest and a cookie, even when its key share
     * would do (OpenSSL's {@code s_server -stateless}, "Require TLSv1.3 cookies"): what a server under a
     * flood of spoofed ClientHellos does to keep no state until the client has shown it receives.
     */
    STATELESS
}
