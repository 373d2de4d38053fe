package org.layeredtls.record.interop;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One TLS 1.3 connection between {@code openssl s_client} and {@code openssl s_server -rev}, recorded on
 * the way through a relay on 127.0.0.1: the bytes each side sent, and s_client's key log (the traffic
 * secrets, NSS key log format). The client sends one line, waits for the server's reversed line, then
 * closes (close_notify). Every wait is bounded; every process started here is stopped here.
 */
final class OpenSslTls13Connection {

    private static final long BOUND_SECONDS = 20;

    final byte[] clientToServer;
    final byte[] serverToClient;
    final List<String> keyLog;

    private OpenSslTls13Connection(byte[] clientToServer, byte[] serverToClient, List<String> keyLog) {
        this.clientToServer = clientToServer;
        this.serverToClient = serverToClient;
        this.keyLog = keyLog;
    }

    /** {@code openssl s_server -rev} for TLS 1.3 with every TLS 1.3 suite, on an ephemeral port. */
    static final class Server implements AutoCloseable {
        final Process process;
        final int port;

        Server(Path directory) throws IOException, InterruptedException {
            Path key = directory.resolve("key.pem");
            Path cert = directory.resolve("cert.pem");
            Process req = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=localhost", "-days", "1",
                    "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("req.log").toFile()).start();
            if (!req.waitFor(BOUND_SECONDS, TimeUnit.SECONDS) || req.exitValue() != 0) {
                req.destroyForcibly();
                throw new IOException("openssl req failed: " + Files.readString(directory.resolve("req.log")));
            }
            process = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:0", "-cert", cert.toString(),
                    "-key", key.toString(), "-rev", "-tls1_3", "-ciphersuites",
                    "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:"
                            + "TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256").redirectErrorStream(true).start();
            try {
                String accept = firstLineStartingWith(process.getInputStream(), "ACCEPT ").get(BOUND_SECONDS, TimeUnit.SECONDS);
                port = Integer.parseInt(accept.substring(accept.lastIndexOf(':') + 1).strip());
                drain(process.getInputStream());
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IOException("openssl s_server did not start", e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Connects {@code openssl s_client -ciphersuites suite} to {@code server} through a recording relay. */
    static OpenSslTls13Connection record(Server server, String suite, Path directory) throws Exception {
        // s_client appends to a key log: one fresh file per connection, so it holds this connection's secrets only
        Path keyLogFile = Files.createTempFile(directory, suite, ".keylog");
        ByteArrayOutputStream clientToServer = new ByteArrayOutputStream();
        ByteArrayOutputStream serverToClient = new ByteArrayOutputStream();
        try (ServerSocket relay = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> relayed = CompletableFuture.runAsync(() -> relayOne(relay, server.port,
                    clientToServer, serverToClient));
            Process client = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + relay.getLocalPort(),
                    "-tls1_3", "-ciphersuites", suite, "-keylogfile", keyLogFile.toString())
                    .redirectErrorStream(true).start();
            try {
                CompletableFuture<String> reversed = firstLineStartingWith(client.getInputStream(), "olleh");
                client.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                reversed.get(BOUND_SECONDS, TimeUnit.SECONDS);
                client.getOutputStream().close(); // end of input: s_client sends close_notify and exits
                drain(client.getInputStream());
                if (!client.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
                    throw new IOException("openssl s_client did not exit");
                }
                relayed.get(BOUND_SECONDS, TimeUnit.SECONDS);
            } finally {
                client.destroyForcibly();
            }
        }
        return new OpenSslTls13Connection(clientToServer.toByteArray(), serverToClient.toByteArray(),
                Files.readAllLines(keyLogFile));
    }

    /** The secret the key log gives for a label (the log holds this one connection). */
    byte[] secret(String label) {
        for (String line : keyLog) {
            String[] fields = line.split(" ");
            if (fields.length == 3 && fields[0].equals(label)) {
                return java.util.HexFormat.of().parseHex(fields[2]);
            }
        }
        throw new AssertionError("no " + label + " in the key log " + keyLog);
    }

    private static void relayOne(ServerSocket relay, int serverPort, ByteArrayOutputStream clientToServer,
                                 ByteArrayOutputStream serverToClient) {
        try (Socket client = relay.accept();
             Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort)) {
            client.setSoTimeout((int) TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
            server.setSoTimeout((int) TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
            CompletableFuture<Void> back = CompletableFuture.runAsync(() -> pump(server, client, serverToClient));
            pump(client, server, clientToServer);
            server.shutdownOutput();
            back.get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("relay failed", e);
        }
    }

    /**
     * Copies {@code from} to {@code to} until the end of the stream, keeping a copy of every byte; once
     * the receiver is gone (s_client exits right after its close_notify), it goes on recording.
     */
    private static void pump(Socket from, Socket to, ByteArrayOutputStream copy) {
        byte[] buffer = new byte[8192];
        boolean receiverGone = false;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (copy) {
                    copy.write(buffer, 0, n);
                }
                if (!receiverGone) {
                    try {
                        out.write(buffer, 0, n);
                        out.flush();
                    } catch (IOException gone) {
                        receiverGone = true;
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CompletableFuture<String> firstLineStartingWith(InputStream in, String prefix) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
                throw new IllegalStateException("no line starting with '" + prefix + "'");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void drain(InputStream in) {
        CompletableFuture.runAsync(() -> {
            try {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException ended) {
                throw new IllegalStateException(ended);
            }
        });
    }
}
