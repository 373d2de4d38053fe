package org.layeredtls.handshake.hostile;

import org.junit.jupiter.api.AfterAll;

/**
 * {@link HostileHelloScenarios} end to end against the {@code layeredtls server -echo} process, with the
 * default suites and RSA AES128-SHA (for the SSLv2-compatible hello, which cannot offer ECDHE's extensions).
 */
class HostileHellosAgainstServerProcessTest extends HostileHelloScenarios {

    static final String SUITES = "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305:AES128-SHA";
    private static ServerProcess server;
    private static ServerProcess levelZero;

    @Override
    ServerUnderTest server() throws Exception {
        synchronized (HostileHellosAgainstServerProcessTest.class) {
            if (server == null || !server.isAlive()) {
                server = ServerProcess.start("-echo", "-cipher", SUITES);
            }
            return server;
        }
    }

    @Override
    ServerUnderTest levelZeroServer() throws Exception {
        synchronized (HostileHellosAgainstServerProcessTest.class) {
            if (levelZero == null || !levelZero.isAlive()) {
                levelZero = ServerProcess.start("-echo", "-cipher", SUITES + ":@SECLEVEL=0");
            }
            return levelZero;
        }
    }

    @AfterAll
    static void stop() {
        ServerUnderTest.closeAll(server, levelZero);
    }
}
