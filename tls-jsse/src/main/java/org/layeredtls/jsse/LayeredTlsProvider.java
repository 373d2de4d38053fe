package org.layeredtls.jsse;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.layeredtls.handshake.api.TlsConfig;

/**
 * The LayeredTLS JSSE provider: {@code SSLContext}s whose sockets run this project's own SSL 3.0–TLS 1.3 stack
 * in place of the JDK's (SunJSSE), as BouncyCastle's BCJSSE does for bctls.
 *
 * <ul>
 *   <li>{@code SSLContext.getInstance("TLS", new LayeredTlsProvider())} (also {@code "TLSv1.3"} and {@code "SSL"}):
 *       enabled protocols TLSv1.3 and TLSv1.2, as SunJSSE's, TLS 1.3 preferred; {@code "TLSv1.2"} enables TLSv1.2
 *       only (SunJSSE's {@code TLSv1.2} context offers no TLS 1.3 either);
 *       initialise it with the key and trust managers of any {@code KeyManagerFactory} /
 *       {@code TrustManagerFactory} (the JDK's SunX509 and PKIX ones over a PKCS#12 or JKS key store included);
 *       with no trust manager, the JDK's default one (cacerts) decides.</li>
 *   <li>{@code "Default"}: initialised already, with the JDK's default trust manager and, when
 *       {@code javax.net.ssl.keyStore} is set, its keys: insert the provider first
 *       ({@code Security.insertProviderAt(provider, 1)}) and {@code SSLContext.getDefault()},
 *       {@code HttpsURLConnection} and every library that asks for the default context run on LayeredTLS.</li>
 *   <li>{@link #sslContext(TlsConfig)}: a context whose connections all start from a {@link TlsConfig} of the
 *       caller's: its observer, interceptors, security level, groups, tickets, limits.</li>
 * </ul>
 *
 * The provider has no {@code KeyManagerFactory} or {@code TrustManagerFactory} of its own: the JDK's serve.
 * {@code createSSLEngine} gives a {@link LayeredSslEngine} over the same configuration.
 */
public final class LayeredTlsProvider extends Provider {

    /** The provider's name, for {@code SSLContext.getInstance("TLS", "LayeredTLS")} once it is installed. */
    public static final String NAME = "LayeredTLS";

    private static final long serialVersionUID = 1L;

    public LayeredTlsProvider() {
        super(NAME, "0.1", "LayeredTLS JSSE provider: SSLContext TLS/TLSv1.3/TLSv1.2/SSL/Default over a pure-Java SSL 3.0-TLS 1.3 stack");
        putService(new ContextService(this, "TLS", List.of("TLSv1.3", "SSL")));
        putService(new ContextService(this, "TLSv1.2", List.of()));
        putService(new ContextService(this, "Default", List.of()));
    }

    /**
     * A new, not yet initialised, {@code SSLContext} of this provider whose connections start from {@code base}
     * (and not the stack's defaults): the way to attach a {@link org.layeredtls.handshake.api.TlsObserver}, the
     * interceptors, or any other {@link TlsConfig} setting to every connection of the context. What a socket's
     * {@code SSLParameters} say (protocols, suites, SNI, ALPN, client authentication) and what the key and trust
     * managers hold are laid over it per connection. {@code base}'s own keys are offered too; its trust anchors
     * are not consulted: the trust manager given to {@code init} (or the JDK's default one) decides.
     */
    public static SSLContext sslContext(TlsConfig base) {
        return new LayeredSslContext(new LayeredSslContextSpi(base), Holder.INSTANCE, "TLS");
    }

    /** The provider instance {@link #sslContext(TlsConfig)} names, made once. */
    private static final class Holder {
        static final LayeredTlsProvider INSTANCE = new LayeredTlsProvider();
    }

    /** An SSLContext over our SPI (SSLContext's constructor is protected: this is its only way in). */
    private static final class LayeredSslContext extends SSLContext {
        LayeredSslContext(LayeredSslContextSpi spi, Provider provider, String protocol) {
            super(spi, provider, protocol);
        }
    }

    /** The SSLContext service: each instance is a new SPI over the stack's default {@link TlsConfig} ({@code TLSv1.2}: capped at 1.2). */
    private static final class ContextService extends Service {
        ContextService(Provider provider, String algorithm, List<String> aliases) {
            super(provider, "SSLContext", algorithm, LayeredSslContextSpi.class.getName(), aliases, null);
        }

        @Override
        public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
            TlsConfig.Builder defaults = TlsConfig.builder();
            if ("TLSv1.2".equals(getAlgorithm())) {
                defaults.maxVersion(org.layeredtls.record.ProtocolVersion.TLS1_2);
            }
            LayeredSslContextSpi spi = new LayeredSslContextSpi(defaults.build());
            if ("Default".equals(getAlgorithm())) {
                try {
                    spi.engineInit(DefaultKeyManagers.fromSystemProperties(), null, null);
                } catch (KeyManagementException e) {
                    throw new NoSuchAlgorithmException("cannot initialise the default context: " + e.getMessage(), e);
                }
            }
            return spi;
        }
    }
}
