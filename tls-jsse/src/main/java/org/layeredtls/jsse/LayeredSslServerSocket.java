package org.layeredtls.jsse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;

/**
 * A JSSE {@link SSLServerSocket}: a listening TCP socket whose accepted connections are {@link LayeredSslSocket}s
 * in server mode, each with a copy of this server socket's parameters (suites, protocols, ALPN, need/want
 * client authentication, a {@link LayeredSslParameters}' hooks). The handshake runs on each connection's
 * first read or write, on the thread that makes it, not in {@link #accept()}.
 */
final class LayeredSslServerSocket extends SSLServerSocket {

    private final LayeredSslContextSpi context;
    private final HeldSslParameters parameters;
    private volatile boolean clientMode;

    LayeredSslServerSocket(LayeredSslContextSpi context) throws IOException {
        super();
        this.context = context;
        this.parameters = new HeldSslParameters(context.engineGetDefaultSSLParameters());
    }

    LayeredSslServerSocket(LayeredSslContextSpi context, int port, int backlog, InetAddress address) throws IOException {
        super(port, backlog, address);
        this.context = context;
        this.parameters = new HeldSslParameters(context.engineGetDefaultSSLParameters());
    }

    @Override
    public Socket accept() throws IOException {
        Socket accepted = new Socket();
        implAccept(accepted);
        return LayeredSslSocket.accepted(context, accepted, parameters.current(), clientMode);
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return parameters.current().getCipherSuites().clone();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        parameters.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return CipherSuiteNames.supported();
    }

    @Override
    public String[] getSupportedProtocols() {
        return ProtocolNames.SUPPORTED.toArray(String[]::new);
    }

    @Override
    public String[] getEnabledProtocols() {
        return parameters.current().getProtocols().clone();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        parameters.setEnabledProtocols(protocols);
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        parameters.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return parameters.current().getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        parameters.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return parameters.current().getWantClientAuth();
    }

    /** Whether accepted connections act as TLS clients (default false). */
    @Override
    public void setUseClientMode(boolean mode) {
        clientMode = mode;
    }

    @Override
    public boolean getUseClientMode() {
        return clientMode;
    }

    /** Recorded only: this stack always may create a new session. */
    @Override
    public void setEnableSessionCreation(boolean flag) {
        parameters.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return parameters.enableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return parameters.copy();
    }

    @Override
    public void setSSLParameters(SSLParameters update) {
        parameters.set(update);
    }

    @Override
    public String toString() {
        return "LayeredSslServerSocket[" + getLocalSocketAddress() + "]";
    }
}
