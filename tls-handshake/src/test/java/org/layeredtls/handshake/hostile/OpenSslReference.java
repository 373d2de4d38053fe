package org.layeredtls.handshake.hostile;

import java.util.ArrayList;
import java.util.List;

import org.layeredtls.handshake.research.OpenSslProcess;

/**
 * {@code openssl s_server -www} with the suite's RSA certificate: the reference the hostile tests compare
 * our answers with. It runs the same scripted peers; where OpenSSL answers alike, the test passes for it too.
 */
final class OpenSslReference implements ServerUnderTest {

    private final OpenSslProcess process;

    private OpenSslReference(OpenSslProcess process) {
        this.process = process;
    }

    /** s_server -www, TLS 1.2 and below, with {@code options} added (such as a -cipher list). */
    static OpenSslReference start(String... options) {
        List<String> args = new ArrayList<>(List.of("-cert", HostilePki.file("server.pem").toString(),
                "-key", HostilePki.file("server.key").toString(), "-www", "-no_tls1_3"));
        args.addAll(List.of(options));
        return new OpenSslReference(OpenSslProcess.server(args.toArray(String[]::new)));
    }

    @Override
    public int port() {
        return process.port();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public boolean exitsWithin(java.time.Duration bound) throws InterruptedException {
        return process.awaitExit(bound.toMillis());
    }

    @Override
    public boolean echoes() {
        return false;
    }

    @Override
    public String log() {
        String text = process.output();
        return text.length() > 8000 ? "[...]" + text.substring(text.length() - 8000) : text;
    }

    @Override
    public void close() {
        process.close();
    }
}
