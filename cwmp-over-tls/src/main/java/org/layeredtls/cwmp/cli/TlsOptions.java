package org.layeredtls.cwmp.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.layeredtls.cwmp.demo.DemoOptions;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.Pem;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

import picocli.CommandLine.Option;

/** The TLS options the acs and cpe commands share: certificate, key, CA, version, cipher. */
final class TlsOptions {

    @Option(names = "--cert", required = true, description = "this side's certificate (PEM; chain leaf first)")
    Path cert;

    @Option(names = "--key", required = true, description = "its private key (PEM: PKCS#8, PKCS#1 or SEC1)")
    Path key;

    @Option(names = "--ca", required = true, description = "the CA certificate(s) to trust (PEM)")
    Path ca;

    @Option(names = "--tls-version", description = "SSLv3, TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3: that version only"
            + " (default: the library's, TLS 1.2 and TLS 1.3, 1.3 preferred)")
    String version;

    @Option(names = "--cipher", description = "one cipher suite, IANA or OpenSSL name (default: the modern defaults);"
            + " without --tls-version, the version it belongs to (TLS 1.3 for TLS_AES_..., else TLS 1.2)")
    String cipher;

    TlsConfig.Builder builder() throws IOException {
        TlsConfig.Builder builder = TlsConfig.builder();
        CipherSuite suite = cipher == null ? null : DemoOptions.parseCipher(cipher);
        if (version != null || suite != null) {
            ProtocolVersion v = version != null ? DemoOptions.parseVersion(version)
                    : suite.isTls13() ? ProtocolVersion.TLS1_3 : ProtocolVersion.TLS1_2;
            new DemoOptions(v, suite, null, null).apply(builder);
        }
        return builder
                .certificate(Pem.readCertificates(cert), Pem.readPrivateKey(key))
                .trustAnchors(Pem.readCertificates(ca));
    }
}
