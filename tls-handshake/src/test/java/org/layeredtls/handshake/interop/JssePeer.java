package org.layeredtls.handshake.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The JDK's own TLS (SunJSSE) as a peer, run in a forked JVM by {@link JsseProcess}: the peer for SSL 3.0 and
 * the suites OpenSSL here lacks. This is test code standing in for another implementation, so it uses JSSE and
 * JCA freely; the stack under test never does.
 *
 * <pre>
 * server protocols=SSLv3 suites=A,B cert=PEM key=PKCS8-PEM [ca=PEM clientAuth=none|want|need]
 *        prints "READY port"; per connection "HANDSHAKE protocol suite", echoes every byte until the client's
 *        close_notify, closes, prints "CLOSED"; exits at end of standard input (its parent is gone).
 * client port=N protocols=.. suites=.. ca=PEM [cert=.. key=..] bytes=N
 *        prints "HANDSHAKE protocol suite", sends N random bytes, reads them echoed back, prints "ECHO OK N"
 *        or "ECHO MISMATCH", sends close_notify, prints "CLOSED", exits 0 (1 and "FAILED ..." on error).
 * </pre>
 */
public final class JssePeer {

    private JssePeer() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        try {
            SSLContext context = context(options);
            if (args[0].equals("server")) {
                server(context, options, out);
            } else {
                client(context, options, out);
            }
        } catch (Exception e) {
            out.println("FAILED " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static SSLContext context(Map<String, String> options) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        char[] password = "peer".toCharArray();
        if (options.containsKey("cert")) {
            X509Certificate[] chain = readCertificates(Path.of(options.get("cert")));
            keys.setKeyEntry("peer", readKey(Path.of(options.get("key"))), password, chain);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        if (options.containsKey("ca")) {
            trust.setCertificateEntry("ca", readCertificates(Path.of(options.get("ca")))[0]);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return context;
    }

    private static void server(SSLContext context, Map<String, String> options, PrintStream out) throws Exception {
        SSLServerSocket listener = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listener.setEnabledProtocols(options.get("protocols").split(","));
        listener.setEnabledCipherSuites(options.get("suites").split(","));
        String clientAuth = options.getOrDefault("clientAuth", "none");
        listener.setNeedClientAuth(clientAuth.equals("need"));
        if (clientAuth.equals("want")) {
            listener.setWantClientAuth(true);
        }
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent keeps stdin open while it wants us
                }
            } catch (IOException ignored) {
                // parent gone
            }
            System.exit(0);
        }, "stdin-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        out.println("READY " + listener.getLocalPort());
        while (true) {
            try (SSLSocket socket = (SSLSocket) listener.accept()) {
                socket.setSoTimeout(60_000);
                socket.startHandshake();
                out.println("HANDSHAKE " + socket.getSession().getProtocol() + " " + socket.getSession().getCipherSuite());
                InputStream in = socket.getInputStream();
                OutputStream echo = socket.getOutputStream();
                byte[] buffer = new byte[16384];
                long total = 0;
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    echo.write(buffer, 0, n);
                    echo.flush();
                    total += n;
                }
                out.println("ECHOED " + total);
            } catch (IOException e) {
                out.println("FAILED " + e);
            }
            out.println("CLOSED");
        }
    }

    private static void client(SSLContext context, Map<String, String> options, PrintStream out) throws Exception {
        int length = Integer.parseInt(options.getOrDefault("bytes", "0"));
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(
                InetAddress.getLoopbackAddress(), Integer.parseInt(options.get("port")))) {
            socket.setSoTimeout(60_000);
            socket.setEnabledProtocols(options.get("protocols").split(","));
            socket.setEnabledCipherSuites(options.get("suites").split(","));
            socket.startHandshake();
            out.println("HANDSHAKE " + socket.getSession().getProtocol() + " " + socket.getSession().getCipherSuite());
            byte[] data = new byte[length];
            new SecureRandom().nextBytes(data);
            Thread writer = new Thread(() -> {
                try {
                    socket.getOutputStream().write(data);
                    socket.getOutputStream().flush();
                } catch (IOException e) {
                    out.println("FAILED writing " + e);
                }
            }, "writer");
            writer.start();
            byte[] back = socket.getInputStream().readNBytes(length);
            writer.join(60_000);
            out.println(MessageDigest.isEqual(data, back) ? "ECHO OK " + length : "ECHO MISMATCH " + back.length);
        }
        out.println("CLOSED");
    }

    static X509Certificate[] readCertificates(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(new X509Certificate[0]);
        }
    }

    static PrivateKey readKey(Path file) throws Exception {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body));
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (java.security.spec.InvalidKeySpecException notRsa) {
            return KeyFactory.getInstance("EC").generatePrivate(spec);
        }
    }
}
