package org.layeredtls.handshake.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running {@code openssl s_client -connect 127.0.0.1:PORT}, as a peer for our server.
 *
 * <p>It prints (stdout) the chain, then "New, TLSv1.2, Cipher is X" (or "Reused, ..."; the version there is
 * the cipher's minimum, not the negotiated one), then an "SSL-Session:" block (a failed handshake prints one too, with "Cipher is (NONE)") with {@code Protocol  :} and
 * {@code Cipher    :} lines ending with a "---" line: that is when the handshake is done. Then it prints the
 * data it receives, raw, and sends what it reads on stdin. Closing its stdin makes it send close_notify and
 * exit 0. Stdin commands (a read that starts with the letter, without {@code -nocommands}): "Q" quits,
 * "R" renegotiates, "k"/"K" key update (TLS 1.3). A command takes its whole read: s_client drops whatever
 * else that read() returned, so what follows a command goes to stdin only once s_client has taken it.
 */
public final class OpenSslClient extends PeerProcess {

    /** A failed handshake prints "New, (NONE), Cipher is (NONE)" and an SSL-Session block too: exclude it. */
    private static final Pattern HANDSHAKE_DONE = Pattern.compile(
            "(?:New|Reused), [^,\\n]+, Cipher is (?!\\(NONE\\))\\S+\\r?\\n[\\s\\S]*?SSL-Session:\\r?\\n[\\s\\S]*?\\n---\\r?\\n");
    private static final Pattern PROTOCOL = Pattern.compile("\\n\\s+Protocol\\s+: (\\S+)");
    private static final Pattern CIPHER = Pattern.compile("\\n\\s+Cipher\\s+: (\\S+)");
    private static final Pattern VERIFY = Pattern.compile("Verify return code: (\\d+)");
    private static final Pattern RENEGOTIATING = Pattern.compile("RENEGOTIATING\\r?\\n");

    static final Duration WAIT = OpenSslServer.WAIT;

    private OpenSslClient(List<String> command, Path directory) throws IOException {
        super(command, directory);
    }

    /** A builder for a client of 127.0.0.1:{@code port}. */
    public static Builder builder(int port) {
        return new Builder(port);
    }

    /**
     * Waits (bounded) for the first handshake to complete; false if s_client exited or timed out first
     * (a refused handshake: see {@link #diagnostics()}).
     */
    public boolean awaitHandshake(Duration timeout) throws InterruptedException {
        return awaitStdout(HANDSHAKE_DONE, 0, timeout).isPresent();
    }

    /** The negotiated version as OpenSSL names it ("TLSv1.2"), from the last SSL-Session block. */
    public Optional<String> protocol() {
        return last(PROTOCOL);
    }

    /** The negotiated cipher suite's OpenSSL name, from the last SSL-Session block. */
    public Optional<String> cipher() {
        return last(CIPHER);
    }

    /** The last "Verify return code" (0 = ok). */
    public Optional<Integer> verifyReturnCode() {
        return last(VERIFY).map(Integer::parseInt);
    }

    /** How many handshakes resumed a session ("Reused, " lines), e.g. after {@code -reconnect}. */
    public int reusedCount() {
        return count("\nReused, ");
    }

    /** How many full handshakes ("New, " lines). */
    public int newCount() {
        return count("\nNew, ");
    }

    private int count(String marker) {
        String out = stdout();
        int count = 0;
        for (int i = out.indexOf(marker); i >= 0; i = out.indexOf(marker, i + 1)) {
            count++;
        }
        return count;
    }

    private Optional<String> last(Pattern pattern) {
        Matcher matcher = pattern.matcher(stdout());
        String found = null;
        while (matcher.find()) {
            found = matcher.group(1);
        }
        return Optional.ofNullable(found);
    }

    /** Sends {@code data} to the server (as hex lines, see {@link DataTransfer}). */
    public void send(byte[] data) throws IOException {
        writeStdin(DataTransfer.encodeLines(data));
    }

    /**
     * Asks s_client to renegotiate ("R" command; not with -nocommands or -quiet) and waits until it has taken
     * the command: it prints "RENEGOTIATING" on stderr (unbuffered), then drops the rest of that stdin read, so
     * data written to stdin before that line could be read together with "R" and lost. Throws if s_client
     * did not take the command within {@link #WAIT}.
     */
    public void renegotiate() throws IOException, InterruptedException {
        int mark = stderrSize();
        writeStdin("R\n");
        if (awaitStderr(RENEGOTIATING, mark, WAIT).isEmpty()) {
            throw new IOException("s_client did not take the R command within " + WAIT + ":\n" + diagnostics());
        }
    }

    /** Ends input: s_client sends close_notify and exits; returns its exit code, or empty on timeout. */
    public Optional<Integer> finish(Duration timeout) throws IOException, InterruptedException {
        closeStdin();
        return awaitExit(timeout);
    }

    /** The options of {@code openssl s_client}. */
    public static final class Builder {
        private final int port;
        private final List<String> args = new ArrayList<>();
        private String cipher;
        private boolean secLevel0;
        private Path directory;

        private Builder(int port) {
            this.port = port;
        }

        private Builder add(String... values) {
            args.addAll(List.of(values));
            return this;
        }

        public Builder tls1() { return add("-tls1"); }
        public Builder tls1_1() { return add("-tls1_1"); }
        public Builder tls1_2() { return add("-tls1_2"); }
        public Builder noTls1_3() { return add("-no_tls1_3"); }
        /** "Just" one version by OpenSSL's name: "TLSv1", "TLSv1.1", "TLSv1.2". */
        public Builder version(String openSslName) {
            return switch (openSslName) {
                case "TLSv1" -> tls1();
                case "TLSv1.1" -> tls1_1();
                case "TLSv1.2" -> tls1_2();
                default -> throw new IllegalArgumentException("OpenSSL here has no " + openSslName);
            };
        }
        public Builder cipher(String list) { cipher = list; return this; }
        /** Appends {@code @SECLEVEL=0}: needed on both ends for TLS 1.0/1.1 and SHA-1 in OpenSSL 3.0. */
        public Builder secLevel0() { secLevel0 = true; return this; }
        public Builder cert(Path certificate) { return add("-cert", certificate.toString()); }
        public Builder key(Path key) { return add("-key", key.toString()); }
        public Builder caFile(Path caFile) { return add("-CAfile", caFile.toString()); }
        public Builder verifyReturnError() { return add("-verify_return_error"); }
        public Builder servername(String name) { return add("-servername", name); }
        public Builder noServername() { return add("-noservername"); }
        public Builder alpn(String protocols) { return add("-alpn", protocols); }
        public Builder sessOut(Path file) { return add("-sess_out", file.toString()); }
        public Builder sessIn(Path file) { return add("-sess_in", file.toString()); }
        /** Five more connections resuming the first one's session. */
        public Builder reconnect() { return add("-reconnect"); }
        public Builder noTicket() { return add("-no_ticket"); }
        public Builder noEtm() { return add("-no_etm"); }
        public Builder msg() { return add("-msg"); }
        public Builder trace() { return add("-trace"); }
        public Builder splitSendFrag(int size) { return add("-split_send_frag", Integer.toString(size)); }
        public Builder maxSendFrag(int size) { return add("-max_send_frag", Integer.toString(size)); }
        public Builder maxFragLen(int length) { return add("-maxfraglen", Integer.toString(length)); }
        public Builder legacyRenegotiation() { return add("-legacy_renegotiation"); }
        public Builder noCommands() { return add("-nocommands"); }
        /** Any other s_client option. */
        public Builder option(String... values) { return add(values); }
        public Builder directory(Path dir) { directory = dir; return this; }

        /** Starts s_client (it connects at once); see {@link OpenSslClient#awaitHandshake}. */
        public OpenSslClient start() throws IOException {
            List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port));
            command.addAll(args);
            String list = cipher == null ? (secLevel0 ? "ALL" : null) : cipher;
            if (list != null) {
                command.add("-cipher");
                command.add(secLevel0 ? list + ":@SECLEVEL=0" : list);
            }
            return new OpenSslClient(command, directory);
        }
    }
}
