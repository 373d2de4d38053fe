package org.layeredtls.handshake.testing;

import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.record.ProtocolVersion;

/**
 * {@link Pki}'s server and client builders pinned to TLS 1.2, for the tests written when TLS 1.2 was the default
 * and that mean it (renegotiation, session IDs, ChangeCipherSpec, ServerHelloDone, 1.2 alerts and record bytes).
 * A test about TLS 1.3, or about the defaults, starts from {@link Pki} itself.
 */
public final class Tls12Pki {

    private Tls12Pki() {
    }

    /** {@link Pki#server()}, speaking TLS 1.2 only. */
    public static TlsConfig.Builder server() {
        return Pki.server().maxVersion(ProtocolVersion.TLS1_2);
    }

    /** {@link Pki#client()}, speaking TLS 1.2 only. */
    public static TlsConfig.Builder client() {
        return Pki.client().maxVersion(ProtocolVersion.TLS1_2);
    }
}
