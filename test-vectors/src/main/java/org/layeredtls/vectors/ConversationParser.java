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
    private static final Pattern SUITE = Pattern.compile("TLS_[A-Z0-9_]+");
    private static final Set<String> VERSIONS = Set.of("TLS1_0", "TLS1_1", "TLS1_2");
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
        String peer = lines.value("peer");
        int count = decimal(lines.value("connections"));
        if (count == 0) {
            throw lines.error("a conversation has at least one connection");
        }
        List<ConversationConnection> connections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            connections.add(connection());
        }
        String rest = lines.nextLine();
        if (rest != null) {
            throw lines.error("unexpected line after the last connection: " + VectorLines.describe(rest));
        }
        return new Conversation(name, openssl, ours, version, suite, label, clock, certificate, clientAuth, peer,
                connections);
    }

    private ConversationConnection connection() throws IOException {
        lines.expect("connection");
        String keyLog = lines.value("keylog");
        if (!KEY_LOG.matcher(keyLog).matches()) {
            throw lines.error("keylog must be 'CLIENT_RANDOM <32 bytes hex> <48 bytes hex>'");
        }
        byte[] clientData = lines.hex(lines.value("client_data"));
        byte[] serverData = lines.hex(lines.value("server_data"));
        int count = decimal(lines.value("flows"));
        if (count == 0) {
            throw lines.error("a connection has at least one flow");
        }
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String line = lines.nextLine();
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
