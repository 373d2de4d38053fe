package org.layeredtls.handshake.message;

/**
 * The largest body each handshake message may have, so that the {@link HandshakeReassembler} can
 * refuse an oversized message from its 4-byte header, before buffering it, without refusing
 * anything a legal peer can send. The bounds follow from the vectors' length ranges in RFC 5246
 * §7.4 (and RFC 5077 §3.3); OpenSSL bounds the same messages the same way
 * ({@code ossl_statem_server_max_message_size}: {@code CLIENT_HELLO_MAX_LENGTH} = 131,396).
 * The one bound that is a policy, not a consequence of the RFC, is the Certificate message's:
 * a chain may legally reach 2^24-1 bytes, and OpenSSL caps it at {@code max_cert_list}
 * (100 KiB by default); {@code TlsConfig.maxCertificateList} sets it here.
 *
 * <p>A message whose legal maximum is smaller than one record's plaintext (2^14 bytes) is given
 * 2^14: buffering that much costs no more than one record, and the message's own decoder then
 * names the precise error ({@code decode_error}) for a body of the wrong length.
 */
public final class HandshakeMessageLimits {

    /** OpenSSL's default {@code max_cert_list} ({@code SSL_MAX_CERT_LIST_DEFAULT}): 100 KiB. */
    public static final int DEFAULT_MAX_CERTIFICATE_LIST = 100 * 1024;

    /**
     * RFC 5246 §7.4.1.2: client_version (2) + random (32) + session_id&lt;0..32&gt; (1+32) +
     * cipher_suites&lt;2..2^16-2&gt; (2+65534) + compression_methods&lt;1..2^8-1&gt; (1+255) +
     * extensions&lt;0..2^16-1&gt; (2+65535) = 131,396 bytes.
     */
    public static final int CLIENT_HELLO_MAX = 2 + 32 + (1 + 32) + (2 + 65534) + (1 + 255) + (2 + 65535);

    /** RFC 5246 §7.4.1.3: version, random, session_id, cipher_suite, compression_method, extensions. */
    public static final int SERVER_HELLO_MAX = 2 + 32 + (1 + 32) + 2 + 1 + (2 + 65535);

    /**
     * The larger of the two NewSessionTickets: RFC 5077 §3.3's (ticket_lifetime_hint (4) +
     * ticket&lt;0..2^16-1&gt;) and RFC 8446 §4.6.1's: ticket_lifetime (4) + ticket_age_add (4) +
     * ticket_nonce&lt;0..255&gt; + ticket&lt;1..2^16-1&gt; + extensions&lt;0..2^16-2&gt; = 131,333 bytes.
     */
    public static final int NEW_SESSION_TICKET_MAX = 4 + 4 + (1 + 255) + (2 + 65535) + (2 + 65534);

    /** RFC 8446 §4.3.1: extensions&lt;0..2^16-1&gt;. */
    public static final int ENCRYPTED_EXTENSIONS_MAX = 2 + 65535;

    /**
     * RFC 5246 §7.4.3: ServerDHParams (dh_p, dh_g, dh_Ys, each &lt;1..2^16-1&gt;) followed by a
     * digitally-signed signature (2 bytes of algorithms + &lt;0..2^16-1&gt;): the largest key exchange.
     */
    public static final int SERVER_KEY_EXCHANGE_MAX = 3 * (2 + 65535) + 2 + (2 + 65535);

    /**
     * RFC 5246 §7.4.4: certificate_types&lt;1..2^8-1&gt; + supported_signature_algorithms&lt;2..2^16-2&gt;
     * + certificate_authorities&lt;0..2^16-1&gt;; larger than TLS 1.3's (RFC 8446 §4.3.2:
     * certificate_request_context&lt;0..2^8-1&gt; + extensions&lt;2..2^16-1&gt;).
     */
    public static final int CERTIFICATE_REQUEST_MAX = (1 + 255) + (2 + 65534) + (2 + 65535);

    /** RFC 5246 §7.4.8: a digitally-signed struct (2 bytes of algorithms + &lt;0..2^16-1&gt;). */
    public static final int CERTIFICATE_VERIFY_MAX = 2 + (2 + 65535);

    /** RFC 5246 §7.4.7: EncryptedPreMasterSecret or ClientDiffieHellmanPublic, each &lt;0..2^16-1&gt;. */
    public static final int CLIENT_KEY_EXCHANGE_MAX = 2 + 65535;

    /** One record's plaintext (RFC 5246 §6.2.1): the least bound any message gets. */
    static final int SMALLEST_BOUND = 1 << 14;

    private HandshakeMessageLimits() {
    }

    /** The largest body accepted for {@code type}, with Certificate bodies capped at {@code maxCertificateList}. */
    public static int maxBodyLength(HandshakeType type, int maxCertificateList) {
        int legal = switch (type) {
            case CLIENT_HELLO -> CLIENT_HELLO_MAX;
            case SERVER_HELLO -> SERVER_HELLO_MAX;
            case NEW_SESSION_TICKET -> NEW_SESSION_TICKET_MAX;
            case ENCRYPTED_EXTENSIONS -> ENCRYPTED_EXTENSIONS_MAX;
            case CERTIFICATE -> maxCertificateList;
            case SERVER_KEY_EXCHANGE -> SERVER_KEY_EXCHANGE_MAX;
            case CERTIFICATE_REQUEST -> CERTIFICATE_REQUEST_MAX;
            case CERTIFICATE_VERIFY -> CERTIFICATE_VERIFY_MAX;
            case CLIENT_KEY_EXCHANGE -> CLIENT_KEY_EXCHANGE_MAX;
            default -> 0; // hello_request, server_hello_done, finished, key_update, end_of_early_data: a few bytes at most
        };
        return type == HandshakeType.CERTIFICATE ? legal : Math.max(legal, SMALLEST_BOUND);
    }
}
