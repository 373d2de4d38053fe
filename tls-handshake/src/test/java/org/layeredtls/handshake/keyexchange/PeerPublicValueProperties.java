package org.layeredtls.handshake.keyexchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.RsaPrivateKey;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.record.ProtocolVersion;

/** Whatever a peer sends as its public value, only {@code illegal_parameter} or a premaster comes back. */
class PeerPublicValueProperties {

    private static final EcdheKeyExchange P256 =
            EcdheKeyExchange.generate(NamedGroup.SECP256R1, DeterministicRandomSource.fromLabel("prop p256"));
    private static final EcdheKeyExchange P384 =
            EcdheKeyExchange.generate(NamedGroup.SECP384R1, DeterministicRandomSource.fromLabel("prop p384"));
    private static final EcdheKeyExchange X25519 =
            EcdheKeyExchange.generate(NamedGroup.X25519, DeterministicRandomSource.fromLabel("prop x25519"));
    private static final DheKeyExchange FFDHE2048 =
            DheKeyExchange.generate(DhGroup.FFDHE2048, DeterministicRandomSource.fromLabel("prop ffdhe2048"));
    private static final byte[] GOOD_P256 =
            EcdheKeyExchange.generate(NamedGroup.SECP256R1, DeterministicRandomSource.fromLabel("prop peer")).publicValue();

    private static void onlyAlerts(EphemeralKeyExchange exchange, byte[] peer, int expectedLength) {
        try {
            byte[] premaster = exchange.computePremaster(peer);
            if (expectedLength > 0) {
                assertEquals(expectedLength, premaster.length);
            }
        } catch (TlsAlertException e) {
            assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.description());
        }
    }

    @Provide
    Arbitrary<byte[]> peerValues() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(300),
                Arbitraries.bytes().array(byte[].class).ofSize(65).map(b -> { b[0] = 4; return b; }),
                Arbitraries.bytes().array(byte[].class).ofSize(97).map(b -> { b[0] = 4; return b; }),
                Arbitraries.bytes().array(byte[].class).ofSize(32),
                Arbitraries.bytes().array(byte[].class).ofSize(256));
    }

    @Property(tries = 300)
    void ecdhePeerValuesGiveAPremasterOrIllegalParameter(@ForAll("peerValues") byte[] peer) {
        onlyAlerts(P256, peer, 32);
        onlyAlerts(P384, peer, 48);
        onlyAlerts(X25519, peer, 32);
    }

    @Property(tries = 100)
    void dhePeerValuesGiveAPremasterOrIllegalParameter(@ForAll("peerValues") byte[] peer) {
        onlyAlerts(FFDHE2048, peer, 0);
    }

    @Property(tries = 300)
    void mutatedP256PointsGiveAPremasterOrIllegalParameter(@ForAll @IntRange(min = 0, max = 64) int index,
                                                           @ForAll byte xor) {
        byte[] point = GOOD_P256.clone();
        point[index] ^= xor;
        onlyAlerts(P256, point, 32);
    }

    @Property(tries = 50)
    void rsaDecryptionOfAnyCiphertextGives48BytesWithTheClientVersion(@ForAll @Size(max = 300) byte[] ciphertext) {
        byte[] premaster = RsaKeyExchange.decrypt((RsaPrivateKey) TestKeys.RSA.privateKey(), ciphertext,
                ProtocolVersion.TLS1_2, DeterministicRandomSource.fromLabel("prop rsa"));
        assertEquals(48, premaster.length);
        assertEquals(3, premaster[0]);
        assertEquals(3, premaster[1]);
    }
}
