package org.layeredtls.handshake.state;

import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.handshake.prf.Tls13KeySchedule;
import org.layeredtls.handshake.suite.CipherSuite;

/**
 * What a TLS 1.3 connection keeps of its handshake's key schedule once the handshake is done
 * (RFC 8446 §7.1): the current application traffic secret of each direction and its generation N
 * (KeyUpdate turns secret_N into secret_N+1, §7.2), the resumption master secret tickets are made from
 * (§4.6.1) and the exporter master secret (§7.5), with the client random that names the connection in a
 * key log. Everything else of the schedule is gone.
 */
final class Tls13Secrets {

    /** The connection's crypto backend, for KeyUpdate's derivation and post-handshake Finished. */
    final CryptoProvider crypto;
    final CipherSuite suite;
    final byte[] clientRandom;
    private byte[] clientTrafficSecret;
    private byte[] serverTrafficSecret;
    private int clientGeneration;
    private int serverGeneration;
    final byte[] resumptionMasterSecret;
    final byte[] exporterMasterSecret;

    Tls13Secrets(CryptoProvider crypto, CipherSuite suite, byte[] clientRandom, byte[] clientTrafficSecret, byte[] serverTrafficSecret,
                 byte[] resumptionMasterSecret, byte[] exporterMasterSecret) {
        this.crypto = crypto;
        this.suite = suite;
        this.clientRandom = clientRandom.clone();
        this.clientTrafficSecret = clientTrafficSecret;
        this.serverTrafficSecret = serverTrafficSecret;
        this.resumptionMasterSecret = resumptionMasterSecret;
        this.exporterMasterSecret = exporterMasterSecret; // for RFC 8446 §7.5 exporters
    }

    /**
     * RFC 8446 §7.2: application_traffic_secret_N+1 = HKDF-Expand-Label(secret_N, "traffic upd", "", Hash.length)
     * for one direction ({@code client}: the client's), which becomes current; returns it.
     */
    synchronized byte[] update(boolean client) {
        if (client) {
            clientTrafficSecret = Tls13KeySchedule.nextTrafficSecret(crypto, suite.prfHash(), clientTrafficSecret);
            clientGeneration++;
            return clientTrafficSecret.clone();
        }
        serverTrafficSecret = Tls13KeySchedule.nextTrafficSecret(crypto, suite.prfHash(), serverTrafficSecret);
        serverGeneration++;
        return serverTrafficSecret.clone();
    }

    /** N of the current application_traffic_secret_N of one direction: 0 until its first KeyUpdate. */
    synchronized int generation(boolean client) {
        return client ? clientGeneration : serverGeneration;
    }

    /** The current application traffic secret of one direction (a copy): post-handshake Finished keys (RFC 8446 §4.4). */
    synchronized byte[] trafficSecret(boolean client) {
        return (client ? clientTrafficSecret : serverTrafficSecret).clone();
    }
}
