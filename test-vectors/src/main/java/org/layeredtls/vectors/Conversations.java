package org.layeredtls.vectors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenSSL reference conversations: recordings of LayeredTLS talking to a real OpenSSL peer
 * (and of OpenSSL talking to itself), replayed offline by the tests, the way Go's crypto/tls keeps
 * its reference tests. They are written by {@code test-vectors/scripts/record-conversations.sh}.
 *
 * <p>The files live in {@value #FOLDER} on the classpath; {@code index.txt} there names them, one a
 * line. Each file is line based ({@code #} comments, hex in lower case, an empty value stays empty):
 *
 * <pre>
 * conversation = tls12-ecdhe-rsa-aes128gcm-our-client
 * openssl = OpenSSL 3.0.19 27 Jan 2026 (Library: OpenSSL 3.0.19 27 Jan 2026)
 * ours = client                  (client, server or none)
 * version = TLS1_2               (TLS1_0 to TLS1_3)
 * suite = TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
 * random_label = refconv tls12-ecdhe-rsa-aes128gcm-our-client
 * clock = 2026-06-01T12:00:00Z
 * certificate = none             (rsa, ec, client-rsa or none)
 * client_auth = none             (none or need)
 * group = x25519                 (TLS 1.3 only: the key_share group; a NamedGroup name)
 * key_update = none               (TLS 1.3 only: none, ours or peer)
 * peer = openssl s_server ...
 * connections = 1
 * connection
 * keylog = CLIENT_RANDOM &lt;32 bytes hex&gt; &lt;48 bytes hex&gt;
 *                                (TLS 1.3: one keylog line per secret, LABEL &lt;client random&gt; &lt;secret&gt;)
 * client_data = hex
 * server_data = hex
 * flows = 9
 * c2s = hex                      (one line per chunk, in arrival order)
 * s2c = hex
 * ...
 * end
 * </pre>
 *
 * <p>Parsing is strict: anything out of place is a {@link VectorFormatException} naming the line.
 */
public final class Conversations {

    /** Where the conversations live on the classpath. */
    public static final String FOLDER = "/org/layeredtls/vectors/conversations/";

    private Conversations() {
    }

    /** Every conversation the index names, in index order. */
    public static List<Conversation> load() {
        List<Conversation> all = new ArrayList<>();
        for (String file : index()) {
            all.add(load(file));
        }
        return all;
    }

    /** The file names {@code index.txt} lists. */
    public static List<String> index() {
        List<String> names = new ArrayList<>();
        for (String line : resourceText("index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    /** One conversation, by file name (such as {@code tls12-rsa-aes128-our-client.txt}). */
    public static Conversation load(String fileName) {
        return parse(new java.io.StringReader(resourceText(fileName)), FOLDER + fileName);
    }

    /** A text resource of the folder, such as a PEM file the peers used. */
    public static String resourceText(String fileName) {
        try (InputStream in = Conversations.class.getResourceAsStream(FOLDER + fileName)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException(FOLDER + fileName + " is not on the classpath"));
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one conversation in this format (the reader is not closed).
     *
     * @param source a name for error messages
     * @throws VectorFormatException if the text is malformed
     */
    public static Conversation parse(Reader reader, String source) {
        try {
            return new ConversationParser(new BufferedReader(reader), source).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a conversation in the format {@link #parse} reads. */
    public static String format(Conversation c) {
        StringBuilder out = new StringBuilder();
        line(out, "conversation", c.name());
        line(out, "openssl", c.openssl());
        line(out, "ours", c.ours().key());
        line(out, "version", c.version());
        line(out, "suite", c.suite());
        line(out, "random_label", c.randomLabel());
        line(out, "clock", c.clock().toString());
        line(out, "certificate", c.certificate());
        line(out, "client_auth", c.clientAuth());
        if (c.isTls13()) {
            line(out, "group", c.group());
            line(out, "key_update", c.keyUpdate());
        }
        line(out, "peer", c.peer());
        line(out, "connections", Integer.toString(c.connections().size()));
        for (ConversationConnection connection : c.connections()) {
            out.append("connection\n");
            for (String keyLogLine : connection.keyLog()) {
                line(out, "keylog", keyLogLine);
            }
            line(out, "client_data", Hex.encode(connection.clientData()));
            line(out, "server_data", Hex.encode(connection.serverData()));
            line(out, "flows", Integer.toString(connection.flows().size()));
            for (Flow flow : connection.flows()) {
                line(out, flow.direction().key(), Hex.encode(flow.bytes()));
            }
            out.append("end\n");
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append(" =");
        if (!value.isEmpty()) {
            out.append(' ').append(value);
        }
        out.append('\n');
    }

}
