package org.layeredtls.handshake.keyexchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.handshake.extension.NamedGroup;

/**
 * Whatever a peer puts in a key_share, each side answers with a shared secret of the group's size
 * or with {@code illegal_parameter}: no other exception escapes, for any group.
 */
class KeyShareProperties {

    private static final RandomSource RANDOM = DeterministicRandomSource.fromLabel("key share properties");
    private static final NamedGroup[] GROUPS = {NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1,
        NamedGroup.FFDHE2048, NamedGroup.X25519MLKEM768};

    private static void secretOrIllegalParameter(KeyShareGroup group, byte[] peerShare) {
        ClientKeyShare client = group.generate(RANDOM);
        int secretLength = -1;
        try {
            secretLength = group.respond(peerShare, RANDOM).sharedSecret().length;
        } catch (TlsAlertException e) {
            assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.description());
        }
        try {
            byte[] secret = client.sharedSecret(peerShare);
            if (secretLength > 0) {
                assertEquals(secretLength, secret.length);
            }
        } catch (TlsAlertException e) {
            assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.description());
        }
    }

    @Provide
    Arbitrary<byte[]> shares() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(300),
                Arbitraries.bytes().array(byte[].class).ofSize(32),
                Arbitraries.bytes().array(byte[].class).ofSize(65).map(b -> { b[0] = 4; return b; }),
                Arbitraries.bytes().array(byte[].class).ofSize(256),
                Arbitraries.bytes().array(byte[].class).ofSize(X25519MlKem768KeyShareGroup.SERVER_SHARE_LENGTH),
                validModulusClientShares());
    }

    /** Client shares whose encapsulation key passes the FIPS 203 modulus check: every 12-bit coefficient below q. */
    private static Arbitrary<byte[]> validModulusClientShares() {
        return Arbitraries.integers().between(0, 3328).array(int[].class).ofSize(3 * 256)
                .flatMap(coefficients -> Arbitraries.bytes().array(byte[].class).ofSize(32 + 32).map(tail -> {
                    byte[] share = new byte[X25519MlKem768KeyShareGroup.CLIENT_SHARE_LENGTH];
                    for (int i = 0, j = 0; i < coefficients.length; i += 2, j += 3) {
                        share[j] = (byte) coefficients[i];
                        share[j + 1] = (byte) (coefficients[i] >>> 8 | coefficients[i + 1] << 4);
                        share[j + 2] = (byte) (coefficients[i + 1] >>> 4);
                    }
                    System.arraycopy(tail, 0, share, 1152, tail.length); // rho, then the X25519 key
                    return share;
                }));
    }

    @Property(tries = 60)
    void anyShareGivesASecretOrIllegalParameter(@ForAll("shares") byte[] share) {
        for (NamedGroup name : GROUPS) {
            secretOrIllegalParameter(KeyShareGroup.of(name).orElseThrow(), share);
        }
    }
}
