package org.layeredtls.handshake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.KeyAgreementException;
import org.layeredtls.crypto.KeyEncapsulation;
import org.layeredtls.crypto.PublicKeyCrypto;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.testing.DelegatingCryptoProvider;
import org.layeredtls.handshake.testing.HandshakeServer;
import org.layeredtls.record.ProtocolVersion;

/**
 * X25519MLKEM768's ML-KEM-768 comes from the connection's crypto provider ({@code TlsConfig.crypto()
 * .keyEncapsulation()}), on both sides: a provider that counts the KEM calls it lends out sees the client's
 * KeyGen and Decaps and the server's Encaps of one handshake.
 */
class X25519MlKem768CryptoSeamTest {

    /** BouncyCastle's provider, whose ML-KEM counts its calls. */
    private static final class CountingProvider extends DelegatingCryptoProvider {
        final AtomicInteger keyGens = new AtomicInteger();
        final AtomicInteger encapsulations = new AtomicInteger();
        final AtomicInteger decapsulations = new AtomicInteger();

        @Override
        public KeyEncapsulation keyEncapsulation() {
            KeyEncapsulation kem = super.keyEncapsulation();
            return new KeyEncapsulation() {
                @Override
                public MlKemKeyPair generateMlKem768KeyPair(RandomSource random) {
                    keyGens.incrementAndGet();
                    return kem.generateMlKem768KeyPair(random);
                }

                @Override
                public Encapsulation mlKem768Encapsulate(byte[] encapsulationKey, RandomSource random) throws KeyAgreementException {
                    encapsulations.incrementAndGet();
                    return kem.mlKem768Encapsulate(encapsulationKey, random);
                }

                @Override
                public byte[] mlKem768Decapsulate(byte[] decapsulationKey, byte[] ciphertext) throws KeyAgreementException {
                    decapsulations.incrementAndGet();
                    return kem.mlKem768Decapsulate(decapsulationKey, ciphertext);
                }
            };
        }
    }

    @Test
    void bothSidesTakeMlKemFromTheirConfiguredCryptoProvider() throws Exception {
        CountingProvider serverCrypto = new CountingProvider();
        CountingProvider clientCrypto = new CountingProvider();
        TlsConfig server = TestCertificates.server().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3)
                .namedGroups(NamedGroup.X25519MLKEM768).crypto(serverCrypto, PublicKeyCrypto.defaultImplementation()).build();
        TlsConfig client = TestCertificates.client().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3)
                .namedGroups(NamedGroup.X25519MLKEM768).keyShareGroups(NamedGroup.X25519MLKEM768)
                .crypto(clientCrypto, PublicKeyCrypto.defaultImplementation()).build();
        try (HandshakeServer listener = HandshakeServer.bind(server);
             TlsSocket socket = TlsSocket.connect("localhost", listener.port(), client)) {
            Future<HandshakeServer.Outcome> outcome = listener.acceptOne();
            socket.socket().setSoTimeout((int) HandshakeServer.BOUND.toMillis());
            socket.startHandshake();
            assertNull(HandshakeServer.failureOf(outcome));
        }
        assertEquals(1, clientCrypto.keyGens.get(), "client KeyGen");
        assertEquals(1, clientCrypto.decapsulations.get(), "client Decaps");
        assertEquals(0, clientCrypto.encapsulations.get(), "client Encaps");
        assertEquals(1, serverCrypto.encapsulations.get(), "server Encaps");
        assertEquals(0, serverCrypto.keyGens.get() + serverCrypto.decapsulations.get(), "server KeyGen and Decaps");
    }
}
