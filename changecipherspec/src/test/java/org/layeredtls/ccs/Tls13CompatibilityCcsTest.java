package org.layeredtls.ccs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.record.BulkCipherAlgorithm;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.RecordLayer;
import org.layeredtls.record.TLSPlaintext;

/** The middlebox-compatibility CCS of TLS 1.3 (RFC 8446 §5, Appendix D.4). */
class Tls13CompatibilityCcsTest {

    private final Tls13CompatibilityCcs ccs = new Tls13CompatibilityCcs();

    private static AlertDescription refusal(Tls13CompatibilityCcs ccs, byte[] content) {
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> ccs.receive(content));
        assertEquals(TlsLayer.CHANGE_CIPHER_SPEC, e.layer());
        return e.description();
    }

    @Test
    void aCcsOfExactlyOneBetweenTheFirstClientHelloAndThePeersFinishedIsDropped() throws TlsAlertException {
        ccs.firstClientHelloSeen();
        assertTrue(ccs.isWindowOpen());
        ccs.receive(new byte[] {1});
        assertEquals(1, ccs.droppedCount());
    }

    @Test
    void aCcsBeforeTheFirstClientHelloIsUnexpectedMessage() {
        assertFalse(ccs.isWindowOpen());
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, refusal(ccs, new byte[] {1}));
    }

    @Test
    void aCcsAfterThePeersFinishedIsUnexpectedMessage() {
        ccs.firstClientHelloSeen();
        ccs.peerFinishedReceived();
        assertFalse(ccs.isWindowOpen());
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, refusal(ccs, new byte[] {1}));
        assertEquals(0, ccs.droppedCount());
    }

    @Property
    void anyOtherContentIsUnexpectedMessageEvenInTheWindow(@ForAll @Size(max = 3) byte[] content) {
        if (content.length == 1 && content[0] == 1) {
            return;
        }
        Tls13CompatibilityCcs open = new Tls13CompatibilityCcs();
        open.firstClientHelloSeen();
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, refusal(open, content));
    }

    @Test
    void sendsTheSingleByteOne() {
        assertArrayEquals(new byte[] {1}, Tls13CompatibilityCcs.message());
    }

    /**
     * The whole path of a server's compatibility CCS as a client sees it: ServerHello in the clear, the
     * handshake keys installed, then the CCS in the clear where protected records are expected, then
     * EncryptedExtensions protected; the CCS is passed up by the record layer and dropped here.
     */
    @Test
    void theRecordLayerPassesTheCcsUpUnderTls13KeysAndItIsDropped() throws IOException {
        byte[] key = new byte[16];
        byte[] iv = new byte[12];
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer server = new RecordLayer(InputStream.nullInputStream(), wire, () -> { });
        server.write(ContentType.HANDSHAKE, new byte[] {2, 0, 0, 0}); // ServerHello
        server.write(ContentType.CHANGE_CIPHER_SPEC, Tls13CompatibilityCcs.message());
        server.installWriteState(ConnectionState.tls13(BulkCipherAlgorithm.AES_128_GCM, key, iv, CryptoBackend.BOUNCY_CASTLE));
        server.write(ContentType.HANDSHAKE, new byte[] {8, 0, 0, 2, 0, 0}); // EncryptedExtensions

        RecordLayer client = new RecordLayer(new ByteArrayInputStream(wire.toByteArray()), OutputStream.nullOutputStream(),
                () -> { });
        ccs.firstClientHelloSeen(); // the client sent its ClientHello
        assertEquals(ContentType.HANDSHAKE, client.readRecord().type());
        client.installReadState(ConnectionState.tls13(BulkCipherAlgorithm.AES_128_GCM, key, iv, CryptoBackend.BOUNCY_CASTLE));
        TLSPlaintext passedUp = client.readRecord();
        assertEquals(ContentType.CHANGE_CIPHER_SPEC, passedUp.type());
        ccs.receive(passedUp.fragment());
        assertArrayEquals(new byte[] {8, 0, 0, 2, 0, 0}, client.readRecord().fragment());
        assertEquals(1, ccs.droppedCount());
    }
}
