package org.layeredtls.vectors;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * One TCP connection of a {@link Conversation}: a TLS handshake, the application data each side
 * sent, and every byte that crossed, in the order it arrived at the relay.
 *
 * @param keyLog     the NSS key log line of this connection's session:
 *                   {@code CLIENT_RANDOM <client random hex> <master secret hex>}
 * @param clientData the application data the client sent (all of it, whatever the records)
 * @param serverData the application data the server sent
 * @param flows      the chunks, both directions interleaved as they arrived
 */
public record ConversationConnection(String keyLog, byte[] clientData, byte[] serverData, List<Flow> flows) {

    public ConversationConnection {
        clientData = clientData.clone();
        serverData = serverData.clone();
        flows = List.copyOf(flows);
    }

    @Override
    public byte[] clientData() {
        return clientData.clone();
    }

    @Override
    public byte[] serverData() {
        return serverData.clone();
    }

    /** Everything the client sent, in order: the stream the server read. */
    public byte[] clientToServer() {
        return stream(Flow.Direction.CLIENT_TO_SERVER);
    }

    /** Everything the server sent, in order: the stream the client read. */
    public byte[] serverToClient() {
        return stream(Flow.Direction.SERVER_TO_CLIENT);
    }

    /** Everything one direction carried, in order. */
    public byte[] stream(Flow.Direction direction) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Flow flow : flows) {
            if (flow.direction() == direction) {
                out.writeBytes(flow.bytes());
            }
        }
        return out.toByteArray();
    }

    /** The client random of the key log line, 32 bytes. */
    public byte[] keyLogClientRandom() {
        return Hex.decode(keyLog.split(" ")[1]);
    }

    /** The master secret of the key log line, 48 bytes. */
    public byte[] keyLogMasterSecret() {
        return Hex.decode(keyLog.split(" ")[2]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConversationConnection that && keyLog.equals(that.keyLog)
                && Arrays.equals(clientData, that.clientData) && Arrays.equals(serverData, that.serverData)
                && flows.equals(that.flows);
    }

    @Override
    public int hashCode() {
        return keyLog.hashCode() * 31 + flows.hashCode();
    }

    @Override
    public String toString() {
        return "connection " + keyLog.substring(0, Math.min(keyLog.length(), 30)) + "... " + flows.size() + " flows";
    }
}
