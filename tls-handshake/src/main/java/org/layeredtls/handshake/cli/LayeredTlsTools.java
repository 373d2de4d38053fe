package org.layeredtls.handshake.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs the tools directly: {@code s_client}, {@code s_server} and {@code certs}. The project's
 * top-level {@code layeredtls} launcher registers the same command classes as its subcommands.
 */
@Command(name = "layeredtls-tools", mixinStandardHelpOptions = true,
        subcommands = {ClientCommand.class, ServerCommand.class, CertsCommand.class, RelayCommand.class, LabCommand.class},
        description = "LayeredTLS tools: s_client, s_server, certs, relay, lab.")
public final class LayeredTlsTools {

    public static void main(String[] args) {
        System.exit(new CommandLine(new LayeredTlsTools()).execute(args));
    }
}
