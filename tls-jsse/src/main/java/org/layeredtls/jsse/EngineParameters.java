package org.layeredtls.jsse;

import javax.net.ssl.SSLParameters;

/**
 * What an {@link LayeredSslEngine} is told before its handshake: the {@link SSLParameters} (protocols, suites,
 * SNI, ALPN, client authentication, endpoint identification, research hooks) kept by JSSE's rules
 * ({@link HeldSslParameters}), and the mode. As in SunJSSE the mode must be set before the handshake and cannot
 * change once it has begun; the parameters may, for the next handshake.
 */
final class EngineParameters extends HeldSslParameters {

    private volatile boolean clientMode; // SunJSSE's engine reports server mode until told
    private volatile boolean modeSet;
    private volatile boolean frozen;

    EngineParameters(SSLParameters defaults) {
        super(defaults);
    }

    boolean clientMode() {
        return clientMode;
    }

    boolean modeSet() {
        return modeSet;
    }

    void setClientMode(boolean client) {
        if (frozen) {
            throw new IllegalArgumentException("the handshake has begun: the mode cannot change");
        }
        clientMode = client;
        modeSet = true;
    }

    /** The handshake has begun: the mode is fixed. */
    void freeze() {
        frozen = true;
    }
}
