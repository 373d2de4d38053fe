package org.layeredtls.handshake.message;

import static org.layeredtls.handshake.extension.ExtensionArbitraries.bytes;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionArbitraries;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Tls13ExtensionArbitraries;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.suite.KeyExchangeAlgorithm;
import org.layeredtls.record.ProtocolVersion;

/** jqwik generators for every handshake message, each with a context it decodes under. */
final class MessageArbitraries {

    /** A message and the context its body is read with. */
    record Sample(HandshakeMessage message, DecodeContext context) {
    }

    static final List<ProtocolVersion> VERSIONS = List.of(ProtocolVersion.SSL3_0, ProtocolVersion.TLS1_0,
            ProtocolVersion.TLS1_1, ProtocolVersion.TLS1_2);

    private MessageArbitraries() {
    }

    static Arbitrary<ProtocolVersion> versions() {
        return Arbitraries.of(VERSIONS);
    }

    static Arbitrary<DecodeContext> contexts() {
        return Combinators.combine(versions(), Arbitraries.of(KeyExchangeAlgorithm.class)).as(DecodeContext::new);
    }

    static Arbitrary<Optional<Extensions>> optionalExtensions() {
        return Arbitraries.oneOf(Arbitraries.just(Optional.<Extensions>empty()),
                Arbitraries.just(Optional.of(Extensions.empty())),
                ExtensionArbitraries.extensionBlocks().map(Optional::of));
    }

