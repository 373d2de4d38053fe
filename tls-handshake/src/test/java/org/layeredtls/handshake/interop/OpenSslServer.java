package org.layeredtls.handshake.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A running {@code openssl s_server} on 127.0.0.1 and an ephemeral port, as a peer for our client.
 *
 * <p>The port: OpenSSL 3.0 accepts {@code -accept 127.0.0.1:0}, binds an ephemeral port and prints
 * {@code ACCEPT 127.0.0.1:PORT} on stdout once it listens (not with {@code -quiet}, which prints nothing):
 * that line is both the port and the readiness signal, so there is no port race and no sleep.
 *
 * <p>Standard input stays an open pipe (s_server quits at end of input). s_server serves connections one
 * after the other, forever: one server can serve every cell of a matrix. Per connection it prints, on stdout,
 * the session PEM, "Shared ciphers:...", "CIPHER is NAME", "Secure Renegotiation IS supported", then the data
 * it receives, raw; when the client's close_notify arrives it prints "DONE" and answers with its own
 * close_notify. Stdin commands (a read that starts with the letter):
 * "r\n" renegotiates (HelloRequest), "R\n" renegotiates asking for a client certificate, "q" closes the
 * connection <em>without</em> close_notify, "Q" quits. A command takes its whole read: s_server drops whatever
 * else that read() returned, so what follows a command goes to stdin only once s_server has taken it.
 */
public final class OpenSslServer extends PeerProcess {

    private static final Pattern ACCEPT = Pattern.compile("ACCEPT 127\\.0\\.0\\.1:(\\d+)\\r?\\n");
    private static final Pattern CIPHER = Pattern.compile("CIPHER is (\\S+)\\r?\\n");
    private static final Pattern DONE = Pattern.compile("(?m)^DONE\\r?\\n");

    /** The bound for start-up and each wait: generous, the machine has 2 cores shared by many builds. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private final int port;

    private OpenSslServer(List<String> command, Path directory) throws IOException, InterruptedException {
        super(command, directory);
        Optional<Match> accept;
        try {
            accept = awaitStdout(ACCEPT, 0, WAIT);
        } catch (InterruptedException e) {
            close();
            throw e;
        }
        if (accept.isEmpty()) {
            String diagnostics = diagnostics();
            close();
            throw new IOException("s_server did not print its ACCEPT line within " + WAIT + ":\n" + diagnostics);
        }
        this.port = Integer.parseInt(accept.get().group(1));
    }

    /** A builder: add options, then {@link Builder#start()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The port it listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    /** Sends {@code data} to the connected client (as hex lines, see {@link DataTransfer}). */
    public void send(byte[] data) throws IOException {
        writeStdin(DataTransfer.encodeLines(data));
    }

    /**
     * Renegotiates the current connection: s_server sends HelloRequest ("r" command). Its only sign of having
     * taken the command, "SSL_do_handshake -> 1", stays in stdout's buffer: write nothing more to its stdin
     * until the client saw the renegotiation (e.g. {@link CompletedHandshakes}), or it may be dropped.
     */
    public void renegotiate() throws IOException {
        writeStdin("r\n");
    }

    /** Renegotiates asking for a client certificate ("R" command). */
    public void renegotiateRequestingClientCertificate() throws IOException {
        writeStdin("R\n");
    }

    /** Waits for the next handshake's "CIPHER is" line after {@code from}; returns the OpenSSL cipher name. */
    public Optional<String> awaitHandshake(int from, Duration timeout) throws InterruptedException {
        return awaitStdout(CIPHER, from, timeout).map(match -> match.group(1));
    }

    /**
     * Waits until s_server has received the client's close_notify after {@code from}: it prints "DONE" then
     * (and answers with its own close_notify). A connection that ends without close_notify prints an error on
     * stderr ("unexpected eof while reading") and no "DONE". ("shutting down SSL" and "CONNECTION CLOSED" are
     * printed too, but stay in stdio's buffer when stdout is a pipe: do not wait for them.)
     */
    public boolean awaitCleanClose(int from, Duration timeout) throws InterruptedException {
        return awaitStdout(DONE, from, timeout).isPresent();
    }

