package org.layeredtls.handshake.keyexchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.layeredtls.handshake.keyexchange.KeyShareGroupTest.assertIllegalParameter;

import java.lang.reflect.Method;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.Test;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.handshake.extension.NamedGroup;

/**
 * X25519MLKEM768 (0x11EC): the round trip, the checks the draft asks for, tampering, and the
 * byte layout checked against BouncyCastle's own TLS implementation of the group (bctls 1.84,
 * test scope): bctls builds its key shares exactly as its handshake does, and each side's secret
 * must equal the other's.
 */
class X25519MlKem768KeyShareGroupTest {

    private static final int ENCAPSULATION_KEY = 1184;
    private static final int CIPHERTEXT = 1088;

    private final KeyShareGroup group = KeyShareGroup.of(NamedGroup.X25519MLKEM768).orElseThrow();
    private final RandomSource random = DeterministicRandomSource.fromLabel("X25519MLKEM768");

    // ------------------------------------------------------------------ against bctls

    /** bctls's own key share for a group, as its handshake creates it (TlsUtils.createKeyShare). */
    private static TlsAgreement bctlsKeyShare(int namedGroup, boolean isServer) throws ReflectiveOperationException {
        TlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
        Method createKeyShare = Class.forName("org.bouncycastle.tls.TlsUtils")
                .getDeclaredMethod("createKeyShare", TlsCrypto.class, int.class, boolean.class);
        createKeyShare.setAccessible(true);
        return (TlsAgreement) createKeyShare.invoke(null, crypto, namedGroup, isServer);
    }

    @Test
    void bctlsCodepointIsOurs() {
        assertEquals(org.bouncycastle.tls.NamedGroup.X25519MLKEM768, NamedGroup.X25519MLKEM768.code());
        assertEquals(0x11EC, NamedGroup.X25519MLKEM768.code());
    }

    @Test
    void ourServerAnswersABctlsClient() throws Exception {
        TlsAgreement bctlsClient = bctlsKeyShare(NamedGroup.X25519MLKEM768.code(), false);
        byte[] clientShare = bctlsClient.generateEphemeral();
        assertEquals(ENCAPSULATION_KEY + 32, clientShare.length);

        ServerKeyShare ours = group.respond(clientShare, random);
        bctlsClient.receivePeerValue(ours.publicShare());
        assertArrayEquals(bctlsClient.calculateSecret().extract(), ours.sharedSecret());
    }

    @Test
    void ourClientTalksToABctlsServer() throws Exception {
        ClientKeyShare ours = group.generate(random);
        TlsAgreement bctlsServer = bctlsKeyShare(NamedGroup.X25519MLKEM768.code(), true);
        bctlsServer.receivePeerValue(ours.publicShare());
        byte[] serverShare = bctlsServer.generateEphemeral();
        assertEquals(CIPHERTEXT + 32, serverShare.length);
        assertArrayEquals(bctlsServer.calculateSecret().extract(), ours.sharedSecret(serverShare));
    }

    @Test
    void theMlKemSecretComesFirstAndTheX25519SecretSecond() throws Exception {
        // bctls's plain x25519 key share, fed the X25519 half of ours: its secret is our last 32 bytes
        ClientKeyShare ours = group.generate(random);
        byte[] ourX25519 = Arrays.copyOfRange(ours.publicShare(), ENCAPSULATION_KEY, ENCAPSULATION_KEY + 32);
        TlsAgreement bctlsX25519 = bctlsKeyShare(org.bouncycastle.tls.NamedGroup.x25519, true);
        bctlsX25519.receivePeerValue(ourX25519);
        byte[] serverX25519 = bctlsX25519.generateEphemeral();
        byte[] x25519Secret = bctlsX25519.calculateSecret().extract();

        // and bctls's plain ML-KEM-768, fed the ML-KEM half of ours: its secret is our first 32 bytes
        TlsAgreement bctlsMlKem = bctlsKeyShare(org.bouncycastle.tls.NamedGroup.MLKEM768, true);
        bctlsMlKem.receivePeerValue(Arrays.copyOf(ours.publicShare(), ENCAPSULATION_KEY));
        byte[] ciphertext = bctlsMlKem.generateEphemeral();
        byte[] mlKemSecret = bctlsMlKem.calculateSecret().extract();

        byte[] serverShare = Arrays.copyOf(ciphertext, CIPHERTEXT + 32);
        System.arraycopy(serverX25519, 0, serverShare, CIPHERTEXT, 32);
        byte[] secret = ours.sharedSecret(serverShare);
        assertArrayEquals(mlKemSecret, Arrays.copyOfRange(secret, 0, 32));
        assertArrayEquals(x25519Secret, Arrays.copyOfRange(secret, 32, 64));
    }

    // ------------------------------------------------------------------ checks

