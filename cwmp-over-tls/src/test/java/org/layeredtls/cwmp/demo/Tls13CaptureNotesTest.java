package org.layeredtls.cwmp.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.layeredtls.alert.Alert;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.AlertLevel;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.KeyShare;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.extension.SupportedVersions;
import org.layeredtls.handshake.message.KeyUpdate;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.TLSCiphertext;
import org.layeredtls.record.TLSCompressed;
import org.layeredtls.record.TLSPlaintext;

/** What the capture says of TLS 1.3 that the demo's default run never shows: padding, HelloRetryRequest, KeyUpdate, the server's view. */
class Tls13CaptureNotesTest {

    @Test
    void aProtectedRecordShowsItsOuterHeaderAndTheInnerPlaintextsParts() {
        TLSPlaintext plaintext = new TLSPlaintext(ContentType.HANDSHAKE, ProtocolVersion.TLS1_2, new byte[10]);
        // RFC 8446 §5.2: 10 bytes of content, the type byte, 5 zeros of padding; a 16-byte tag after them
        TLSCompressed inner = new TLSCompressed(ContentType.HANDSHAKE, ProtocolVersion.TLS1_2, new byte[16]);
        TLSCiphertext ciphertext = new TLSCiphertext(ContentType.APPLICATION_DATA, ProtocolVersion.TLS1_2, new byte[32]);
        assertEquals("[17 03 03 00 20, encrypted; inner type Handshake(22), plaintext 10 bytes, padding 5, tag 16]",
                Tls13RecordView.protectedRecordNote(plaintext, inner, ciphertext));
    }

    @Test
    void eachDirectionsKeyChangesNameTheTrafficSecretFromTheWatchedSidesRole() {
        Tls13RecordView server = new Tls13RecordView(false);
        assertTrue(server.keyChange(true, "ACS").contains("ACS's records from here on under server_handshake_traffic_secret "));
        assertTrue(server.keyChange(false, "CPE").contains("CPE's records from here on under client_handshake_traffic_secret "));
        assertTrue(server.keyChange(true, "ACS").contains("server_application_traffic_secret_0"));
        // a KeyUpdate (RFC 8446 §4.6.3): the next generation, in this direction only
        assertTrue(server.keyChange(true, "ACS").contains("server_application_traffic_secret_1"));
        assertTrue(server.keyChange(false, "CPE").contains("client_application_traffic_secret_0"));
    }

    @Test
    void theCcsIsTheCompatibilityGestureAndAlertsAreEncrypted() {
        assertFalse(Tls13RecordView.isProtected(ContentType.CHANGE_CIPHER_SPEC, true));
        assertTrue(Tls13RecordView.isProtected(ContentType.ALERT, true));
        assertFalse(Tls13RecordView.isProtected(ContentType.HANDSHAKE, false));
        assertTrue(Tls13RecordView.compatibilityChangeCipherSpec(new byte[] {1}).contains("no key change"));
        assertTrue(Tls13RecordView.alertNote(new Alert(AlertLevel.WARNING, AlertDescription.CLOSE_NOTIFY), "CPE")
                .contains("closes CPE's writing side only"));
        assertTrue(Tls13RecordView.alertNote(new Alert(AlertLevel.FATAL, AlertDescription.UNKNOWN_CA), "ACS").contains("encrypted"));
    }

    @Test
    void aHelloRetryRequestIsNamedWithTheGroupItAsksFor() {
        ServerHello hrr = new ServerHello(ProtocolVersion.TLS1_2, ServerHello.HELLO_RETRY_REQUEST_RANDOM, new byte[0], 0x1301, 0,
                Optional.of(Extensions.of(SupportedVersions.selected(ProtocolVersion.TLS1_3), new KeyShare.HelloRetryRequest(NamedGroup.SECP256R1))));
        List<String> lines = HandshakeDescriber.describe(hrr, false);
        assertTrue(lines.get(0).startsWith("HelloRetryRequest"), lines.toString());
        assertTrue(lines.contains("  supported_versions TLSv1.3 (server_version stays TLSv1.2)"), lines.toString());
        assertTrue(lines.contains("  HelloRetryRequest: key_share selected_group secp256r1"), lines.toString());
    }

    @Test
    void keyUpdateSaysWhetherItAsksThePeerToUpdateToo() {
        assertEquals(List.of("KeyUpdate", "  request_update update_requested (1)"), HandshakeDescriber.describe(new KeyUpdate(true), false));
        assertEquals(List.of("KeyUpdate", "  request_update update_not_requested (0)"), HandshakeDescriber.describe(new KeyUpdate(false), false));
    }
}
