package org.layeredtls.record;

import java.util.Objects;

/**
 * Record layers for labs and experiments, without a socket: a client and a server
 * {@link RecordLayer} over two {@link InMemoryPipe}s, keyed from {@link ConnectionStateBuilder}s
 * so that the version is given once (in the builder) and every key is checked.
 *
 * <pre>{@code
 * RecordLayerPair pair = RecordLayers.inMemoryPair(ConnectionStateBuilder.of(ProtocolVersion.TLS1_2)
 *         .cipher(BulkCipherAlgorithm.AES_128_GCM).keysFrom(DeterministicRandomSource.fromLabel("lab")));
 * pair.client().write(ContentType.APPLICATION_DATA, "hello".getBytes(StandardCharsets.US_ASCII));
 * pair.client().flush();
 * TLSPlaintext record = pair.server().readRecord();
 * }</pre>
 */
public final class RecordLayers {

    private RecordLayers() {
    }

    /**
     * An unprotected pair, as at the start of a connection (TLS_NULL_WITH_NULL_NULL): records carry
     * {@code version}. Install pending states on it to see ChangeCipherSpec's effect.
     */
    public static RecordLayerPair inMemoryPair(ProtocolVersion version) {
        InMemoryPipe clientToServer = new InMemoryPipe();
        InMemoryPipe serverToClient = new InMemoryPipe();
        RecordLayer client = new RecordLayer(serverToClient.inputStream(), clientToServer.outputStream(), () -> { });
        RecordLayer server = new RecordLayer(clientToServer.inputStream(), serverToClient.outputStream(), () -> { });
        for (RecordLayer layer : new RecordLayer[] {client, server}) {
            layer.setWriteVersion(version);
            layer.setRequiredReadVersion(version);
        }
        return new RecordLayerPair(client, server, clientToServer, serverToClient);
    }

    /**
     * A pair protected in both directions with the same keys (a real handshake gives each direction
     * its own; see the two-builder form): its current states already hold them.
     */
    public static RecordLayerPair inMemoryPair(ConnectionStateBuilder keys) {
        return inMemoryPair(keys, keys);
    }

    /**
     * A pair whose client writes with {@code clientWrite}'s keys and server with {@code serverWrite}'s,
     * as RFC 5246 §6.3 cuts client_write_* and server_write_* from the key block.
     *
     * @throws IllegalArgumentException if the two builders name different versions
     */
    public static RecordLayerPair inMemoryPair(ConnectionStateBuilder clientWrite, ConnectionStateBuilder serverWrite) {
        Objects.requireNonNull(clientWrite, "clientWrite");
        Objects.requireNonNull(serverWrite, "serverWrite");
        if (!clientWrite.version().equals(serverWrite.version())) {
            throw new IllegalArgumentException("both directions of a connection use one version, not "
                    + clientWrite.version().displayName() + " and " + serverWrite.version().displayName());
        }
        RecordLayerPair pair = inMemoryPair(clientWrite.version());
        install(pair.client(), clientWrite.forWriting(), serverWrite.forReading());
        install(pair.server(), serverWrite.forWriting(), clientWrite.forReading());
        return pair;
    }

    private static void install(RecordLayer layer, ConnectionState write, ConnectionState read) {
        layer.setPendingWriteState(write);
        layer.activatePendingWriteState();
        layer.setPendingReadState(read);
        try {
            layer.activatePendingReadState();
        } catch (org.layeredtls.alert.TlsAlertException cannotHappen) {
            throw new IllegalStateException("a pending read state was just installed", cannotHappen);
        }
    }
}
