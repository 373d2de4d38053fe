package org.layeredtls.handshake.extension;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators for every extension codec, shared with the message tests. */
public final class ExtensionArbitraries {

    private ExtensionArbitraries() {
    }

    public static Arbitrary<byte[]> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
    }

    /** Latin-1 strings of 1..max chars (every byte value), as name fields hold them. */
    static Arbitrary<String> latin1(int max) {
        return Arbitraries.strings().withCharRange((char) 0, (char) 0xFF).ofMinLength(1).ofMaxLength(max);
    }

    static Arbitrary<List<Integer>> u16Codes(int minSize, int maxSize) {
        return Arbitraries.integers().between(0, 0xFFFF).list().ofMinSize(minSize).ofMaxSize(maxSize);
    }

    public static Arbitrary<ServerName> serverNames() {
        Arbitrary<ServerName.Entry> entry = Combinators.combine(
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, Arbitraries.just(ServerName.HOST_NAME)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 255))),
                latin1(40)).as(ServerName.Entry::new);
        return entry.list().ofMinSize(0).ofMaxSize(3).map(ServerName::new);
    }

    public static Arbitrary<MaxFragmentLength> maxFragmentLengths() {
        return Arbitraries.integers().between(1, 4).map(MaxFragmentLength::new);
    }

    public static Arbitrary<SupportedGroups> supportedGroups() {
        return u16Codes(1, 20).map(SupportedGroups::new);
    }

    public static Arbitrary<EcPointFormats> ecPointFormats() {
        return Arbitraries.integers().between(0, 255).list().ofMinSize(1).ofMaxSize(5).map(EcPointFormats::new);
    }

    public static Arbitrary<SignatureAlgorithms> signatureAlgorithms() {
        return Arbitraries.oneOf(
                u16Codes(1, 20),
                Arbitraries.of(SignatureScheme.class).map(SignatureScheme::code).list().ofMinSize(1).ofMaxSize(10))
                .map(SignatureAlgorithms::new);
    }

    public static Arbitrary<ApplicationLayerProtocolNegotiation> alpn() {
        return latin1(20).list().ofMinSize(1).ofMaxSize(5).map(ApplicationLayerProtocolNegotiation::new);
    }

    public static Arbitrary<RecordSizeLimit> recordSizeLimits() {
        return Arbitraries.integers().between(64, 0xFFFF).map(RecordSizeLimit::new);
    }

    public static Arbitrary<SessionTicket> sessionTickets() {
        return bytes(0, 300).map(SessionTicket::new);
    }

    public static Arbitrary<RenegotiationInfo> renegotiationInfos() {
        return Arbitraries.oneOf(bytes(0, 0), bytes(12, 12), bytes(24, 24), bytes(0, 255)).map(RenegotiationInfo::new);
    }

    /** Any typed extension. */
    public static Arbitrary<ExtensionData> typedExtensions() {
        return Arbitraries.oneOf(serverNames(), maxFragmentLengths(), supportedGroups(), ecPointFormats(),
                signatureAlgorithms(), alpn(), Arbitraries.just(new EncryptThenMac()),
                Arbitraries.just(new ExtendedMasterSecret()), recordSizeLimits(), sessionTickets(),
                renegotiationInfos());
    }

    /** Any raw extension, known type or not, with any data. */
    public static Arbitrary<Extension> rawExtensions() {
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), bytes(0, 40)).as(Extension::new);
    }

    /** An extensions block without duplicates, mixing typed and unknown extensions, in any order. */
    public static Arbitrary<Extensions> extensionBlocks() {
        return Arbitraries.oneOf(typedExtensions().map(ExtensionData::toExtension), rawExtensions())
                .list().ofMaxSize(8).uniqueElements(Extension::type).map(Extensions::new);
    }
}
