package org.layeredtls.handshake.cli;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.layeredtls.handshake.relay.Relay;
import org.layeredtls.handshake.relay.RelayInterceptor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code relay}: a man in the middle between a TLS client and a TLS server that forwards, traces,
 * decrypts (with a key log) and, through an interceptor class, tampers with their records.
 * Prints {@code ACCEPT host:port} once it listens, like {@code s_server}.
 */
@Command(name = "relay", description = "Forward, trace, decrypt and tamper with the records between a client and a server.",
        mixinStandardHelpOptions = true)
public class RelayCommand implements Callable<Integer> {

    @Option(names = "-accept", paramLabel = "[HOST:]PORT", required = true, converter = AcceptAddress.Converter.class,
            description = "Where clients connect (port 0: any free port, printed on the ACCEPT line).")
    AcceptAddress accept;
    @Option(names = "-connect", paramLabel = "HOST:PORT", required = true, description = "The server to forward to.")
    String connect;
    @Option(names = "-keylogfile", paramLabel = "FILE",
            description = "An NSS key log file written by either endpoint: protected records are printed opened.")
    Path keyLogFile;
    @Option(names = "-intercept", paramLabel = "CLASS",
            description = "A RelayInterceptor on the classpath, e.g. org.layeredtls.handshake.relay.examples.StripRenegotiationInfo.")
    String intercept;
    @Option(names = "-intercept_classpath", paramLabel = "PATHS", split = ":",
            description = "Directories or jars, colon-separated, where -intercept CLASS is looked for too (a researcher's own classes).")
    java.util.List<Path> interceptClasspath = java.util.List.of();
    @Option(names = "-keylog_wait", paramLabel = "MS", defaultValue = "2000",
            description = "How long to wait for the endpoint to log a connection's key (default ${DEFAULT-VALUE} ms).")
    long keyLogWaitMillis;
    @Option(names = "-naccept", paramLabel = "N", defaultValue = "-1", description = "Stop after N connections (default: never).")
    int naccept;

    private PrintStream out = System.out;

    /** Where the command prints (tests inject their own). */
    public RelayCommand io(PrintStream stdout) {
        this.out = stdout;
        return this;
    }

    @Override
    public Integer call() throws Exception {
        int colon = connect.lastIndexOf(':');
        if (colon < 0) {
            out.println("relay: -connect wants HOST:PORT, not " + connect);
            return 1;
        }
        InetSocketAddress server = new InetSocketAddress(connect.substring(0, colon), Integer.parseInt(connect.substring(colon + 1)));
        Supplier<RelayInterceptor> interceptors;
        try {
            interceptors = interceptors();
        } catch (ReflectiveOperationException | ClassCastException | java.net.MalformedURLException e) {
            out.println("relay: -intercept " + intercept + ": not a RelayInterceptor with a public no-argument"
                    + " constructor on the classpath (" + e + ")");
            return 1;
        }
        try (Relay relay = new Relay(accept.bindAddress(), accept.port(), server, interceptors,
                Optional.ofNullable(keyLogFile), out).keyLogWait(java.time.Duration.ofMillis(keyLogWaitMillis))) {
            out.println("ACCEPT " + AcceptAddress.format(relay.address(), relay.port()));
            out.flush();
            relay.serve(naccept);
        }
        return 0;
    }

    /** A fresh interceptor per connection: {@code -intercept CLASS}'s no-argument constructor, or none. */
    private Supplier<RelayInterceptor> interceptors() throws ReflectiveOperationException, java.net.MalformedURLException {
        if (intercept == null) {
            return () -> new RelayInterceptor() {
            };
        }
        java.net.URL[] urls = new java.net.URL[interceptClasspath.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = interceptClasspath.get(i).toUri().toURL();
        }
        ClassLoader loader = new java.net.URLClassLoader(urls, RelayCommand.class.getClassLoader());
        var constructor = Class.forName(intercept, true, loader).asSubclass(RelayInterceptor.class).getConstructor();
        constructor.newInstance(); // fails now, not at the first connection, when the class cannot be made
        return () -> {
            try {
                return constructor.newInstance();
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot make " + intercept + ": " + e, e);
            }
        };
    }
}
