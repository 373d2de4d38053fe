package org.layeredtls.handshake.extension;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.layeredtls.record.ProtocolVersion;

/** jqwik generators for the TLS 1.3 extensions (RFC 8446 §4.2), every form of each; shared with the message tests. */
public final class Tls13ExtensionArbitraries {

    private Tls13ExtensionArbitraries() {
    }

    private static Arbitrary<byte[]> bytes(int min, int max) {
        return ExtensionArbitraries.bytes(min, max);
    }

    static Arbitrary<ProtocolVersion> versions() {
        return Arbitraries.integers().between(0, 0xFFFF).map(ProtocolVersion::fromCode);
    }

    public static Arbitrary<KeyShareEntry> keyShareEntries() {
        return Combinators.combine(Arbitraries.oneOf(Arbitraries.of(NamedGroup.class).map(NamedGroup::code),
                Arbitraries.integers().between(0, 0xFFFF)), bytes(1, 100)).as(KeyShareEntry::new);
    }

    static Arbitrary<KeyShare> keyShares() {
        Arbitrary<KeyShare> client = keyShareEntries().list().ofMaxSize(4).uniqueElements(KeyShareEntry::group)
                .map(KeyShare.ClientHello::new);
        Arbitrary<KeyShare> server = keyShareEntries().map(KeyShare.ServerHello::new);
        Arbitrary<KeyShare> retry = Arbitraries.of(NamedGroup.class).map(KeyShare.HelloRetryRequest::new);
        return Arbitraries.oneOf(client, server, retry);
    }

    static Arbitrary<SupportedVersions> supportedVersions() {
        return Arbitraries.oneOf(
                versions().list().ofMinSize(1).ofMaxSize(127).map(SupportedVersions.ClientHello::new),
                versions().map(SupportedVersions.ServerHello::new));
    }

    /** A ClientHello's pre_shared_key: 1..3 identities, each with a binder of 32..255 bytes. */
    public static Arbitrary<PreSharedKey.OfferedPsks> offeredPsks() {
        Arbitrary<PskIdentity> identity = Combinators.combine(bytes(1, 60), Arbitraries.longs().between(0, 0xFFFFFFFFL))
                .as(PskIdentity::new);
        return Arbitraries.integers().between(1, 3).flatMap(n -> Combinators.combine(
                identity.list().ofSize(n), bytes(PreSharedKey.MIN_BINDER_LENGTH, PreSharedKey.MAX_BINDER_LENGTH).list().ofSize(n))
                .as(PreSharedKey.OfferedPsks::new));
    }

    static Arbitrary<PreSharedKey> preSharedKeys() {
        return Arbitraries.oneOf(offeredPsks().map(PreSharedKey.class::cast),
                Arbitraries.integers().between(0, 0xFFFF).map(PreSharedKey.SelectedIdentity::new));
    }

    static Arbitrary<EarlyData> earlyData() {
        return Arbitraries.oneOf(Arbitraries.just(EarlyData.indication()),
                Arbitraries.longs().between(0, 0xFFFFFFFFL).map(EarlyData::maxEarlyDataSize));
    }

    public static Arbitrary<CertificateAuthorities> certificateAuthorities() {
        return bytes(1, 60).list().ofMinSize(1).ofMaxSize(4).map(CertificateAuthorities::new);
    }

    /** Any TLS 1.3 extension, in any of its forms. */
    public static Arbitrary<ExtensionData> tls13Extensions() {
        return Arbitraries.oneOf(List.of(
                keyShares().map(ExtensionData.class::cast),
                supportedVersions().map(ExtensionData.class::cast),
                preSharedKeys().map(ExtensionData.class::cast),
                earlyData().map(ExtensionData.class::cast),
                certificateAuthorities().map(ExtensionData.class::cast),
                bytes(1, 100).map(Cookie::new),
                Arbitraries.integers().between(0, 0xFF).list().ofMinSize(1).ofMaxSize(5).map(PskKeyExchangeModes::new),
                ExtensionArbitraries.u16Codes(1, 20).map(SignatureAlgorithmsCert::new),
                Arbitraries.just(new PostHandshakeAuth())));
    }
}
