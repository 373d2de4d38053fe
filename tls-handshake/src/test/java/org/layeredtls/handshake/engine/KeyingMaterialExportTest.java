package org.layeredtls.handshake.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * Keying material exporters (RFC 8446 §7.5, RFC 5705) between two engines: both ends get the same bytes,
 * another label, context or connection gives others, and the rules on contexts and labels of each RFC hold.
 */
class KeyingMaterialExportTest {

    private static EnginePair connected(ProtocolVersion version, boolean extendedMasterSecret) throws IOException {
        CipherSuite[] suites = {CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA};
        TlsConfig client = Pki.client().versions(version, version).extendedMasterSecret(extendedMasterSecret).securityLevel(0)
                .cipherSuites(suites).build();
        TlsConfig server = Pki.server().versions(version, version).extendedMasterSecret(extendedMasterSecret).securityLevel(0)
                .cipherSuites(suites).build();
        EnginePair pair = TlsEngine.pair(client, server);
        pair.handshake();
        return pair;
    }

    @ParameterizedTest
    @ValueSource(ints = {0x0304, 0x0303, 0x0302, 0x0301})
    void bothEndsExportTheSameKeyingMaterial(int versionCode) throws IOException {
        ProtocolVersion version = ProtocolVersion.fromCode(versionCode);
        EnginePair pair = connected(version, true);
        assertEquals(version, pair.client().sessionInfo().version());
        byte[] client = pair.client().exportKeyingMaterial("EXPERIMENTAL-test", "context".getBytes(), 42);
        assertEquals(42, client.length);
        assertArrayEquals(client, pair.server().exportKeyingMaterial("EXPERIMENTAL-test", "context".getBytes(), 42));
        assertFalse(Arrays.equals(client, pair.client().exportKeyingMaterial("EXPERIMENTAL-other", "context".getBytes(), 42)));
        assertFalse(Arrays.equals(client, pair.client().exportKeyingMaterial("EXPERIMENTAL-test", "contexT".getBytes(), 42)));
        assertFalse(Arrays.equals(client, connected(version, true).client().exportKeyingMaterial("EXPERIMENTAL-test",
                "context".getBytes(), 42)), "another connection, other keying material");
    }

    @Test
    void inTls13NoContextIsTheEmptyContext() throws IOException {
        EnginePair pair = connected(ProtocolVersion.TLS1_3, true);
        // RFC 8446 §7.5: "the value of no context is the same as an empty context"
        assertArrayEquals(pair.client().exportKeyingMaterial("EXPERIMENTAL-x", null, 32),
                pair.client().exportKeyingMaterial("EXPERIMENTAL-x", new byte[0], 32));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void inTls12NoContextDiffersFromTheEmptyContext(boolean extendedMasterSecret) throws IOException {
        EnginePair pair = connected(ProtocolVersion.TLS1_2, extendedMasterSecret);
        assertEquals(extendedMasterSecret, pair.client().sessionInfo().extendedMasterSecret());
        // RFC 5705 §4: the context's length is in the seed only when there is a context
        byte[] none = pair.client().exportKeyingMaterial("EXPERIMENTAL-x", null, 32);
        byte[] empty = pair.client().exportKeyingMaterial("EXPERIMENTAL-x", new byte[0], 32);
        assertFalse(Arrays.equals(none, empty));
        assertArrayEquals(none, pair.server().exportKeyingMaterial("EXPERIMENTAL-x", null, 32));
        assertArrayEquals(empty, pair.server().exportKeyingMaterial("EXPERIMENTAL-x", new byte[0], 32));
    }

    @Test
    void theLabelsOfTheTlsPrfItselfAreRefused() throws IOException {
        EnginePair pair = connected(ProtocolVersion.TLS1_2, true);
        // RFC 5705 §4: an exporter label must not collide with the PRF's own, or it would export the key block
        assertThrows(IllegalArgumentException.class, () -> pair.client().exportKeyingMaterial("key expansion", null, 16));
        assertThrows(IllegalArgumentException.class, () -> pair.client().exportKeyingMaterial("master secret", null, 16));
        assertThrows(IllegalArgumentException.class, () -> pair.client().exportKeyingMaterial("EXPERIMENTAL-x", null, -1));
    }

    @Test
    void nothingIsExportedBeforeTheHandshake() {
        TlsEngine engine = TlsEngine.client(Pki.client().maxVersion(ProtocolVersion.TLS1_3).build(), "localhost", 443);
        assertThrows(IllegalStateException.class, () -> engine.exportKeyingMaterial("EXPERIMENTAL-x", null, 16));
    }

    @Test
    void ssl3HasNoExporter() throws IOException {
        TlsConfig client = Pki.client().versions(ProtocolVersion.SSL3_0, ProtocolVersion.SSL3_0).securityLevel(0)
                .cipherSuites(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA).build();
        TlsConfig server = Pki.server().versions(ProtocolVersion.SSL3_0, ProtocolVersion.SSL3_0).securityLevel(0)
                .cipherSuites(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA).build();
        EnginePair pair = TlsEngine.pair(client, server);
        pair.handshake();
        assertThrows(UnsupportedOperationException.class, () -> pair.client().exportKeyingMaterial("EXPERIMENTAL-x", null, 16));
    }
}
