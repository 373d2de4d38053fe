package org.layeredtls.jsse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import javax.net.ssl.SSLSocketFactory;

/**
 * Makes client {@link LayeredSslSocket}s of one context: connected to a host, unconnected (connect later),
 * or layered over a socket the caller already connected ({@link #createSocket(Socket, String, int, boolean)},
 * as Apache HttpClient and {@code HttpsURLConnection} do, and as a proxy tunnel needs).
 */
final class LayeredSslSocketFactory extends SSLSocketFactory {

    private final LayeredSslContextSpi context;

    LayeredSslSocketFactory(LayeredSslContextSpi context) {
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
    public Socket createSocket() {
        return LayeredSslSocket.client(context, new Socket(), null, true);
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        if (!socket.isConnected()) {
            throw new java.net.SocketException("the socket to layer TLS over is not connected");
        }
        return LayeredSslSocket.client(context, socket, host != null ? host : socket.getInetAddress().getHostAddress(), autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return createSocket(host, port, null, 0);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return LayeredSslSocket.client(context, connectedTransport(new InetSocketAddress(host, port), localHost, localPort), host, true);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return createSocket(address, port, null, 0);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        InetSocketAddress remote = new InetSocketAddress(address, port);
        // the name the address was made with, if any: no reverse lookup
        return LayeredSslSocket.client(context, connectedTransport(remote, localAddress, localPort), remote.getHostString(), true);
    }

    /** A TCP socket bound to the local address or port when one is given, connected to {@code remote}. */
    private static Socket connectedTransport(InetSocketAddress remote, InetAddress localAddress, int localPort) throws IOException {
        Socket transport = new Socket();
        try {
            if (localAddress != null || localPort != 0) {
                transport.bind(new InetSocketAddress(localAddress, localPort));
            }
            transport.connect(remote);
        } catch (IOException e) {
            transport.close();
            throw e;
        }
        return transport;
    }
}
