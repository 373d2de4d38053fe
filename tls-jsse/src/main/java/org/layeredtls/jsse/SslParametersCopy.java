package org.layeredtls.jsse;

import javax.net.ssl.SSLParameters;

/**
 * JSSE's rules for {@code getSSLParameters()} (a copy the caller may change) and {@code setSSLParameters(p)}
 * (a null suite list, protocol list or server name list leaves the current one; need-client-auth wins over
 * want-client-auth), written once for the socket and the server socket.
 */
final class SslParametersCopy {

    private SslParametersCopy() {
    }

    /** A copy of {@code from}: a {@link LayeredSslParameters} when {@code from} is one, with its hooks. */
    static SSLParameters copy(SSLParameters from) {
        SSLParameters to = from instanceof LayeredSslParameters layered ? layered.copyHooks() : new SSLParameters();
        to.setCipherSuites(from.getCipherSuites());
        to.setProtocols(from.getProtocols());
        copyClientAuth(from, to);
        to.setServerNames(from.getServerNames());
        to.setApplicationProtocols(from.getApplicationProtocols());
        to.setEndpointIdentificationAlgorithm(from.getEndpointIdentificationAlgorithm());
        to.setUseCipherSuitesOrder(from.getUseCipherSuitesOrder());
        to.setAlgorithmConstraints(from.getAlgorithmConstraints());
        to.setSNIMatchers(from.getSNIMatchers());
        return to;
    }

    /**
     * {@code current} with {@code update} laid over it, by JSSE's rules; the names are checked (an
     * {@link IllegalArgumentException} for a suite, protocol or endpoint identification this provider lacks).
     */
    static SSLParameters merge(SSLParameters current, SSLParameters update) {
        SSLParameters merged = update instanceof LayeredSslParameters layered ? layered.copyHooks() : hooksOf(current);
        merged.setCipherSuites(update.getCipherSuites() != null ? checkedSuites(update.getCipherSuites()) : current.getCipherSuites());
        merged.setProtocols(update.getProtocols() != null ? ProtocolNames.check(update.getProtocols()) : current.getProtocols());
        copyClientAuth(update, merged);
        merged.setServerNames(update.getServerNames() != null ? update.getServerNames() : current.getServerNames());
        merged.setApplicationProtocols(update.getApplicationProtocols());
        merged.setEndpointIdentificationAlgorithm(
                TrustManagerVerifier.checkEndpointIdentification(update.getEndpointIdentificationAlgorithm()));
        merged.setUseCipherSuitesOrder(update.getUseCipherSuitesOrder());
        merged.setAlgorithmConstraints(update.getAlgorithmConstraints());
        merged.setSNIMatchers(update.getSNIMatchers() != null ? update.getSNIMatchers() : current.getSNIMatchers());
        return merged;
    }

    /** Checks the names and keeps them as given. */
    static String[] checkedSuites(String[] names) {
        CipherSuiteNames.suites(names);
        return names.clone();
    }

    // the hooks of current, when the update is a plain SSLParameters: a plain update does not drop them
    private static SSLParameters hooksOf(SSLParameters current) {
        return current instanceof LayeredSslParameters layered ? layered.copyHooks() : new SSLParameters();
    }

    private static void copyClientAuth(SSLParameters from, SSLParameters to) {
        if (from.getNeedClientAuth()) {
            to.setNeedClientAuth(true);
        } else {
            to.setWantClientAuth(from.getWantClientAuth());
        }
    }
}
