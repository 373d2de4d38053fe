package org.layeredtls.jsse;

import javax.net.ssl.SSLParameters;

/**
 * What an {@link LayeredSslEngine} is told before its handshake: the mode, and the {@link SSLParameters}
 * (protocols, suites, SNI, ALPN, client authentication, endpoint identification, research hooks) kept by JSSE's
 * rules ({@link SslParametersCopy}). As in SunJSSE the mode must be set before the handshake and cannot change
 * once it has begun; the parameters may, for the next handshake.
 */
final class EngineParameters {

    private volatile SSLParameters parameters;
    private volatile boolean clientMode; // SunJSSE's engine reports server mode until told
    private volatile boolean modeSet;
    private volatile boolean frozen;
    private volatile boolean enableSessionCreation = true;

    EngineParameters(SSLParameters defaults) {
        this.parameters = SslParametersCopy.copy(defaults);
    }

    SSLParameters current() {
        return parameters;
    }

    void set(SSLParameters update) {
        parameters = SslParametersCopy.merge(parameters, update);
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

    boolean enableSessionCreation() {
        return enableSessionCreation;
    }

    void setEnableSessionCreation(boolean flag) {
        enableSessionCreation = flag;
    }

    void setEnabledCipherSuites(String[] suites) {
        SSLParameters update = new SSLParameters(SslParametersCopy.checkedSuites(suites));
        keepTheRest(update);
        set(update);
    }

    void setEnabledProtocols(String[] protocols) {
        SSLParameters update = new SSLParameters(null, ProtocolNames.check(protocols));
        keepTheRest(update);
        set(update);
    }

    void setNeedClientAuth(boolean need) {
        SSLParameters update = SslParametersCopy.copy(parameters);
        update.setNeedClientAuth(need);
        set(update);
    }

    void setWantClientAuth(boolean want) {
        SSLParameters update = SslParametersCopy.copy(parameters);
        update.setWantClientAuth(want);
        set(update);
    }

    // a merge sets ALPN, endpoint identification, order and client authentication from the update: keep ours
    private void keepTheRest(SSLParameters update) {
        update.setApplicationProtocols(parameters.getApplicationProtocols());
        update.setEndpointIdentificationAlgorithm(parameters.getEndpointIdentificationAlgorithm());
        update.setUseCipherSuitesOrder(parameters.getUseCipherSuitesOrder());
        if (parameters.getNeedClientAuth()) {
            update.setNeedClientAuth(true);
        } else {
            update.setWantClientAuth(parameters.getWantClientAuth());
        }
    }
}
