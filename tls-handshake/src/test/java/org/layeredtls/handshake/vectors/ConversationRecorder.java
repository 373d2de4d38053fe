package org.layeredtls.handshake.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.vectors.Conversation;
import org.layeredtls.vectors.Conversation.Role;
import org.layeredtls.vectors.ConversationConnection;
import org.layeredtls.vectors.Conversations;
import org.layeredtls.vectors.Flow;
import org.layeredtls.handshake.research.ConversationConfigs;
import org.layeredtls.handshake.research.ConversationPki;
import org.layeredtls.handshake.research.RecordStream;

/**
 * Records the reference conversations (a test-scope program, run by
 * {@code test-vectors/scripts/record-conversations.sh}): LayeredTLS, with a deterministic random
 * source and a fixed clock, talks to a real {@code openssl s_server} or {@code s_client} through a
 * {@link Relay} that saves every chunk; OpenSSL-only conversations put the relay between
 * {@code s_client} and {@code s_server} and keep {@code s_client -keylogfile}'s line.
 *
 * <p>Usage: {@code ConversationRecorder FOLDER [NAME...]} writes {@code NAME.txt} for every planned
 * conversation (or just the named ones), {@code index.txt}, and the PEM files if they are missing.
 */
public final class ConversationRecorder {

    private static final Pattern ACCEPT = Pattern.compile("ACCEPT [^\\n]*:(\\d+)");
    private static final long WAIT = 30_000;

    private final Path folder;
    private final Path temp;
    private final String opensslVersion;

    private ConversationRecorder(Path folder) throws IOException, InterruptedException {
        this.folder = folder;
        this.temp = Files.createTempDirectory("refconv");
        Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
        this.opensslVersion = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        p.waitFor();
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        if (!Files.exists(folder.resolve("ca.pem"))) {
            ConversationPki.generate(folder);
        }
        ConversationRecorder recorder = new ConversationRecorder(folder);
        System.out.println("recording with " + recorder.opensslVersion);
        List<String> only = List.of(args).subList(1, args.length);
        List<String> index = new ArrayList<>();
        for (ConversationPlan plan : ConversationPlan.all()) {
            index.add(plan.name() + ".txt");
            if (!only.isEmpty() && !only.contains(plan.name())) {
                continue;
            }
            Conversation c = recorder.record(plan);
            Files.writeString(folder.resolve(plan.name() + ".txt"), "# Recorded by ConversationRecorder "
                    + "(test-vectors/scripts/record-conversations.sh); see Conversations for the format.\n"
                    + Conversations.format(c), StandardCharsets.US_ASCII);
            int bytes = c.connections().stream().mapToInt(k -> k.clientToServer().length + k.serverToClient().length).sum();
            System.out.println("recorded " + plan.name() + ": " + c.connections().size() + " connection(s), " + bytes + " bytes");
        }
        Files.writeString(folder.resolve("index.txt"), "# The recorded conversations, one file a line (" + recorder.opensslVersion
                + ")\n" + String.join("\n", index) + "\n", StandardCharsets.US_ASCII);
    }

    private Conversation record(ConversationPlan plan) throws Exception {
        Conversation shell = new Conversation(plan.name(), opensslVersion, plan.ours(), plan.version(), plan.suite(),
                plan.ours() == Role.NONE ? "" : "refconv " + plan.name(), Instant.parse(ConversationPlan.CLOCK),
                plan.certificate(), plan.clientAuth(), plan.group(), plan.keyUpdate(), "", List.of(new ConversationConnection(
                        List.of("CLIENT_RANDOM " + "00".repeat(32) + " " + "00".repeat(48)), new byte[0], new byte[0],
                        List.of(new Flow(Flow.Direction.CLIENT_TO_SERVER, new byte[1])))));
        KeyLogObserver keys = new KeyLogObserver(plan.version().equals("TLS1_3") ? keyLog(plan) : null);
        TlsConfig config = plan.ours() == Role.NONE ? null : ConversationConfigs.ourConfig(shell, keys);
        List<ConversationConnection> connections = new ArrayList<>();
        List<String> peer = new ArrayList<>();
        switch (plan.ours()) {
            case CLIENT -> {
                try (OpenSslProcess server = new OpenSslProcess(serverCommand(plan, false), folder)) {
                    peer.add(describe(serverCommand(plan, false)));
                    int port = Integer.parseInt(server.await(ACCEPT, 0, WAIT).group(1));
                    try (Relay relay = new Relay(port)) {
                        for (int i = 0; i < plan.connections(); i++) {
                            if (i > 0) {
                                relay.nextConnection();
                            }
                            connections.add(ourClient(plan, i, config, keys, server, relay));
                        }
                    }
                }
            }
            case SERVER -> {
                try (ServerSocket listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
                    listener.setSoTimeout((int) WAIT);
                    for (int i = 0; i < plan.connections(); i++) {
                        List<String> command = clientCommand(plan, i, 0);
                        peer.add(describe(command));
                        connections.add(ourServer(plan, i, config, keys, listener));
                    }
                }
            }
            case NONE -> {
                try (OpenSslProcess server = new OpenSslProcess(serverCommand(plan, true), folder)) {
                    peer.add(describe(serverCommand(plan, true)));
                    peer.add(describe(clientCommand(plan, 0, 0)));
                    int port = Integer.parseInt(server.await(ACCEPT, 0, WAIT).group(1));
                    connections.add(opensslOnly(plan, server, port));
                }
            }
        }
        return new Conversation(shell.name(), shell.openssl(), shell.ours(), shell.version(), shell.suite(),
                shell.randomLabel(), shell.clock(), shell.certificate(), shell.clientAuth(), shell.group(), shell.keyUpdate(),
                String.join(" | ", peer), connections);
    }

