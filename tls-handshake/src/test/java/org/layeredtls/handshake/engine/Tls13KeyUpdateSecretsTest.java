package org.layeredtls.handshake.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.prf.Tls13KeySchedule;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * Each KeyUpdate's new application traffic secret reaches the observer under the name an NSS key log gives it
 * ({@code CLIENT_TRAFFIC_SECRET_N} / {@code SERVER_TRAFFIC_SECRET_N}), as the handshake's secrets do, on both
 * sides: the values are derived here independently with RFC 8446 §7.2's "traffic upd" from generation 0.
 */
class Tls13KeyUpdateSecretsTest {

    /** The TLS 1.3 secrets an observer was told of, by key log label, with the client random they came with. */
    private static final class KeyLog implements TlsObserver {
        final Map<String, byte[]> secrets = new LinkedHashMap<>();
        byte[] clientRandom;

        @Override
        public synchronized void tls13SecretDerived(byte[] clientRandom, String label, byte[] secret) {
            this.clientRandom = clientRandom;
            secrets.put(label, secret);
        }
    }

    @Test
    void keyUpdatesReportTheNextTrafficSecretsOfEachDirectionUnderTheirKeyLogNames() throws IOException {
        KeyLog client = new KeyLog();
        KeyLog server = new KeyLog();
        TlsConfig.Builder clientConfig = Pki.client().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3)
                .tls13CipherSuites(CipherSuite.TLS_AES_256_GCM_SHA384).observer(client);
        EnginePair pair = TlsEngine.pair(clientConfig.build(),
                Pki.server().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3).observer(server).build());
        pair.handshake();
        pair.client().keyUpdate(true); // client 0 -> 1, and the server answers: server 0 -> 1
        pair.shuttle();
        pair.client().keyUpdate(false); // client 1 -> 2
        pair.shuttle();

        HashAlgorithm hash = HashAlgorithm.SHA384;
        byte[] client1 = Tls13KeySchedule.nextTrafficSecret(hash, client.secrets.get("CLIENT_TRAFFIC_SECRET_0"));
        byte[] client2 = Tls13KeySchedule.nextTrafficSecret(hash, client1);
        byte[] server1 = Tls13KeySchedule.nextTrafficSecret(hash, client.secrets.get("SERVER_TRAFFIC_SECRET_0"));
        for (KeyLog side : List.of(client, server)) {
            assertArrayEquals(client1, side.secrets.get("CLIENT_TRAFFIC_SECRET_1"), side == client ? "client" : "server");
            assertArrayEquals(client2, side.secrets.get("CLIENT_TRAFFIC_SECRET_2"));
            assertArrayEquals(server1, side.secrets.get("SERVER_TRAFFIC_SECRET_1"));
            assertEquals(List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0",
                    "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET", "CLIENT_TRAFFIC_SECRET_1", "SERVER_TRAFFIC_SECRET_1",
                    "CLIENT_TRAFFIC_SECRET_2").stream().sorted().toList(), side.secrets.keySet().stream().sorted().toList());
        }
        assertArrayEquals(client.clientRandom, server.clientRandom, "each line names the connection by its client random");
    }
}
