package org.layeredtls.handshake.interop;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link JssePeer} in a forked JVM (the same {@code java} as this one), with a security properties file that
 * empties {@code jdk.tls.disabledAlgorithms}, {@code jdk.certpath.disabledAlgorithms} and
 * {@code jdk.tls.legacyAlgorithms}: SSLv3, RC4, 3DES and NULL suites are then available. A JVM can take seconds
 * to start on a loaded machine: a server is ready when it prints {@code READY port} (bounded wait).
 */
final class JsseProcess extends PeerProcess {

    private static final Pattern READY = Pattern.compile("READY (\\d+)\\r?\\n");
    private static final Pattern HANDSHAKE = Pattern.compile("HANDSHAKE (\\S+) (\\S+)\\r?\\n");
    static final Duration WAIT = Duration.ofSeconds(60);

    private int port = -1;

    private JsseProcess(List<String> command, Path directory) throws IOException {
        super(command, directory);
    }

    /**
     * Starts a JSSE echo server (see {@link JssePeer}) and waits until it listens. {@code clientAuth} is
     * "none", "want" or "need"; {@code trusted} may be null when no client certificate is asked.
     */
    static JsseProcess server(Path directory, String protocols, String suites, TestPki.Identity identity,
                              Path trusted, String clientAuth) throws IOException, InterruptedException {
        return server(directory, protocols, suites, identity, trusted, clientAuth, "");
    }

    /**
     * As {@link #server(Path, String, String, TestPki.Identity, Path, String)}, with more lines for the security
     * properties file: what a JVM reads once, e.g. {@code jdk.tls.keyLimits} (the TLS 1.3 KeyUpdate threshold).
     */
    static JsseProcess server(Path directory, String protocols, String suites, TestPki.Identity identity,
                              Path trusted, String clientAuth, String securityProperties)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("server", "protocols=" + protocols, "suites=" + suites,
                "cert=" + identity.certificate(), "key=" + identity.key(), "clientAuth=" + clientAuth));
        if (trusted != null) {
            args.add("ca=" + trusted);
        }
        JsseProcess process = new JsseProcess(command(directory, args, securityProperties), directory);
        Optional<Match> ready = process.awaitStdout(READY, 0, WAIT);
        if (ready.isEmpty()) {
            String diagnostics = process.diagnostics();
            process.close();
            throw new IOException("the JSSE server did not print READY within " + WAIT + ":\n" + diagnostics);
        }
        process.port = Integer.parseInt(ready.get().group(1));
        return process;
    }

    /**
     * Starts a JSSE client of 127.0.0.1:{@code port} that sends {@code bytes} random bytes and expects them
     * echoed; {@code identity} (a client certificate) may be null.
     */
    static JsseProcess client(Path directory, int port, String protocols, String suites, Path trusted,
                              TestPki.Identity identity, int bytes) throws IOException {
        return client(directory, port, protocols, suites, trusted, identity, bytes, "");
    }

    /** As {@link #client(Path, int, String, String, Path, TestPki.Identity, int)}, with more security properties lines. */
    static JsseProcess client(Path directory, int port, String protocols, String suites, Path trusted,
                              TestPki.Identity identity, int bytes, String securityProperties) throws IOException {
        List<String> args = new ArrayList<>(List.of("client", "port=" + port, "protocols=" + protocols,
                "suites=" + suites, "ca=" + trusted, "bytes=" + bytes));
        if (identity != null) {
            args.add("cert=" + identity.certificate());
            args.add("key=" + identity.key());
        }
        return new JsseProcess(command(directory, args, securityProperties), directory);
    }

    /** The server's port. */
    int port() {
        if (port < 0) {
            throw new IllegalStateException("not a server");
        }
        return port;
    }

    /** Waits for the next "HANDSHAKE protocol suite" line after {@code from}: {protocol, suite}. */
    Optional<String[]> awaitHandshake(int from, Duration timeout) throws InterruptedException {
        return awaitStdout(HANDSHAKE, from, timeout).map(match -> new String[] {match.group(1), match.group(2)});
    }

    /** Waits for a line matching {@code regex} after {@code from}. */
    Optional<Match> awaitLine(String regex, int from, Duration timeout) throws InterruptedException {
        return awaitStdout(Pattern.compile(regex), from, timeout);
    }

    private static List<String> command(Path directory, List<String> peerArgs, String securityProperties) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path security = directory.resolve(securityProperties.isEmpty() ? "jsse-legacy.security"
                : "jsse-" + Integer.toHexString(securityProperties.hashCode()) + ".security");
        if (!Files.exists(security)) {
            Files.writeString(security, """
                    # SSL 3.0, RC4, 3DES, NULL and SHA-1 for the interop peer: nothing is disabled.
                    jdk.tls.disabledAlgorithms=
                    jdk.certpath.disabledAlgorithms=
                    jdk.tls.legacyAlgorithms=
                    """ + securityProperties + "\n");
        }
        String classes;
        try {
            classes = Path.of(JssePeer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Djava.security.properties=" + security, "-cp", classes,
                JssePeer.class.getName()));
        command.addAll(peerArgs);
        return command;
    }
}
