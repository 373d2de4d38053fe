package org.layeredtls.jsse;

import javax.net.ssl.SSLParameters;

/**
 * The {@link SSLParameters} one JSSE object holds (an {@link LayeredSslSocket}, {@link LayeredSslServerSocket} or,
 * through {@link EngineParameters}, an {@link LayeredSslEngine}), with the setters JSSE gives all three: each
 * changes one setting of a copy and lays the copy over the current parameters by JSSE's rules
 * ({@link SslParametersCopy#merge}), so the other settings and a {@link LayeredSslParameters}' hooks stay.
 */
class HeldSslParameters {

    private volatile SSLParameters parameters;
    private volatile boolean enableSessionCreation = true;

    HeldSslParameters(SSLParameters initial) {
        this.parameters = SslParametersCopy.copy(initial);
    }

    /** The parameters as they are (not a copy: do not change them). */
    final SSLParameters current() {
        return parameters;
    }

    /** A copy the caller may change ({@code getSSLParameters()}). */
    final SSLParameters copy() {
        return SslParametersCopy.copy(parameters);
    }

    /** By JSSE's rules (null lists keep the current ones); a {@link LayeredSslParameters} also sets the hooks. */
    final void set(SSLParameters update) {
        parameters = SslParametersCopy.merge(parameters, update);
    }

    final void setEnabledCipherSuites(String[] suites) {
        SSLParameters update = copy();
        update.setCipherSuites(SslParametersCopy.checkedSuites(suites));
        set(update);
    }

    final void setEnabledProtocols(String[] protocols) {
        SSLParameters update = copy();
        update.setProtocols(ProtocolNames.check(protocols));
        set(update);
    }

    final void setNeedClientAuth(boolean need) {
        SSLParameters update = copy();
        update.setNeedClientAuth(need);
        set(update);
    }

    final void setWantClientAuth(boolean want) {
        SSLParameters update = copy();
        update.setWantClientAuth(want);
        set(update);
    }

    /** Recorded only: this stack always may create a new session. */
    final boolean enableSessionCreation() {
        return enableSessionCreation;
    }

    final void setEnableSessionCreation(boolean flag) {
        enableSessionCreation = flag;
    }
}
