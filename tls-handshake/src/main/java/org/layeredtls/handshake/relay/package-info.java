/**
 * The relay ({@code layeredtls relay}): a man in the middle between any TLS client and any TLS
 * server. {@link org.layeredtls.handshake.relay.Relay} accepts and connects; each direction cuts
 * its bytes into records ({@code RecordSplitter}), lets a
 * {@link org.layeredtls.handshake.relay.RelayInterceptor} judge each record and each handshake
 * message in the clear, opens protected records with an NSS key log ({@code RelayDecryptor}), and
 * prints them as {@code -trace} does. The {@code examples} package holds the shipped interceptors.
 */
package org.layeredtls.handshake.relay;
