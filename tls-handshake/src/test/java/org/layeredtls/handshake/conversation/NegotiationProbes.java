package org.layeredtls.handshake.conversation;

import static org.layeredtls.alert.AlertDescription.DECODE_ERROR;
import static org.layeredtls.alert.AlertDescription.HANDSHAKE_FAILURE;
import static org.layeredtls.alert.AlertDescription.ILLEGAL_PARAMETER;
import static org.layeredtls.alert.AlertDescription.INAPPROPRIATE_FALLBACK;
import static org.layeredtls.alert.AlertDescription.PROTOCOL_VERSION;
import static org.layeredtls.handshake.conversation.Reaction.fatal;
import static org.layeredtls.handshake.conversation.Reaction.serverFlight;

import java.util.List;

import org.layeredtls.alert.AlertDescription;

import org.layeredtls.handshake.suite.CipherSuite;

/** Version and cipher suite negotiation edge cases (RFC 5246 §7.4.1.2, Appendix E.1; RFC 7507). */
final class NegotiationProbes {

    static final String CATEGORY = "Version and suite negotiation";

    private NegotiationProbes() {
    }

    private static Probe.Script hello(String name, ClientHelloTemplate hello) {
        return target -> Conversation.named(name).send(hello);
    }

    static List<Probe> all() {
        return List.of(
                Probe.same(CATEGORY, "client_version {3,4} without supported_versions: TLS 1.2 is chosen",
                        hello("version 3.4", Messages.clientHello().clientVersion(0x0304)), serverFlight()),
                Probe.same(CATEGORY, "client_version {4,0}: the highest common version, TLS 1.2, is chosen",
                        hello("version 4.0", Messages.clientHello().clientVersion(0x0400)), serverFlight()),
                Probe.differ(CATEGORY, "client_version {3,0} (SSL 3.0, disabled)",
                        hello("ssl3", Messages.clientHello().clientVersion(0x0300)), fatal(HANDSHAKE_FAILURE),
                        fatal(PROTOCOL_VERSION), "OpenSSL here is built without SSL 3.0 and answers handshake_failure; "
                                + "RFC 5246 Appendix E.1 names protocol_version, which LayeredTLS sends"),
                Probe.differ(CATEGORY, "client_version {3,1} (TLS 1.0, disabled by default)",
                        hello("tls1.0", Messages.clientHello().clientVersion(0x0301)), fatal(AlertDescription.INTERNAL_ERROR),
                        fatal(PROTOCOL_VERSION), "OpenSSL 3.0 accepts the version, then its security level allows no "
                                + "signature for TLS 1.0's MD5+SHA-1 ServerKeyExchange (\"no suitable signature "
                                + "algorithm\"): internal_error. LayeredTLS refuses the version itself (protocol_version, "
                                + "RFC 5246 Appendix E.1)"),
                Probe.same(CATEGORY, "client_version {2,0}",
                        hello("version 2.0", Messages.clientHello().clientVersion(0x0200)), fatal(PROTOCOL_VERSION)),
                Probe.same(CATEGORY, "no suite in common (RC4-SHA only)",
                        hello("no common suite", Messages.clientHello().cipherSuites(0x0005)), fatal(HANDSHAKE_FAILURE)),
                Probe.same(CATEGORY, "only unknown suite codes",
                        hello("unknown suites", Messages.clientHello().cipherSuites(0xFEFE, 0x1234)),
                        fatal(HANDSHAKE_FAILURE)),
                Probe.same(CATEGORY, "only TLS_EMPTY_RENEGOTIATION_INFO_SCSV",
                        hello("scsv only", Messages.clientHello().cipherSuites(0x00FF)), fatal(HANDSHAKE_FAILURE)),
                Probe.differ(CATEGORY, "TLS_FALLBACK_SCSV with client_version {3,2} (RFC 7507)",
                        hello("fallback scsv", Messages.clientHello().clientVersion(0x0302).cipherSuites(
                                CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA.code(), 0x5600)),
                        fatal(INAPPROPRIATE_FALLBACK), fatal(PROTOCOL_VERSION), "LayeredTLS checks the version "
                                + "first: TLS 1.1 is disabled at the default security level, so it answers protocol_version. "
                                + "RFC 7507 §3 allows exactly that: inappropriate_fallback \"unless it responds with a fatal "
                                + "protocol_version alert because the version indicated in ClientHello.client_version is "
                                + "unsupported\"; OpenSSL looks at the SCSV first. Both are right"),
                Probe.same(CATEGORY, "cipher_suites length field odd (3)",
                        hello("odd suites length", Messages.clientHello().cipherSuitesLength(3)), fatal(DECODE_ERROR)),
                Probe.differ(CATEGORY, "empty cipher_suites",
                        hello("no suites", Messages.clientHello().cipherSuites(new Integer[0])), fatal(ILLEGAL_PARAMETER),
                        fatal(DECODE_ERROR), "cipher_suites<2..2^16-2> cannot be empty: a vector out of its bounds is "
                                + "decode_error (RFC 5246 §7.2.2), LayeredTLS's answer; OpenSSL treats it as a bad value"),
                Probe.differ(CATEGORY, "compression_methods without null (DEFLATE only)",
                        hello("no null compression", Messages.clientHello().compressionMethods(1)),
                        fatal(DECODE_ERROR), fatal(ILLEGAL_PARAMETER), "RFC 5246 §7.4.1.2: the list MUST contain null; "
                                + "no alert is named. OpenSSL says decode_error, LayeredTLS illegal_parameter (a field "
                                + "value out of range, §7.2.2)"),
                Probe.same(CATEGORY, "session_id length byte 33",
                        hello("session id 33", Messages.clientHello().sessionIdLength(33)), fatal(DECODE_ERROR)));
    }
}
