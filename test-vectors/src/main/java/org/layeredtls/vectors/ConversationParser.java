package org.layeredtls.vectors;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one conversation file strictly; see {@link Conversations}. */
final class ConversationParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9]\\d{0,5}");
    private static final Pattern KEY_LOG = Pattern.compile("CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}");
    // the labels OpenSSL's -keylogfile writes for TLS 1.3 (SHA-256 or SHA-384 secrets); after a KeyUpdate
    // OpenSSL 3.0 writes the next application traffic secret as CLIENT_TRAFFIC_SECRET_N / SERVER_TRAFFIC_SECRET_N, literally
    private static final Pattern TLS13_KEY_LOG = Pattern.compile("(CLIENT_EARLY_TRAFFIC_SECRET|CLIENT_HANDSHAKE_TRAFFIC_SECRET"
            + "|SERVER_HANDSHAKE_TRAFFIC_SECRET|CLIENT_TRAFFIC_SECRET_(\\d+|N)|SERVER_TRAFFIC_SECRET_(\\d+|N)|EXPORTER_SECRET) [0-9a-f]{64} "
            + "([0-9a-f]{64}|[0-9a-f]{96})");
    private static final Pattern GROUP = Pattern.compile("[a-z0-9_]+|X25519MLKEM768");
    private static final Set<String> KEY_UPDATE = Set.of("none", "ours", "peer");
    private static final Pattern SUITE = Pattern.compile("TLS_[A-Z0-9_]+");
    private static final Set<String> VERSIONS = Set.of("TLS1_0", "TLS1_1", "TLS1_2", "TLS1_3");
    private static final Set<String> CERTIFICATES = Set.of("rsa", "ec", "client-rsa", "none");
    private static final Set<String> CLIENT_AUTH = Set.of("none", "need");

    private final VectorLines lines;

    ConversationParser(BufferedReader reader, String source) {
        this.lines = new VectorLines(reader, source);
    }

    Conversation parse() throws IOException {
        String name = lines.value("conversation");
        if (!NAME.matcher(name).matches()) {
            throw lines.error("bad conversation name: " + name);
        }
        String openssl = lines.value("openssl");
        if (!openssl.startsWith("OpenSSL ")) {
            throw lines.error("openssl must be an 'openssl version' line: " + openssl);
        }
        Conversation.Role ours = switch (lines.value("ours")) {
            case "client" -> Conversation.Role.CLIENT;
            case "server" -> Conversation.Role.SERVER;
            case "none" -> Conversation.Role.NONE;
            default -> throw lines.error("ours must be client, server or none");
        };
        String version = oneOf("version", VERSIONS);
        String suite = lines.value("suite");
        if (!SUITE.matcher(suite).matches()) {
            throw lines.error("suite must be an IANA name: " + suite);
        }
        String label = lines.value("random_label");
        if (label.isEmpty() != (ours == Conversation.Role.NONE)) {
            throw lines.error("random_label is empty exactly when ours = none");
        }
        Instant clock;
        try {
            clock = Instant.parse(lines.value("clock"));
        } catch (DateTimeParseException e) {
            throw lines.error("clock must be an ISO-8601 instant");
        }
        String certificate = oneOf("certificate", CERTIFICATES);
        String clientAuth = oneOf("client_auth", CLIENT_AUTH);
        boolean tls13 = version.equals("TLS1_3");
        String group = "";
        String keyUpdate = "none";
        if (tls13) {
            group = lines.value("group");
            if (!GROUP.matcher(group).matches()) {
                throw lines.error("group must be a NamedGroup name: " + group);
            }
            keyUpdate = oneOf("key_update", KEY_UPDATE);
        }
        String peer = lines.value("peer");
        int count = decimal(lines.value("connections"));
        if (count == 0) {
            throw lines.error("a conversation has at least one connection");
        }
        List<ConversationConnection> connections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            connections.add(connection(tls13));
        }
        String rest = lines.nextLine();
        if (rest != null) {
            throw lines.error("unexpected line after the last connection: " + VectorLines.describe(rest));
        }
        return new Conversation(name, openssl, ours, version, suite, label, clock, certificate, clientAuth, group, keyUpdate, peer,
                connections);
    }

    private ConversationConnection connection(boolean tls13) throws IOException {
        lines.expect("connection");
        List<String> keyLog = new ArrayList<>();
        String line = lines.nextLine();
        while ("keylog".equals(VectorLines.keyOf(line))) {
            String keyLogLine = lines.valueOf(line, "keylog");
            if (tls13 ? !TLS13_KEY_LOG.matcher(keyLogLine).matches() : !KEY_LOG.matcher(keyLogLine).matches()) {
                throw lines.error(tls13 ? "keylog must be '<TLS 1.3 secret label> <32 bytes hex> <32 or 48 bytes hex>'"
                        : "keylog must be 'CLIENT_RANDOM <32 bytes hex> <48 bytes hex>'");
            }
            keyLog.add(keyLogLine);
            line = lines.nextLine();
        }
        // up to TLS 1.2 one line (the master secret); TLS 1.3 one per secret, all of the same client random
        if (keyLog.isEmpty() || (!tls13 && keyLog.size() > 1)) {
            throw lines.error(tls13 ? "a TLS 1.3 connection has at least one keylog line" : "a connection has exactly one keylog line");
        }
        if (keyLog.stream().map(l -> l.split(" ")[1]).distinct().count() > 1) {
            throw lines.error("the keylog lines of a connection name different client randoms");
        }
        byte[] clientData = lines.hex(lines.valueOf(line, "client_data"));
        byte[] serverData = lines.hex(lines.value("server_data"));
        int count = decimal(lines.value("flows"));
        if (count == 0) {
            throw lines.error("a connection has at least one flow");
        }
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            line = lines.nextLine();
            String key = VectorLines.keyOf(line);
            if (key == null) {
                throw lines.error("expected a c2s or s2c flow but found " + VectorLines.describe(line));
            }
            Flow.Direction direction = switch (key) {
                case "c2s" -> Flow.Direction.CLIENT_TO_SERVER;
                case "s2c" -> Flow.Direction.SERVER_TO_CLIENT;
                default -> throw lines.error("expected a c2s or s2c flow but found " + VectorLines.describe(line));
            };
            byte[] bytes = lines.hex(lines.valueOf(line, key));
            if (bytes.length == 0) {
                throw lines.error("an empty flow");
            }
            flows.add(new Flow(direction, bytes));
        }
        lines.expect("end");
        return new ConversationConnection(keyLog, clientData, serverData, flows);
    }

    private String oneOf(String key, Set<String> allowed) throws IOException {
        String value = lines.value(key);
        if (!allowed.contains(value)) {
            throw lines.error(key + " must be one of " + allowed + ": " + value);
        }
        return value;
    }

    private int decimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw lines.error("not a decimal number: " + text);
        }
        return Integer.parseInt(text);
    }
}