    static Arbitrary<ClientHello> clientHellos() {
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF).map(ProtocolVersion::fromCode),
                bytes(32, 32), bytes(0, 32),
                Arbitraries.integers().between(0, 0xFFFF).list().ofMinSize(1).ofMaxSize(40),
                Arbitraries.integers().between(0, 255).list().ofMinSize(1).ofMaxSize(3),
                optionalExtensions().filter(MessageArbitraries::preSharedKeyLastIfAny)).as(ClientHello::new);
    }

    /** RFC 8446 §4.2.11: a ClientHello whose pre_shared_key is not its last extension does not decode. */
    private static boolean preSharedKeyLastIfAny(Optional<Extensions> extensions) {
        List<Extension> list = extensions.map(Extensions::list).orElse(List.of());
        for (int i = 0; i < list.size() - 1; i++) {
            if (list.get(i).type() == ExtensionType.PRE_SHARED_KEY.code()) {
                return false;
            }
        }
        return true;
    }

    static Arbitrary<ServerHello> serverHellos() {
        return Combinators.combine(versions(), bytes(32, 32), bytes(0, 32),
                Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 255),
                optionalExtensions()).as(ServerHello::new);
    }

    static Arbitrary<Certificate> certificates() {
        return bytes(1, 300).list().ofMaxSize(4).map(Certificate::new);
    }

    static Arbitrary<DigitallySigned> signatures(ProtocolVersion version) {
        Arbitrary<OptionalInt> algorithm = version.isAtLeast(ProtocolVersion.TLS1_2)
                ? Arbitraries.integers().between(0, 0xFFFF).map(OptionalInt::of)
                : Arbitraries.just(OptionalInt.empty());
        return Combinators.combine(algorithm, bytes(0, 300)).as(DigitallySigned::new);
    }

    static Arbitrary<Sample> serverKeyExchanges() {
        return Combinators.combine(versions(), Arbitraries.of(KeyExchangeAlgorithm.DHE_RSA,
                KeyExchangeAlgorithm.ECDHE_RSA, KeyExchangeAlgorithm.ECDHE_ECDSA)).flatAs((version, kx) -> {
            Arbitrary<ServerKeyExchangeParams> params = kx == KeyExchangeAlgorithm.DHE_RSA
                    ? Combinators.combine(bytes(1, 300), bytes(1, 4), bytes(1, 300)).as(ServerDhParams::new)
                    : Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), bytes(1, 255)).as(ServerEcdhParams::new);
            return Combinators.combine(params, signatures(version))
                    .as((p, s) -> new Sample(new ServerKeyExchange(p, s), new DecodeContext(version, kx)));
        });
    }

    static Arbitrary<Sample> certificateRequests() {
        return versions().flatMap(version -> {
            Arbitrary<Optional<List<Integer>>> algorithms = version.isAtLeast(ProtocolVersion.TLS1_2)
                    ? Arbitraries.integers().between(0, 0xFFFF).list().ofMinSize(1).ofMaxSize(20).map(Optional::of)
                    : Arbitraries.just(Optional.empty());
            return Combinators.combine(Arbitraries.integers().between(0, 255).list().ofMinSize(1).ofMaxSize(5),
                    algorithms, bytes(1, 100).list().ofMaxSize(4))
                    .as((types, algs, cas) -> new Sample(new CertificateRequest(types, algs, cas), DecodeContext.of(version)));
        });
    }

    static Arbitrary<Sample> certificateVerifies() {
        return versions().flatMap(version -> signatures(version)
                .map(s -> new Sample(new CertificateVerify(s), DecodeContext.of(version))));
    }

    static Arbitrary<Sample> clientKeyExchanges() {
        return Combinators.combine(versions(), Arbitraries.of(KeyExchangeAlgorithm.RSA, KeyExchangeAlgorithm.DHE_RSA,
                KeyExchangeAlgorithm.ECDHE_RSA, KeyExchangeAlgorithm.ECDHE_ECDSA)).flatAs((version, kx) -> {
            DecodeContext context = new DecodeContext(version, kx);
            ClientKeyExchange.Form form;
            try {
                form = ClientKeyExchange.formFor(context);
            } catch (TlsAlertException e) {
                throw new AssertionError(e);
            }
            int min = form == ClientKeyExchange.Form.DH_PUBLIC || form == ClientKeyExchange.Form.EC_POINT ? 1 : 0;
            int max = form == ClientKeyExchange.Form.EC_POINT ? 255 : 600;
            return bytes(min, max).map(keys -> new Sample(new ClientKeyExchange(form, keys), context));
        });
    }

    static Arbitrary<Sample> finisheds() {
        return versions().flatMap(version -> {
            DecodeContext context = DecodeContext.of(version);
            return bytes(context.verifyDataLength(), context.verifyDataLength())
                    .map(data -> new Sample(new Finished(data), context));
        });
    }

    static Arbitrary<NewSessionTicket> newSessionTickets() {
        return Combinators.combine(Arbitraries.longs().between(0, 0xFFFFFFFFL), bytes(0, 400)).as(NewSessionTicket::new);
    }

    /** The TLS 1.3 contexts: the suite's hash known (SHA-256, SHA-384) or not yet. */
    static final List<DecodeContext> TLS13_CONTEXTS = List.of(DecodeContext.of(ProtocolVersion.TLS1_3),
            DecodeContext.tls13(HashAlgorithm.SHA256), DecodeContext.tls13(HashAlgorithm.SHA384));

    static Arbitrary<Extensions> tls13ExtensionBlocks(int minSize) {
        return Arbitraries.oneOf(Tls13ExtensionArbitraries.tls13Extensions().map(e -> e.toExtension()),
                        ExtensionArbitraries.rawExtensions())
                .list().ofMinSize(minSize).ofMaxSize(5).uniqueElements(Extension::type).map(Extensions::new);
    }

    static Arbitrary<CertificateEntry> certificateEntries() {
        return Combinators.combine(bytes(1, 300), tls13ExtensionBlocks(0)).as(CertificateEntry::new);
    }

    static Arbitrary<HandshakeMessage> tls13Messages() {
        return Arbitraries.oneOf(List.of(
                tls13ExtensionBlocks(0).map(EncryptedExtensions::new),
                Combinators.combine(bytes(0, 255), certificateEntries().list().ofMaxSize(3)).as(Tls13Certificate::new),
                Combinators.combine(bytes(0, 255), tls13ExtensionBlocks(1)).as(Tls13CertificateRequest::new),
                Combinators.combine(Arbitraries.longs().between(0, 0xFFFFFFFFL), Arbitraries.longs().between(0, 0xFFFFFFFFL),
                        bytes(0, 255), bytes(1, 400), tls13ExtensionBlocks(0)).as(Tls13NewSessionTicket::new),
                Arbitraries.of(true, false).map(KeyUpdate::new),
                Arbitraries.just(new EndOfEarlyData()),
                clientHellos(), serverHellos()).stream().map(a -> a.map(HandshakeMessage.class::cast)).toList());
    }

    /** TLS 1.3 messages, each under a TLS 1.3 context; Finished as long as the context's hash. */
    static Arbitrary<Sample> tls13Samples() {
        Arbitrary<Sample> messages = Combinators.combine(tls13Messages(), Arbitraries.of(TLS13_CONTEXTS)).as(Sample::new);
        Arbitrary<Sample> finisheds = Arbitraries.of(TLS13_CONTEXTS).flatMap(context -> {
            int length = context.verifyDataLength() == 0 ? 48 : context.verifyDataLength();
            return bytes(length, length).map(data -> new Sample(new Finished(data), context));
        });
        Arbitrary<Sample> verifies = Combinators.combine(signatures(ProtocolVersion.TLS1_3), Arbitraries.of(TLS13_CONTEXTS))
                .as((signature, context) -> new Sample(new CertificateVerify(signature), context));
        return Arbitraries.oneOf(messages, finisheds, verifies);
    }

    /** Any message of any type, with a context that fits it. */
    static Arbitrary<Sample> samples() {
        Arbitrary<Sample> contextFree = Combinators.combine(Arbitraries.oneOf(
                Arbitraries.just(new HelloRequest()), Arbitraries.just(new ServerHelloDone()),
                clientHellos(), serverHellos(), certificates(), newSessionTickets()), contexts()).as(Sample::new);
        return Arbitraries.oneOf(contextFree, serverKeyExchanges(), certificateRequests(), certificateVerifies(),
                clientKeyExchanges(), finisheds(), tls13Samples());
    }
}
