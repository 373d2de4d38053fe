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
        String name = value("conversation");
        if (!NAME.matcher(name).matches()) {
            throw error("bad conversation name: " + name);
        }
        String openssl = value("openssl");
        if (!openssl.startsWith("OpenSSL ")) {
            throw error("openssl must be an 'openssl version' line: " + openssl);
        }
        Conversation.Role ours = switch (value("ours")) {
            case "client" -> Conversation.Role.CLIENT;
            case "server" -> Conversation.Role.SERVER;
            case "none" -> Conversation.Role.NONE;
            default -> throw error("ours must be client, server or none");
        };
        String version = oneOf("version", VERSIONS);
        String suite = value("suite");
        if (!SUITE.matcher(suite).matches()) {
            throw error("suite must be an IANA name: " + suite);
        }
        String label = value("random_label");
        if (label.isEmpty() != (ours == Conversation.Role.NONE)) {
            throw error("random_label is empty exactly when ours = none");
        }
        Instant clock;
        try {
            clock = Instant.parse(value("clock"));
        } catch (DateTimeParseException e) {
            throw error("clock must be an ISO-8601 instant");
        }
        String certificate = oneOf("certificate", CERTIFICATES);
        String clientAuth = oneOf("client_auth", CLIENT_AUTH);
        String peer = value("peer");
        int count = decimal(value("connections"));
        if (count == 0) {
            throw error("a conversation has at least one connection");
        }
        List<ConversationConnection> connections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            connections.add(connection());
        }
        String rest = nextLine();
        if (rest != null) {
            throw error("unexpected line after the last connection: " + describe(rest));
        }
        return new Conversation(name, openssl, ours, version, suite, label, clock, certificate, clientAuth, peer,
                connections);
    }

    private ConversationConnection connection() throws IOException {
        expect("connection");
        String keyLog = value("keylog");
        if (!KEY_LOG.matcher(keyLog).matches()) {
            throw error("keylog must be 'CLIENT_RANDOM <32 bytes hex> <48 bytes hex>'");
        }
        byte[] clientData = lines.hex(value("client_data"));
        byte[] serverData = lines.hex(value("server_data"));
        int count = decimal(value("flows"));
        if (count == 0) {
            throw error("a connection has at least one flow");
        }
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String line = nextLine();
            String key = VectorLines.keyOf(line);
            if (key == null) {
                throw error("expected a c2s or s2c flow but found " + describe(line));
            }
            Flow.Direction direction = switch (key) {
                case "c2s" -> Flow.Direction.CLIENT_TO_SERVER;
                case "s2c" -> Flow.Direction.SERVER_TO_CLIENT;
                default -> throw error("expected a c2s or s2c flow but found " + describe(line));
            };
            byte[] bytes = lines.hex(lines.valueOf(line, key));
            if (bytes.length == 0) {
                throw error("an empty flow");
            }
            flows.add(new Flow(direction, bytes));
        }
        expect("end");
        return new ConversationConnection(keyLog, clientData, serverData, flows);
    }

    private String oneOf(String key, Set<String> allowed) throws IOException {
        String value = value(key);
        if (!allowed.contains(value)) {
            throw error(key + " must be one of " + allowed + ": " + value);
        }
        return value;
    }


    private int decimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw error("not a decimal number: " + text);
        }
        return Integer.parseInt(text);
    }

    private String value(String key) throws IOException {
        return lines.value(key);
    }

    private String nextLine() throws IOException {
        return lines.nextLine();
    }

    private void expect(String bareLine) throws IOException {
        lines.expect(bareLine);
    }

    private static String describe(String line) {
        return VectorLines.describe(line);
    }

    VectorFormatException error(String reason) {
        return lines.error(reason);
    }
}