    /** The options of {@code openssl s_server}. Unset options keep OpenSSL's defaults. */
    public static final class Builder {
        private final List<String> args = new ArrayList<>();
        private String cipher;
        private boolean secLevel0;
        private Path directory;

        private Builder() {
        }

        private Builder add(String... values) {
            args.addAll(List.of(values));
            return this;
        }

        public Builder cert(Path certificate) { return add("-cert", certificate.toString()); }
        public Builder key(Path key) { return add("-key", key.toString()); }
        /** A second certificate and key (e.g. ECDSA next to RSA): s_server picks by the suite. */
        public Builder dcert(Path certificate, Path key) { return add("-dcert", certificate.toString(), "-dkey", key.toString()); }
        public Builder caFile(Path caFile) { return add("-CAfile", caFile.toString()); }
        /** Asks for a client certificate (-verify depth): optional. */
        public Builder verify(int depth) { return add("-verify", Integer.toString(depth)); }
        /** Requires a client certificate (-Verify depth). */
        public Builder requireClientCertificate(int depth) { return add("-Verify", Integer.toString(depth)); }
        public Builder verifyReturnError() { return add("-verify_return_error"); }
        /** The TLS 1.2-and-below cipher list (OpenSSL names, colon separated). */
        public Builder cipher(String list) { cipher = list; return this; }
        /** Appends {@code @SECLEVEL=0}: needed on both ends for TLS 1.0/1.1 and SHA-1 in OpenSSL 3.0. */
        public Builder secLevel0() { secLevel0 = true; return this; }
        public Builder ciphersuites(String tls13Suites) { return add("-ciphersuites", tls13Suites); }
        public Builder tls1() { return add("-tls1"); }
        public Builder tls1_1() { return add("-tls1_1"); }
        public Builder tls1_2() { return add("-tls1_2"); }
        public Builder noTls1_3() { return add("-no_tls1_3"); }
        /** "Just" one version, by our name: "TLSv1", "TLSv1.1", "TLSv1.2". */
        public Builder version(String openSslName) {
            return switch (openSslName) {
                case "TLSv1" -> tls1();
                case "TLSv1.1" -> tls1_1();
                case "TLSv1.2" -> tls1_2();
                default -> throw new IllegalArgumentException("OpenSSL here has no " + openSslName);
            };
        }
        public Builder www() { return add("-www"); }
        public Builder rev() { return add("-rev"); }
        public Builder noCache() { return add("-no_cache"); }
        public Builder sessionIdContext(String context) { return add("-context", context); }
        public Builder noTicket() { return add("-no_ticket"); }
        public Builder legacyRenegotiation() { return add("-legacy_renegotiation"); }
        /** OpenSSL 3.0 refuses client-initiated renegotiation unless told so. */
        public Builder clientRenegotiation() { return add("-client_renegotiation"); }
        public Builder maxSendFrag(int size) { return add("-max_send_frag", Integer.toString(size)); }
        public Builder splitSendFrag(int size) { return add("-split_send_frag", Integer.toString(size)); }
        public Builder keylogFile(Path file) { return add("-keylogfile", file.toString()); }
        public Builder msg() { return add("-msg"); }
        public Builder trace() { return add("-trace"); }
        public Builder serverPref() { return add("-serverpref"); }
        public Builder dhparam(Path file) { return add("-dhparam", file.toString()); }
        public Builder alpn(String protocols) { return add("-alpn", protocols); }
        public Builder naccept(int connections) { return add("-naccept", Integer.toString(connections)); }
        /** Any other s_server option. */
        public Builder option(String... values) { return add(values); }
        /** The working directory (default: the current one). */
        public Builder directory(Path dir) { directory = dir; return this; }

        /** Starts s_server and waits (bounded) until it listens. */
        public OpenSslServer start() throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:0"));
            command.addAll(args);
            String list = cipher == null ? (secLevel0 ? "ALL" : null) : cipher;
            if (list != null) {
                command.add("-cipher");
                command.add(secLevel0 ? list + ":@SECLEVEL=0" : list);
            }
            return new OpenSslServer(command, directory);
        }
    }
}
