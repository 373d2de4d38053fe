package org.layeredtls.handshake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The server-connection knobs a busy server needs: their defaults, their checks, and that they are kept. */
class ServerConnectionKnobsTest {

    @Test
    void defaultsAreSixtySecondsIdleAndABacklogOf511() {
        TlsConfig config = TlsConfig.builder().build();
        assertEquals(Duration.ofSeconds(60), config.idleTimeout());
        assertEquals(511, config.acceptBacklog());
    }

    @Test
    void toBuilderKeepsThemAndNonsenseIsRefused() {
        TlsConfig config = TlsConfig.builder().idleTimeout(Duration.ofSeconds(5)).acceptBacklog(2048).build();
        TlsConfig copy = config.toBuilder().build();
        assertEquals(Duration.ofSeconds(5), copy.idleTimeout());
        assertEquals(2048, copy.acceptBacklog());
        assertThrows(IllegalArgumentException.class, () -> TlsConfig.builder().idleTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> TlsConfig.builder().acceptBacklog(0));
    }
}
