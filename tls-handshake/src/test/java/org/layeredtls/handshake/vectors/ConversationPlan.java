package org.layeredtls.handshake.vectors;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.layeredtls.vectors.Conversation.Role;

/**
 * What {@link ConversationRecorder} records: each entry one conversation file.
 *
 * @param name        the conversation's name
 * @param ours        the role LayeredTLS plays ({@code NONE}: OpenSSL on both ends)
 * @param version     TLS1_0 to TLS1_3
 * @param suite       the suite's IANA name
 * @param certificate what our side presents (or, for {@code NONE}, which server certificate)
 * @param clientAuth  {@code none} or {@code need}
 * @param group       TLS 1.3: the key_share group the handshake ends with (empty before 1.3)
 * @param keyUpdate   TLS 1.3: {@code none}, {@code ours} (our side requests a KeyUpdate before its data) or
 *                    {@code peer} (OpenSSL does, with s_server's / s_client's {@code K} command)
 * @param connections 1, or 2 for a resumption
 * @param clientArgs  extra {@code s_client} arguments
 * @param serverArgs  extra {@code s_server} arguments
 */
record ConversationPlan(String name, Role ours, String version, String suite, String certificate, String clientAuth,
                        String group, String keyUpdate, int connections, List<String> clientArgs, List<String> serverArgs) {

    /** A plan up to TLS 1.2 (no group, no KeyUpdate). */
    ConversationPlan(String name, Role ours, String version, String suite, String certificate, String clientAuth,
                     int connections, List<String> clientArgs, List<String> serverArgs) {
        this(name, ours, version, suite, certificate, clientAuth, "", "none", connections, clientArgs, serverArgs);
    }

    static final String CLOCK = "2026-06-01T12:00:00Z";

    static List<ConversationPlan> all() {
        List<ConversationPlan> plans = new ArrayList<>();
        List<String> legacySuites = List.of("TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
        List<String> tls12Suites = List.of("TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
        for (String version : List.of("TLS1_0", "TLS1_1", "TLS1_2")) {
            for (String suite : version.equals("TLS1_2") ? tls12Suites : legacySuites) {
                for (Role ours : List.of(Role.CLIENT, Role.SERVER)) {
                    plans.add(simple(ours, version, suite));
                }
            }
        }
        String gcm = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
        plans.add(new ConversationPlan("tls12-mutual-auth-our-client", Role.CLIENT, "TLS1_2", gcm, "client-rsa", "none",
                1, List.of(), List.of("-Verify", "1", "-CAfile", "ca.pem")));
        plans.add(new ConversationPlan("tls12-mutual-auth-our-server", Role.SERVER, "TLS1_2", gcm, "rsa", "need",
                1, List.of("-cert", "client-rsa.pem", "-key", "client-rsa.key"), List.of()));
        plans.add(new ConversationPlan("tls12-resumption-ticket-our-client", Role.CLIENT, "TLS1_2", gcm, "none", "none",
                2, List.of(), List.of()));
        plans.add(new ConversationPlan("tls12-resumption-session-id-our-server", Role.SERVER, "TLS1_2", gcm, "rsa",
                "none", 2, List.of(), List.of()));
        plans.add(new ConversationPlan("tls12-fragmented-handshake-our-server", Role.SERVER, "TLS1_2", gcm, "rsa",
                "none", 1, List.of("-split_send_frag", "1"), List.of()));
        plans.add(new ConversationPlan("tls10-fragmented-handshake-our-server", Role.SERVER, "TLS1_0",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "rsa", "none", 1, List.of("-split_send_frag", "1"), List.of()));
        // OpenSSL on both ends: only the key log opens these
        plans.add(openssl("openssl-tls10-aes128-sha-etm", "TLS1_0", "TLS_RSA_WITH_AES_128_CBC_SHA", "rsa", List.of()));
        plans.add(openssl("openssl-tls10-aes128-sha-no-etm", "TLS1_0", "TLS_RSA_WITH_AES_128_CBC_SHA", "rsa", List.of("-no_etm")));
        plans.add(openssl("openssl-tls11-ecdhe-rsa-aes128-sha-etm", "TLS1_1", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "rsa", List.of()));
        plans.add(openssl("openssl-tls11-dhe-rsa-aes128-sha-no-etm", "TLS1_1", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA", "rsa", List.of("-no_etm")));
        plans.add(openssl("openssl-tls12-aes128-sha256-etm", "TLS1_2", "TLS_RSA_WITH_AES_128_CBC_SHA256", "rsa", List.of()));
        plans.add(openssl("openssl-tls12-aes128-sha256-no-etm", "TLS1_2", "TLS_RSA_WITH_AES_128_CBC_SHA256", "rsa", List.of("-no_etm")));
        plans.add(openssl("openssl-tls12-ecdhe-rsa-aes128-gcm", "TLS1_2", gcm, "rsa", List.of()));
        plans.add(openssl("openssl-tls12-ecdhe-rsa-aes256-gcm-sha384", "TLS1_2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "rsa", List.of()));
        plans.add(openssl("openssl-tls12-ecdhe-ecdsa-chacha20", "TLS1_2", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "ec", List.of()));
        plans.add(openssl("openssl-tls12-ecdhe-rsa-chacha20", "TLS1_2", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "rsa", List.of()));
        plans.addAll(tls13());
        return plans;
    }

    /**
     * TLS 1.3 (RFC 8446) against {@code s_server -tls1_3} / {@code s_client -tls1_3}, both roles: the three AEAD
     * suites over x25519, a HelloRetryRequest (s_server {@code -groups P-256} against our x25519 share; our server
     * taking P-256 only against s_client's x25519 share), PSK resumption (psk_dhe_ke, by a ticket of the first
     * connection), mutual authentication (RSA client certificate, RSA-PSS CertificateVerify), and KeyUpdate with
     * update_requested sent by either side. OpenSSL's {@code -keylogfile} gives each connection's secrets.
     */
    static List<ConversationPlan> tls13() {
        List<ConversationPlan> plans = new ArrayList<>();
        String aes128 = "TLS_AES_128_GCM_SHA256";
        for (String suite : List.of(aes128, "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256")) {
            for (Role ours : List.of(Role.CLIENT, Role.SERVER)) {
                String name = "tls13-" + suite.substring(4).toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-our-" + ours.key();
                plans.add(tls13(name, ours, suite, "none", "x25519", "none", 1, List.of(), List.of()));
            }
        }
        plans.add(tls13("tls13-hrr-our-client", Role.CLIENT, aes128, "none", "secp256r1", "none", 1, List.of(),
                List.of("-groups", "P-256")));
        plans.add(tls13("tls13-hrr-our-server", Role.SERVER, aes128, "none", "secp256r1", "none", 1, List.of(), List.of()));
        plans.add(tls13("tls13-resumption-our-client", Role.CLIENT, aes128, "none", "x25519", "none", 2, List.of(), List.of()));
        plans.add(tls13("tls13-resumption-our-server", Role.SERVER, aes128, "none", "x25519", "none", 2, List.of(), List.of()));
        plans.add(tls13("tls13-mutual-auth-our-client", Role.CLIENT, aes128, "none", "x25519", "none", 1, List.of(),
                List.of("-Verify", "1", "-CAfile", "ca.pem")).withCertificate("client-rsa"));
        plans.add(tls13("tls13-mutual-auth-our-server", Role.SERVER, aes128, "need", "x25519", "none", 1,
                List.of("-cert", "client-rsa.pem", "-key", "client-rsa.key"), List.of()));
        // OpenSSL on both ends: only OpenSSL's key log opens these
        plans.add(tls13("openssl-tls13-aes-128-gcm-sha256", Role.NONE, aes128, "none", "x25519", "none", 1, List.of(), List.of()));
        plans.add(tls13("openssl-tls13-hrr-aes-256-gcm-sha384", Role.NONE, "TLS_AES_256_GCM_SHA384", "none", "secp384r1", "none",
                1, List.of(), List.of("-groups", "P-384")));
        for (Role ours : List.of(Role.CLIENT, Role.SERVER)) {
            for (String who : List.of("ours", "peer")) {
                plans.add(tls13("tls13-key-update-" + who + "-our-" + ours.key(), ours, aes128, "none", "x25519", who, 1,
                        List.of(), List.of()));
            }
        }
        return plans;
    }

    private static ConversationPlan tls13(String name, Role ours, String suite, String clientAuth, String group,
                                          String keyUpdate, int connections, List<String> clientArgs, List<String> serverArgs) {
        return new ConversationPlan(name, ours, "TLS1_3", suite, ours == Role.CLIENT ? "none" : "rsa", clientAuth, group,
                keyUpdate, connections, clientArgs, serverArgs);
    }

    private ConversationPlan withCertificate(String ourCertificate) {
        return new ConversationPlan(name, ours, version, suite, ourCertificate, clientAuth, group, keyUpdate, connections,
                clientArgs, serverArgs);
    }

    private static ConversationPlan simple(Role ours, String version, String suite) {
        String name = version.toLowerCase(java.util.Locale.ROOT).replace("_", "") + "-"
                + suite.substring(4).toLowerCase(java.util.Locale.ROOT).replace("_with_", "-").replace('_', '-')
                + "-our-" + ours.key();
        String certificate = ours == Role.CLIENT ? "none" : suite.contains("ECDSA") ? "ec" : "rsa";
        return new ConversationPlan(name, ours, version, suite, certificate, "none", 1, List.of(), List.of());
    }

    private static ConversationPlan openssl(String name, String version, String suite, String certificate,
                                            List<String> clientArgs) {
        return new ConversationPlan(name, Role.NONE, version, suite, certificate, "none", 1, clientArgs, List.of());
    }

    /** The application data the client sends on connection {@code index}: an HTTP request, about 300 bytes. */
    static byte[] clientData(String name, int index) {
        StringBuilder s = new StringBuilder("GET /conversations/" + name + "/" + index + " HTTP/1.1\r\n"
                + "Host: localhost\r\nUser-Agent: LayeredTLS reference conversation\r\n");
        for (int i = 0; s.length() < 260; i++) {
            s.append("X-Filler-").append(i).append(": the quick brown fox jumps over the lazy dog\r\n");
        }
        s.append("X-End: ").append(clientMarker(name, index)).append("\r\n\r\n");
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The application data the server answers with: an HTTP response, about 400 bytes. */
    static byte[] serverData(String name, int index) {
        StringBuilder s = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n");
        for (int i = 0; s.length() < 360; i++) {
            s.append("line ").append(i).append(" of the answer to ").append(name).append('\n');
        }
        s.append(serverMarker(name, index)).append('\n');
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static String clientMarker(String name, int index) {
        return "end-of-request-" + name + "-" + index;
    }

    static String serverMarker(String name, int index) {
        return "end-of-answer-" + name + "-" + index;
    }
}
