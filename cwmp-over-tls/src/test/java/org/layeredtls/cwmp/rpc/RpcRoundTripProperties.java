package org.layeredtls.cwmp.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.layeredtls.cwmp.soap.Namespaces;
import org.layeredtls.cwmp.soap.SoapEnvelope;

class RpcRoundTripProperties {

    @Property(tries = 500)
    void decodeOfEncodeIsIdentity(@ForAll("messages") CwmpMessage m, @ForAll("namespaces") String ns,
                                  @ForAll("names") String id) throws Exception {
        SoapEnvelope env = SoapEnvelope.of(ns, id, m.encode());
        SoapEnvelope back = SoapEnvelope.decode(env.encode());
        assertEquals(ns, back.cwmpNamespace());
        assertEquals(id, back.id());
        assertEquals(m, Rpc.decode(back.body()));
    }

    @Property(tries = 300)
    void encodeOfDecodeGivesTheSameBytes(@ForAll("messages") CwmpMessage m) throws Exception {
        byte[] bytes = SoapEnvelope.of(Namespaces.CWMP_1_0, "1", m.encode()).encode();
        SoapEnvelope back = SoapEnvelope.decode(bytes);
        byte[] again = SoapEnvelope.of(back.cwmpNamespace(), back.id(), Rpc.decode(back.body()).encode()).encode();
        assertArrayEquals(bytes, again);
    }

    @Provide
    Arbitrary<String> namespaces() {
        return Arbitraries.of(Namespaces.CWMP_1_0, Namespaces.CWMP_1_1, Namespaces.CWMP_1_2, Namespaces.CWMP_1_3,
                Namespaces.CWMP_1_4);
    }

    /** Names: no surrounding whitespace (receivers trim them). */
    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars("ABCXYZ0123456789._-").ofMinLength(1)
                .ofMaxLength(30);
    }

    /** Values: any XML character text except CR (XML end-of-line handling turns it into LF). */
    Arbitrary<String> values() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("\n\täé€<>&\"'").ofMaxLength(40);
    }

    Arbitrary<Instant> times() {
        return Arbitraries.longs().between(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("9999-12-31T23:59:59Z").getEpochSecond())
                .flatMap(s -> Arbitraries.of(0, 0, 500_000_000, 123_000_000).map(n -> Instant.ofEpochSecond(s, n)));
    }

    Arbitrary<String> types() {
        return Arbitraries.of("string", "boolean", "unsignedInt", "int", "dateTime", "base64");
    }

    Arbitrary<ParameterValueStruct> pvs() {
        return Combinators.combine(names(), values(), types()).as(ParameterValueStruct::new);
    }

    Arbitrary<List<String>> nameLists() {
        return names().list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<CwmpMessage> messages() {
        Arbitrary<Integer> ints = Arbitraries.integers();
        Arbitrary<Inform> inform = Combinators.combine(
                Combinators.combine(names(), names(), names(), names()).as(DeviceId::new),
                Combinators.combine(names(), values()).as(EventStruct::new).list().ofMaxSize(3),
                ints, times(), ints, pvs().list().ofMaxSize(4)).as(Inform::new);
        Arbitrary<Download> download = Combinators.combine(
                List.of(names(), names(), names(), values(), values(), names(), names(), names()))
                .as(l -> l).flatMap(l -> Combinators.combine(Arbitraries.longs(), ints).as((size, delay) ->
                        new Download(l.get(0), l.get(1), l.get(2), l.get(3), l.get(4), size, l.get(5), delay,
                                l.get(6), l.get(7))));
        return Arbitraries.oneOf(List.of(
                inform.map(m -> (CwmpMessage) m),
                ints.map(InformResponse::new),
                Arbitraries.just(new GetRPCMethods()),
                names().list().ofMaxSize(5).map(GetRPCMethodsResponse::new),
                Combinators.combine(names(), Arbitraries.of(true, false)).as(GetParameterNames::new),
                Combinators.combine(names(), Arbitraries.of(true, false)).as(ParameterInfoStruct::new).list()
                        .ofMaxSize(4).map(GetParameterNamesResponse::new),
                nameLists().map(GetParameterValues::new),
                pvs().list().ofMaxSize(4).map(GetParameterValuesResponse::new),
                Combinators.combine(pvs().list().ofMaxSize(4), names()).as(SetParameterValues::new),
                ints.map(SetParameterValuesResponse::new),
                nameLists().map(GetParameterAttributes::new),
                Combinators.combine(names(), Arbitraries.integers().between(0, 2), nameLists())
                        .as(ParameterAttributeStruct::new).list().ofMaxSize(3)
                        .map(GetParameterAttributesResponse::new),
                Combinators.combine(names(), Arbitraries.of(true, false), Arbitraries.integers().between(0, 2),
                                Arbitraries.of(true, false), nameLists()).as(SetParameterAttributesStruct::new)
                        .list().ofMaxSize(3).map(SetParameterAttributes::new),
                Arbitraries.just(new SetParameterAttributesResponse()),
                Combinators.combine(names(), names()).as(AddObject::new),
                Combinators.combine(Arbitraries.longs(), ints).as(AddObjectResponse::new),
                Combinators.combine(names(), names()).as(DeleteObject::new),
                ints.map(DeleteObjectResponse::new),
                names().map(Reboot::new),
                Arbitraries.just(new RebootResponse()),
                Arbitraries.just(new FactoryReset()),
                Arbitraries.just(new FactoryResetResponse()),
                download.map(m -> (CwmpMessage) m),
                Combinators.combine(ints, times(), times()).as(DownloadResponse::new),
                Combinators.combine(names(), Combinators.combine(ints, names()).as(FaultStruct::new), times(),
                        times()).as(TransferComplete::new),
                Arbitraries.just(new TransferCompleteResponse()),
                Combinators.combine(Arbitraries.integers().between(8000, 9899), names(),
                        Combinators.combine(names(), ints, names()).as(SetParameterValuesFault::new).list()
                                .ofMaxSize(3)).as(CwmpFault::new)));
    }
}