    private ConversationConnection ourClient(ConversationPlan plan, int index, TlsConfig config, KeyLogObserver keys,
                                             OpenSslProcess server, Relay relay) throws Exception {
        byte[] request = ConversationPlan.clientData(plan.name(), index);
        byte[] answer = ConversationPlan.serverData(plan.name(), index);
        {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), relay.port());
            socket.setSoTimeout((int) WAIT);
            TlsSocket tls = TlsSocket.client(socket, config);
            tls.startHandshake();
            int mark = server.output().length();
            if (plan.keyUpdate().equals("ours")) {
                tls.keyUpdate(true);
            }
            tls.getOutputStream().write(request);
            server.await(ConversationPlan.clientMarker(plan.name(), index), mark, WAIT);
            if (plan.keyUpdate().equals("peer")) {
                serverKeyUpdate(server, relay);
            }
            server.write(answer);
            readFully(tls.getInputStream(), answer.length, answer);
            tls.close();
            List<Flow> flows = relay.awaitFlows(WAIT);
            return new ConversationConnection(keys.line(flows), request, answer, flows);
        }
    }

    private ConversationConnection ourServer(ConversationPlan plan, int index, TlsConfig config, KeyLogObserver keys,
                                             ServerSocket listener) throws Exception {
        byte[] request = ConversationPlan.clientData(plan.name(), index);
        byte[] answer = ConversationPlan.serverData(plan.name(), index);
        try (Relay relay = new Relay(listener.getLocalPort());
             OpenSslProcess client = new OpenSslProcess(clientCommand(plan, index, 0).stream()
                     .map(a -> a.equals("127.0.0.1:PORT") ? "127.0.0.1:" + relay.port() : a).toList(), folder)) {
            if (!plan.keyUpdate().equals("peer")) {
                client.write(request);
            }
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout((int) WAIT);
                TlsSocket tls = TlsSocket.server(socket, config);
                tls.startHandshake();
                if (plan.keyUpdate().equals("ours")) {
                    tls.keyUpdate(true);
                }
                if (plan.keyUpdate().equals("peer")) {
                    clientKeyUpdate(client);
                    client.write(request);
                }
                readFully(tls.getInputStream(), request.length, request);
                tls.getOutputStream().write(answer);
                client.await(ConversationPlan.serverMarker(plan.name(), index), 0, WAIT);
                tls.close();
            }
            client.awaitExit(WAIT);
            List<Flow> flows = relay.awaitFlows(WAIT);
            return new ConversationConnection(keys.line(flows), request, answer, flows);
        }
    }

    private ConversationConnection opensslOnly(ConversationPlan plan, OpenSslProcess server, int port) throws Exception {
        byte[] request = ConversationPlan.clientData(plan.name(), 0);
        byte[] answer = ConversationPlan.serverData(plan.name(), 0);
        Path keyLog = keyLog(plan);
        try (Relay relay = new Relay(port);
             OpenSslProcess client = new OpenSslProcess(clientCommand(plan, 0, relay.port()), folder)) {
            client.write(request);
            server.await(ConversationPlan.clientMarker(plan.name(), 0), 0, WAIT);
            server.write(answer);
            client.await(ConversationPlan.serverMarker(plan.name(), 0), 0, WAIT);
            client.closeInput(); // s_client sends close_notify at end of input
            client.awaitExit(WAIT);
            List<Flow> flows = relay.awaitFlows(WAIT);
            if (plan.version().equals("TLS1_3")) {
                return new ConversationConnection(new KeyLogObserver(keyLog).line(flows), request, answer, flows);
            }
            String line = Files.readAllLines(keyLog).stream().filter(l -> l.startsWith("CLIENT_RANDOM ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no CLIENT_RANDOM line in the key log"));
            return new ConversationConnection(List.of(line.strip().toLowerCase(java.util.Locale.ROOT).replace("client_random", "CLIENT_RANDOM")),
                    request, answer, flows);
        }
    }

    private List<String> serverCommand(ConversationPlan plan, boolean keyLog) {
        List<String> c = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:0", "-naccept",
                Integer.toString(plan.connections()), "-cert", "server-rsa.pem", "-key", "server-rsa.key",
                "-dcert", "server-ec.pem", "-dkey", "server-ec.key", versionFlag(plan.version())));
        c.addAll(suiteArgs(plan));
        if (plan.version().equals("TLS1_3") && plan.ours() == Role.CLIENT) { // else s_client writes the key log
            c.addAll(List.of("-keylogfile", keyLog(plan).toString()));
        }
        c.addAll(plan.serverArgs());
        return c;
    }

    private List<String> clientCommand(ConversationPlan plan, int index, int port) {
        List<String> c = new ArrayList<>(List.of("openssl", "s_client", "-connect",
                port == 0 ? "127.0.0.1:PORT" : "127.0.0.1:" + port, "-servername", "localhost",
                versionFlag(plan.version())));
        c.addAll(suiteArgs(plan));
        if (plan.connections() > 1) {
            c.addAll(List.of(index == 0 ? "-sess_out" : "-sess_in", temp.resolve(plan.name() + ".session").toString()));
        }
        if (plan.ours() == Role.NONE || plan.version().equals("TLS1_3")) {
            c.addAll(List.of("-keylogfile", keyLog(plan).toString()));
        }
        c.addAll(plan.clientArgs());
        return c;
    }

    /** Where OpenSSL's {@code -keylogfile} of a conversation goes (one file for all its connections). */
    private Path keyLog(ConversationPlan plan) {
        return temp.resolve(plan.name() + ".keylog");
    }

    /** The cipher suite arguments: TLS 1.3 suites have their own list in OpenSSL ({@code -ciphersuites}). */
    private static List<String> suiteArgs(ConversationPlan plan) {
        String name = ConversationConfigs.suite(plan.suite()).openSslName();
        return plan.version().equals("TLS1_3") ? List.of("-ciphersuites", name)
                : List.of("-cipher", name + ":@SECLEVEL=0");
    }

    /**
     * s_server's {@code K} command: a KeyUpdate with update_requested, sent at once (s_server's own report of it is
     * buffered, so the relay says when it went by).
     */
    private static void serverKeyUpdate(OpenSslProcess server, Relay relay) throws Exception {
        int mark = relay.bytes(Flow.Direction.SERVER_TO_CLIENT);
        server.write("K\n".getBytes(StandardCharsets.US_ASCII));
        relay.awaitMoreThan(Flow.Direction.SERVER_TO_CLIENT, mark, WAIT);
    }

    /** s_client's {@code K} command: a KeyUpdate with update_requested, sent at once; s_client says {@code KEYUPDATE}. */
    private static void clientKeyUpdate(OpenSslProcess client) throws Exception {
        int mark = client.output().length();
        client.write("K\n".getBytes(StandardCharsets.US_ASCII));
        client.await("KEYUPDATE", mark, WAIT);
    }

    private String describe(List<String> command) {
        return String.join(" ", command).replace(temp.toString(), "$TMP");
    }

    private static String versionFlag(String version) {
        return switch (version) {
            case "TLS1_0" -> "-tls1";
            case "TLS1_1" -> "-tls1_1";
            case "TLS1_3" -> "-tls1_3";
            default -> "-tls1_2";
        };
    }

    private static void readFully(InputStream in, int length, byte[] expected) throws IOException {
        byte[] got = in.readNBytes(length);
        if (!java.util.Arrays.equals(got, expected)) {
            throw new IOException("the application data did not arrive intact (" + got.length + " bytes)");
        }
    }

    /**
     * The key log of a connection. Up to TLS 1.2: the last master secret our side derived (a resumption derives none:
     * it reuses the session's), with this connection's client random. TLS 1.3: the lines OpenSSL's
     * {@code -keylogfile} wrote for this connection's client random, so the replay checks our key schedule against
     * OpenSSL's.
     */
    private static final class KeyLogObserver implements TlsObserver {
        private final Path opensslKeyLog;
        private byte[] masterSecret;

        KeyLogObserver(Path opensslKeyLog) {
            this.opensslKeyLog = opensslKeyLog;
        }

        @Override
        public void masterSecretDerived(byte[] clientRandom, byte[] masterSecret) {
            this.masterSecret = masterSecret;
        }

        List<String> line(List<Flow> flows) throws IOException {
            byte[] clientRandom = RecordStream.clientHelloRandom(new ConversationConnection(
                    List.of("CLIENT_RANDOM " + "00".repeat(80)), new byte[0], new byte[0], flows).clientToServer());
            HexFormat hex = HexFormat.of();
            if (opensslKeyLog == null) {
                return List.of("CLIENT_RANDOM " + hex.formatHex(clientRandom) + " " + hex.formatHex(masterSecret));
            }
            String random = hex.formatHex(clientRandom);
            // OpenSSL wrote them during the handshake, which is over: the application data went both ways
            List<String> lines = Files.readAllLines(opensslKeyLog).stream().map(String::strip)
                    .filter(l -> l.split(" ").length == 3 && l.split(" ")[1].equalsIgnoreCase(random))
                    .map(l -> l.split(" ")[0] + " " + l.split(" ")[1].toLowerCase(java.util.Locale.ROOT) + " "
                            + l.split(" ")[2].toLowerCase(java.util.Locale.ROOT))
                    .toList();
            if (lines.stream().noneMatch(l -> l.startsWith("EXPORTER_SECRET "))) {
                throw new IllegalStateException("no TLS 1.3 key log lines for client random " + random + " in " + opensslKeyLog);
            }
            return lines;
        }
    }
}
