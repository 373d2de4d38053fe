/**
 * Command-line tools with the conventions of {@code openssl s_client} and {@code s_server}
 * ({@link org.layeredtls.handshake.cli.ClientCommand}, {@link org.layeredtls.handshake.cli.ServerCommand}),
 * and a certificate maker ({@link org.layeredtls.handshake.cli.CertsCommand}); picocli commands whose
 * {@code call()} returns the exit code. {@link org.layeredtls.handshake.cli.LayeredTlsTools} runs them.
 */
package org.layeredtls.handshake.cli;
