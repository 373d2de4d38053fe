package org.layeredtls.handshake.cli;

import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.extension.PskKeyExchangeMode;
import picocli.CommandLine.Option;

/**
 * {@code -allow_no_dhe_kex}, as s_client and s_server take it: TLS 1.3 resumption may use the PSK alone,
 * psk_ke (RFC 8446 §4.2.9), after psk_dhe_ke in OpenSSL 3.0's order (a client offers both, a server prefers
 * psk_dhe_ke when the client offers both).
 */
public class PskModeOptions {

    @Option(names = "-allow_no_dhe_kex", description = "TLS 1.3: allow resumption without (EC)DHE (psk_ke), as OpenSSL.")
    boolean allowNoDheKex;

    /** Applies the option to {@code builder}. */
    TlsConfig.Builder configure(TlsConfig.Builder builder) {
        return allowNoDheKex ? builder.pskKeyExchangeModes(PskKeyExchangeMode.PSK_DHE_KE, PskKeyExchangeMode.PSK_KE) : builder;
    }
}
