package org.layeredtls.handshake.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.PreSharedKey;
import org.layeredtls.handshake.extension.Tls13ExtensionArbitraries;
import org.layeredtls.record.ProtocolVersion;

/** RFC 8446 §4.2.11.2: the truncated ClientHello the PSK binders cover, for any ClientHello that offers PSKs. */
class Tls13MessageProperties {

    @Provide
    Arbitrary<ClientHello> offeringHellos() {
        Arbitrary<List<Extension>> others = MessageArbitraries.tls13ExtensionBlocks(0)
                .map(block -> block.list().stream().filter(e -> e.type() != ExtensionType.PRE_SHARED_KEY.code()).toList());
        return Combinators.combine(MessageArbitraries.clientHellos(), others, Tls13ExtensionArbitraries.offeredPsks())
                .as((hello, extensions, psks) -> {
                    List<Extension> list = new ArrayList<>(extensions);
                    list.add(psks.toExtension());
                    return new ClientHello(ProtocolVersion.TLS1_2, hello.random(), hello.sessionId(), hello.cipherSuites(),
                            hello.compressionMethods(), Optional.of(new Extensions(list)));
                });
    }

    private static PreSharedKey.OfferedPsks offered(ClientHello hello) throws TlsAlertException {
        return hello.extensionsOrEmpty().find(ExtensionType.PRE_SHARED_KEY, PreSharedKey::decodeClientHello).orElseThrow();
    }

    @Property(tries = 200)
    void theBindersAreTheLastBytesOfTheClientHello(@ForAll("offeringHellos") ClientHello hello) throws TlsAlertException {
        byte[] encoded = hello.encode();
        byte[] partial = PartialClientHello.bytes(hello);
        ByteWriter binders = new ByteWriter();
        PreSharedKey.writeBinders(binders, offered(hello).binders());
        assertEquals(encoded.length, partial.length + binders.toByteArray().length);
        assertArrayEquals(Arrays.copyOf(encoded, partial.length), partial);
        assertArrayEquals(binders.toByteArray(), Arrays.copyOfRange(encoded, partial.length, encoded.length));
        assertEquals(partial.length, PartialClientHello.bindersOffset(hello));
        assertEquals(hello, ClientHello.decode(hello.encodeBody()));
    }

    @Property(tries = 200)
    void newBindersOfTheSameLengthsLeaveThePartialClientHelloAlone(@ForAll("offeringHellos") ClientHello hello,
                                                                   @ForAll byte fill) throws TlsAlertException {
        List<byte[]> others = offered(hello).binders().stream().map(b -> {
            byte[] other = new byte[b.length];
            Arrays.fill(other, fill);
            return other;
        }).toList();
        ClientHello rebound = PartialClientHello.withBinders(hello, others);
        assertArrayEquals(PartialClientHello.bytes(hello), PartialClientHello.bytes(rebound));
        assertEquals(others.size(), offered(rebound).binders().size());
        for (int i = 0; i < others.size(); i++) {
            assertArrayEquals(others.get(i), offered(rebound).binders().get(i));
        }
    }
}
