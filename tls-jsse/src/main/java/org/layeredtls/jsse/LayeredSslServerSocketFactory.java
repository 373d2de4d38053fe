package org.layeredtls.jsse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import javax.net.ssl.SSLServerSocketFactory;

/** Makes {@link LayeredSslServerSocket}s of one context: bound now, or unbound (bind later, as HttpCore 5 does). */
final class LayeredSslServerSocketFactory extends SSLServerSocketFactory {

    /** The listen backlog when none is given ({@code java.net.ServerSocket}'s default). */
    private static final int DEFAULT_BACKLOG = 50;

    private final LayeredSslContextSpi context;

    LayeredSslServerSocketFactory(LayeredSslContextSpi context) {
        this.context = context;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return context.engineGetDefaultSSLParameters().getCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return CipherSuiteNames.supported();
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new LayeredSslServerSocket(context);
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return createServerSocket(port, DEFAULT_BACKLOG, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return createServerSocket(port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return new LayeredSslServerSocket(context, port, backlog, address);
    }
}
