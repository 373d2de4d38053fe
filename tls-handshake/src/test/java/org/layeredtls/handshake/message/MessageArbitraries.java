package org.layeredtls.handshake.message;

import static org.layeredtls.handshake.extension.ExtensionArbitraries.bytes;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.extension.ExtensionArbitraries;
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
                optionalExtensions()).as(ClientHello::new);
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

    /** Any message of any type, with a context that fits it. */
    static Arbitrary<Sample> samples() {
        Arbitrary<Sample> contextFree = Combinators.combine(Arbitraries.oneOf(
                Arbitraries.just(new HelloRequest()), Arbitraries.just(new ServerHelloDone()),
                clientHellos(), serverHellos(), certificates(), newSessionTickets()), contexts()).as(Sample::new);
        return Arbitraries.oneOf(contextFree, serverKeyExchanges(), certificateRequests(), certificateVerifies(),
                clientKeyExchanges(), finisheds());
    }
}
