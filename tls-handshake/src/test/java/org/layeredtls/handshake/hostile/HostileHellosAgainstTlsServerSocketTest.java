package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.suite.CipherSuite;

/**
 * {@link HostileHelloScenarios} against a {@code TlsServerSocket} in this JVM, served as an application
 * serves it ({@link LibraryServer}); after each test, no exception other than an alert or an I/O error has
 * escaped the library.
 */
class HostileHellosAgainstTlsServerSocketTest extends HostileHelloScenarios {

    private static LibraryServer server;
    private static LibraryServer levelZero;

    @Override
    ServerUnderTest server() throws Exception {
        synchronized (HostileHellosAgainstTlsServerSocketTest.class) {
            if (server == null || !server.isAlive()) {
                server = LibraryServer.start(config().build(), Duration.ofSeconds(10));
            }
            return server;
        }
    }

    @Override
    ServerUnderTest levelZeroServer() throws Exception {
        synchronized (HostileHellosAgainstTlsServerSocketTest.class) {
            if (levelZero == null || !levelZero.isAlive()) {
                levelZero = LibraryServer.start(config().securityLevel(0).build(), Duration.ofSeconds(10));
            }
            return levelZero;
        }
    }

    private static TlsConfig.Builder config() {
        List<CipherSuite> suites = new ArrayList<>(TlsConfig.DEFAULT_SUITES);
        suites.add(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA);
        return HostilePki.server().cipherSuites(suites);
    }

    @AfterEach
    void nothingButAlertsAndIoErrorsEscaped() {
        if (server != null) {
            assertEquals(0, server.escaped(), server::log);
        }
        if (levelZero != null) {
            assertEquals(0, levelZero.escaped(), levelZero::log);
        }
    }

    @AfterAll
    static void stop() {
        ServerUnderTest.closeAll(server, levelZero);
    }
}
