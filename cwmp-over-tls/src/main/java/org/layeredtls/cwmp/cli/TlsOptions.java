package org.layeredtls.cwmp.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.layeredtls.cwmp.demo.DemoOptions;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.Pem;

import picocli.CommandLine.Option;

/** The TLS options the acs and cpe commands share: certificate, key, CA, version, cipher. */
final class TlsOptions {

    @Option(names = "--cert", required = true, description = "this side's certificate (PEM; chain leaf first)")
    Path cert;

    @Option(names = "--key", required = true, description = "its private key (PEM: PKCS#8, PKCS#1 or SEC1)")
    Path key;

    @Option(names = "--ca", required = true, description = "the CA certificate(s) to trust (PEM)")
    Path ca;

    @Option(names = "--tls-version", defaultValue = "TLSv1.2", description = "SSLv3, TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3 (default: ${DEFAULT-VALUE})")
    String version;

    @Option(names = "--cipher", description = "one cipher suite, IANA or OpenSSL name (default: the modern defaults)")
    String cipher;

    TlsConfig.Builder builder() throws IOException {
        var v = DemoOptions.parseVersion(version);
        var options = new DemoOptions(v, cipher == null ? null : DemoOptions.parseCipher(cipher), null, null);
        return options.apply(TlsConfig.builder())
                .certificate(Pem.readCertificates(cert), Pem.readPrivateKey(key))
                .trustAnchors(Pem.readCertificates(ca));
    }
}