    @Test
    void anEncapsulationKeyWithACoefficientOfQOrMoreIsAnIllegalParameter() throws TlsAlertException {
        byte[] share = group.generate(random).publicShare();
        // FIPS 203 §4.2.1: the first coefficient is byte 0 and the low 4 bits of byte 1
        setFirstCoefficient(share, 3328); // q - 1: still a valid key
        group.respond(share, random);
        setFirstCoefficient(share, 3329); // q
        assertIllegalParameter(() -> group.respond(share, random));
        setFirstCoefficient(share, 0xFFF);
        assertIllegalParameter(() -> group.respond(share, random));
    }

    @Test
    void aCoefficientOfQInTheLastPositionIsCaughtToo() throws TlsAlertException {
        byte[] share = group.generate(random).publicShare();
        // the last coefficient of t: the high 4 bits of byte 1150 and all of byte 1151
        share[1150] = (byte) ((share[1150] & 0x0F) | (3329 & 0x0F) << 4);
        share[1151] = (byte) (3329 >>> 4);
        assertIllegalParameter(() -> group.respond(share, random));
    }

    @Test
    void anX25519HalfOfSmallOrderIsAnIllegalParameter() throws TlsAlertException {
        ClientKeyShare client = group.generate(random);
        byte[] clientShare = client.publicShare();
        Arrays.fill(clientShare, ENCAPSULATION_KEY, ENCAPSULATION_KEY + 32, (byte) 0);
        assertIllegalParameter(() -> group.respond(clientShare, random));

        byte[] serverShare = group.respond(client.publicShare(), random).publicShare();
        Arrays.fill(serverShare, CIPHERTEXT, CIPHERTEXT + 32, (byte) 0);
        assertIllegalParameter(() -> client.sharedSecret(serverShare));
    }

    // ------------------------------------------------------------------ tampering

    @Test
    void aTamperedCiphertextGivesAnotherMlKemSecretWithoutAnError() throws TlsAlertException {
        ClientKeyShare client = group.generate(random);
        ServerKeyShare server = group.respond(client.publicShare(), random);
        byte[] tampered = server.publicShare();
        tampered[100] ^= 0x01;
        byte[] secret = client.sharedSecret(tampered);
        // FIPS 203 §6.3 implicit rejection: a pseudorandom ML-KEM half, the X25519 half intact
        assertFalse(Arrays.equals(Arrays.copyOf(server.sharedSecret(), 32), Arrays.copyOf(secret, 32)));
        assertArrayEquals(Arrays.copyOfRange(server.sharedSecret(), 32, 64), Arrays.copyOfRange(secret, 32, 64));
    }

    @Test
    void aTamperedX25519HalfGivesAnotherX25519Secret() throws TlsAlertException {
        ClientKeyShare client = group.generate(random);
        ServerKeyShare server = group.respond(client.publicShare(), random);
        byte[] tampered = server.publicShare();
        tampered[CIPHERTEXT + 5] ^= 0x40;
        byte[] secret = client.sharedSecret(tampered);
        assertArrayEquals(Arrays.copyOf(server.sharedSecret(), 32), Arrays.copyOf(secret, 32));
        assertFalse(Arrays.equals(Arrays.copyOfRange(server.sharedSecret(), 32, 64), Arrays.copyOfRange(secret, 32, 64)));
    }

    @Test
    void aTamperedEncapsulationKeyLeavesTheTwoSidesWithDifferentSecrets() throws TlsAlertException {
        ClientKeyShare client = group.generate(random);
        byte[] tampered = client.publicShare();
        tampered[ENCAPSULATION_KEY - 1] ^= 0x01; // the seed rho, the last 32 bytes: no modulus check applies
        ServerKeyShare server = group.respond(tampered, random);
        assertFalse(Arrays.equals(server.sharedSecret(), client.sharedSecret(server.publicShare())));
    }

    @Test
    void aDeterministicRandomSourceReproducesTheShares() throws TlsAlertException {
        ClientKeyShare one = group.generate(DeterministicRandomSource.fromLabel("same"));
        ClientKeyShare two = group.generate(DeterministicRandomSource.fromLabel("same"));
        assertArrayEquals(one.publicShare(), two.publicShare());
        ServerKeyShare answerOne = group.respond(one.publicShare(), DeterministicRandomSource.fromLabel("answer"));
        ServerKeyShare answerTwo = group.respond(one.publicShare(), DeterministicRandomSource.fromLabel("answer"));
        assertArrayEquals(answerOne.publicShare(), answerTwo.publicShare());
        assertArrayEquals(answerOne.sharedSecret(), two.sharedSecret(answerTwo.publicShare()));
    }

    private static void setFirstCoefficient(byte[] share, int value) {
        share[0] = (byte) value;
        share[1] = (byte) ((share[1] & 0xF0) | (value >>> 8));
    }
}
