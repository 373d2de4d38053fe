package org.layeredtls.vectors;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One TCP connection of a {@link Conversation}: a TLS handshake, the application data each side
 * sent, and every byte that crossed, in the order it arrived at the relay.
 *
 * @param keyLog     the NSS key log lines of this connection's session: up to TLS 1.2 the one line
 *                   {@code CLIENT_RANDOM <client random hex> <master secret hex>}; in TLS 1.3 one line per
 *                   secret, {@code <LABEL> <client random hex> <secret hex>}, as OpenSSL's {@code -keylogfile}
 *                   writes them ({@code CLIENT_HANDSHAKE_TRAFFIC_SECRET}, {@code SERVER_HANDSHAKE_TRAFFIC_SECRET},
 *                   {@code CLIENT_TRAFFIC_SECRET_0}, {@code SERVER_TRAFFIC_SECRET_0}, {@code EXPORTER_SECRET}, and
 *                   after a KeyUpdate OpenSSL 3.0's {@code CLIENT_TRAFFIC_SECRET_N} / {@code SERVER_TRAFFIC_SECRET_N},
 *                   the letter N as written)
 * @param clientData the application data the client sent (all of it, whatever the records)
 * @param serverData the application data the server sent
 * @param flows      the chunks, both directions interleaved as they arrived
 */
public record ConversationConnection(List<String> keyLog, byte[] clientData, byte[] serverData, List<Flow> flows) {

    /** The label of the TLS 1.2 (and earlier) key log line. */
    public static final String CLIENT_RANDOM = "CLIENT_RANDOM";

    public ConversationConnection {
        keyLog = List.copyOf(keyLog);
        if (keyLog.isEmpty()) {
            throw new IllegalArgumentException("a connection has at least one key log line");
        }
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

    /** The client random of the key log, 32 bytes (every line of a connection names the same). */
    public byte[] keyLogClientRandom() {
        return Hex.decode(keyLog.get(0).split(" ")[1]);
    }

    /** The master secret of the {@code CLIENT_RANDOM} key log line, 48 bytes (up to TLS 1.2). */
    public byte[] keyLogMasterSecret() {
        return keyLogSecret(CLIENT_RANDOM).orElseThrow(() -> new IllegalStateException("no CLIENT_RANDOM line in the key log"));
    }

    /** The secret of the key log line with this label (such as {@code SERVER_HANDSHAKE_TRAFFIC_SECRET}), if there is one. */
    public Optional<byte[]> keyLogSecret(String label) {
        for (String line : keyLog) {
            String[] fields = line.split(" ");
            if (fields[0].equals(label)) {
                return Optional.of(Hex.decode(fields[2]));
            }
        }
        return Optional.empty();
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
        return "connection " + keyLog.get(0).substring(0, Math.min(keyLog.get(0).length(), 30)) + "... " + flows.size() + " flows";
    }
}
