package org.layeredtls.handshake.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.ApplicationProtocolSelector;
import org.layeredtls.handshake.testing.Tls12Pki;

/** TlsConfig.alpnSelector: a server's application protocol chosen by code (RFC 7301 §3.2), as JSSE's selector does. */
class AlpnSelectorTest {

    private static EnginePair pair(ApplicationProtocolSelector selector) {
        return TlsEngine.pair(Tls12Pki.client().alpn("h2", "http/1.1").build(),
                Tls12Pki.server().alpn("h2").alpnSelector(selector).build());
    }

    @Test
    void theSelectorChoosesAmongTheClientsProtocolsInPlaceOfTheServersList() throws IOException {
        List<List<String>> asked = new CopyOnWriteArrayList<>();
        EnginePair pair = pair(offered -> {
            asked.add(offered);
            return "http/1.1";
        });
        pair.handshake();

        assertEquals(List.of(List.of("h2", "http/1.1")), asked, "the client's list, in its order");
        assertEquals("http/1.1", pair.server().sessionInfo().applicationProtocol());
        assertEquals("http/1.1", pair.client().sessionInfo().applicationProtocol());
    }

    @Test
    void anEmptyChoiceIsNoAlpnInThisConnection() throws IOException {
        EnginePair pair = pair(offered -> "");
        pair.handshake();

        assertNull(pair.server().sessionInfo().applicationProtocol());
        assertNull(pair.client().sessionInfo().applicationProtocol());
    }

    @Test
    void aProtocolTheClientDidNotOfferIsNoApplicationProtocol() {
        EnginePair pair = pair(offered -> "spdy/3");
        TlsAlertException refused = assertThrows(TlsAlertException.class, pair::handshake);
        assertEquals(AlertDescription.NO_APPLICATION_PROTOCOL, refused.description());

        TlsAlertException none = assertThrows(TlsAlertException.class, () -> pair(offered -> null).handshake());
        assertEquals(AlertDescription.NO_APPLICATION_PROTOCOL, none.description());
    }
}
