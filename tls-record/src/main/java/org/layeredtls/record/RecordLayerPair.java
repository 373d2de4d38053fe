package org.layeredtls.record;

/**
 * Two record layers wired to each other in memory (see {@link RecordLayers}): what the client
 * writes goes through {@link #clientToServer()} to the server, and back through
 * {@link #serverToClient()}. The pipes let a lab look at, or flip, the bytes in flight.
 */
public record RecordLayerPair(RecordLayer client, RecordLayer server,
                              InMemoryPipe clientToServer, InMemoryPipe serverToClient) {
}
