package org.layeredtls.handshake.conversation;

import static org.layeredtls.alert.AlertDescription.DECODE_ERROR;
import static org.layeredtls.alert.AlertDescription.HANDSHAKE_FAILURE;
import static org.layeredtls.alert.AlertDescription.ILLEGAL_PARAMETER;
import static org.layeredtls.handshake.conversation.Reaction.fatal;
import static org.layeredtls.handshake.conversation.Reaction.serverFlight;
import static org.layeredtls.handshake.conversation.Scripts.hex;

import java.util.List;

import org.layeredtls.handshake.extension.ExtensionType;

/** Extension abuse (RFC 5246 §7.4.1.4): unknown, duplicated, malformed and oversized extensions. */
final class ExtensionProbes {

    static final String CATEGORY = "Extension abuse";
    private static final int UNKNOWN = 0xFAFA;

    private ExtensionProbes() {
    }

    private static Probe.Script hello(String name, ClientHelloTemplate hello) {
        return target -> Conversation.named(name).send(hello);
    }

    static List<Probe> all() {
        return List.of(
                Probe.same(CATEGORY, "an unknown extension (0xFAFA, empty): ignored",
                        hello("unknown extension", Messages.clientHello().extension(UNKNOWN, new byte[0])), serverFlight()),
                Probe.same(CATEGORY, "supported_groups twice",
                        hello("duplicate groups", Messages.clientHello().extension(ExtensionType.SUPPORTED_GROUPS.code(),
                                hex("0002001d"))), fatal(ILLEGAL_PARAMETER)),
                Probe.differ(CATEGORY, "an unknown extension twice",
                        hello("duplicate unknown", Messages.clientHello().extension(UNKNOWN, new byte[0])
                                .extension(UNKNOWN, new byte[0])), serverFlight(), fatal(ILLEGAL_PARAMETER),
                        "RFC 5246 §7.4.1.4: no two extensions of the same type. OpenSSL only checks the types it "
                                + "knows; LayeredTLS checks every type"),
                Probe.same(CATEGORY, "supported_groups with an odd list length",
                        hello("odd groups", Messages.clientHello().replaceExtension(ExtensionType.SUPPORTED_GROUPS.code(),
                                hex("0003001d00"))), fatal(DECODE_ERROR)),
                Probe.same(CATEGORY, "an extension's length field past the end of the block",
                        hello("extension overruns", Messages.clientHello().extensionWithLength(UNKNOWN, new byte[0], 10)),
                        fatal(DECODE_ERROR)),
                Probe.same(CATEGORY, "the extensions block length field says 1",
                        hello("block short", Messages.clientHello().extensionsLength(1)),
                        fatal(DECODE_ERROR)),
                Probe.same(CATEGORY, "an unknown extension of 16,000 bytes (ClientHello over two records)",
                        hello("oversized extension", Messages.clientHello().extension(UNKNOWN, new byte[16_000])),
                        serverFlight()),
                Probe.same(CATEGORY, "renegotiation_info not empty on the first handshake (RFC 5746 §3.6)",
                        hello("non-empty renegotiation_info", Messages.clientHello().replaceExtension(
                                ExtensionType.RENEGOTIATION_INFO.code(), hex("0c000102030405060708090a0b"))),
                        fatal(HANDSHAKE_FAILURE)),
                Probe.differ(CATEGORY, "ec_point_formats without uncompressed (RFC 8422 §5.1.2)",
                        hello("no uncompressed point format", Messages.clientHello().replaceExtension(
                                ExtensionType.EC_POINT_FORMATS.code(), hex("0101"))), serverFlight(),
                        fatal(ILLEGAL_PARAMETER), "RFC 8422 §5.1.2: the list MUST contain uncompressed; OpenSSL goes "
                                + "on (it sends uncompressed points anyway), LayeredTLS refuses the malformed offer"),
                Probe.same(CATEGORY, "signature_algorithms with an empty list",
                        hello("empty signature_algorithms", Messages.clientHello().replaceExtension(
                                ExtensionType.SIGNATURE_ALGORITHMS.code(), hex("0000"))), fatal(DECODE_ERROR)),
                Probe.same(CATEGORY, "server_name whose list length lies",
                        hello("bad server_name", Messages.clientHello().replaceExtension(ExtensionType.SERVER_NAME.code(),
                                hex("00ff00000474657374"))), fatal(DECODE_ERROR)),
                Probe.same(CATEGORY, "extended_master_secret with a body (RFC 7627 §5.1: empty)",
                        hello("ems with data", Messages.clientHello().replaceExtension(
                                ExtensionType.EXTENDED_MASTER_SECRET.code(), hex("00"))), fatal(DECODE_ERROR)),
                Probe.same(CATEGORY, "a byte after the extensions block",
                        hello("trailing byte", Messages.clientHello().trailing(hex("00"))), fatal(DECODE_ERROR)));
    }
}
