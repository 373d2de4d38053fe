package org.layeredtls.handshake.intercept;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.engine.EnginePair;
import org.layeredtls.handshake.engine.TlsEngine;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.ServerHelloDone;
import org.layeredtls.handshake.testing.Tls12Pki;

/**
 * The receive-side hooks on two engines in memory (the path TlsEngine and TlsSocket share): pass,
 * replace, drop, delay and inject, at the record level (as on the wire) and the message level
 * (before the state machine), each with the consequence the protocol gives it.
 */
class IncomingInterceptorsTest {

    private static final int CHANGE_CIPHER_SPEC = 20;

    private static AlertDescription clientAlert(TlsConfig.Builder client) {
        EnginePair pair = TlsEngine.pair(client.build(), Tls12Pki.server().build());
        return assertThrows(TlsAlertException.class, pair::handshake).description();
    }

    private static void handshakeAndExchange(TlsConfig.Builder client, TlsConfig.Builder server) throws IOException {
        EnginePair pair = TlsEngine.pair(client.build(), server.build());
        pair.handshake();
        pair.client().writeApplicationData("ping".getBytes(StandardCharsets.US_ASCII));
        pair.shuttle();
        byte[] got = new byte[4];
        assertEquals(4, pair.server().readApplicationData(got, 0, 4));
        assertArrayEquals("ping".getBytes(StandardCharsets.US_ASCII), got);
    }

    // ------------------------------------------------------------------ records, as on the wire

    @Test
    void recordsPassedThroughUnchangedLeaveTheHandshakeAndDataAsTheyWere() throws IOException {
        handshakeAndExchange(Tls12Pki.client().incomingRecordInterceptor(IncomingRecord::bytes)
                .incomingHandshakeInterceptor(IncomingHandshakeInterceptor.PASS),
                Tls12Pki.server().incomingRecordInterceptor(IncomingRecord::bytes)
                        .incomingHandshakeInterceptor(IncomingHandshakeInterceptor.PASS));
    }

    @Test
    void aFlippedBitInThePeersFirstProtectedRecordIsOurBadRecordMac() {
        boolean[] afterChangeCipherSpec = {false};
        IncomingRecordInterceptor flip = record -> {
            if (afterChangeCipherSpec[0]) {
                afterChangeCipherSpec[0] = false;
                return record.withFlippedFragmentBit(record.fragment().length - 1, 0);
            }
            afterChangeCipherSpec[0] = record.contentType() == CHANGE_CIPHER_SPEC;
            return record.bytes();
        };
        assertEquals(AlertDescription.BAD_RECORD_MAC, clientAlert(Tls12Pki.client().incomingRecordInterceptor(flip)));
    }

    @Test
    void aRecordCutMidHeaderAndReleasedWithTheNextIsReadAsIfItHadComeSo() throws IOException {
        // The server's first record (ServerHello) goes on in 3 bytes; the rest is held and released with
        // the second (Certificate): the record layer reads both as they come.
        ByteArrayOutputStream held = new ByteArrayOutputStream();
        IncomingRecordInterceptor cutAndDelay = record -> {
            byte[] bytes = record.bytes();
            if (record.index() == 0) {
                held.write(bytes, 3, bytes.length - 3);
                return Arrays.copyOf(bytes, 3);
            }
            if (record.index() == 1) {
                held.writeBytes(bytes);
                return held.toByteArray();
            }
            return bytes;
        };
        // A handshake interceptor that passes: the server's messages go one record each.
        handshakeAndExchange(Tls12Pki.client().incomingRecordInterceptor(cutAndDelay),
                Tls12Pki.server().handshakeInterceptor(HandshakeInterceptor.PASS));
    }

    @Test
    void aServerFlightHeldWholeLeavesBothSidesWaiting() throws IOException {
        IncomingRecordInterceptor holdAll = record -> new byte[0];
        EnginePair pair = TlsEngine.pair(Tls12Pki.client().incomingRecordInterceptor(holdAll).build(), Tls12Pki.server().build());
        IOException stalled = assertThrows(IOException.class, pair::handshake);
        assertTrue(stalled.getMessage().contains("stalled"), stalled.getMessage());
        assertFalse(pair.client().isClosed());
    }

    @Test
    void aDroppedServerHelloRecordMakesTheCertificateUnexpected() {
        IncomingRecordInterceptor dropFirst = record -> record.index() == 0 ? new byte[0] : record.bytes();
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, clientAlert(Tls12Pki.client().incomingRecordInterceptor(dropFirst)));
    }

    // ------------------------------------------------------------------ messages, before the state machine

    @Test
    void aTamperedClientFinishedIsTheServersDecryptError() {
        IncomingHandshakeInterceptor tamper = new IncomingHandshakeInterceptor() {
            @Override
            public void message(IncomingHandshakeMessage message, IncomingFlight flight) throws IOException {
                flight.deliver(message.type() == HandshakeType.FINISHED ? message.withFlippedBit(4, 0) : message.bytes());
            }
        };
        EnginePair pair = TlsEngine.pair(Tls12Pki.client().build(), Tls12Pki.server().incomingHandshakeInterceptor(tamper).build());
        assertEquals(AlertDescription.DECRYPT_ERROR, assertThrows(TlsAlertException.class, pair::handshake).description());
    }

    @Test
    void aDelayedCertificateDeliveredAfterTheServerKeyExchangeIsUnexpected() {
        IncomingHandshakeInterceptor swap = new IncomingHandshakeInterceptor() {
            private byte[] certificate;

            @Override
            public void message(IncomingHandshakeMessage message, IncomingFlight flight) throws IOException {
                if (message.type() == HandshakeType.CERTIFICATE) {
                    certificate = message.bytes(); // held
                    return;
                }
                flight.deliver(message.bytes());
                if (message.type() == HandshakeType.SERVER_KEY_EXCHANGE) {
                    flight.deliver(certificate); // released, one message late
                }
            }
        };
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, clientAlert(Tls12Pki.client().incomingHandshakeInterceptor(swap)));
    }

    @Test
    void messagesDeliveredInPiecesOrCoalescedAreProcessedAsWhole() throws IOException {
        IncomingHandshakeInterceptor reshape = new IncomingHandshakeInterceptor() {
            private byte[] serverHello;

            @Override
            public void message(IncomingHandshakeMessage message, IncomingFlight flight) throws IOException {
                byte[] bytes = message.bytes();
                if (message.type() == HandshakeType.SERVER_HELLO) {
                    serverHello = bytes; // held: delivered with the Certificate, in one piece
                } else if (message.type() == HandshakeType.CERTIFICATE) {
                    flight.deliver(serverHello);
                    flight.deliver(bytes);
                } else {
                    flight.deliver(Arrays.copyOfRange(bytes, 0, 2)); // a message in two pieces
                    assertEquals(2, flight.pendingLength());
                    flight.deliver(Arrays.copyOfRange(bytes, 2, bytes.length));
                }
            }
        };
        handshakeAndExchange(Tls12Pki.client().incomingHandshakeInterceptor(reshape), Tls12Pki.server());
    }

    @Test
    void aMalformedMessageInjectedInPlaceOfServerHelloDoneIsADecodeErrorTheObserverSeesRaw() {
        byte[] malformed = {14, 0, 0, 1, 0}; // server_hello_done must be empty (RFC 5246 §7.4.5)
        IncomingHandshakeInterceptor replace = new IncomingHandshakeInterceptor() {
            @Override
            public void message(IncomingHandshakeMessage message, IncomingFlight flight) throws IOException {
                flight.deliver(message.type() == HandshakeType.SERVER_HELLO_DONE ? malformed : message.bytes());
            }
        };
        ResearchExamples.Transcript transcript = new ResearchExamples.Transcript();
        assertEquals(AlertDescription.DECODE_ERROR,
                clientAlert(Tls12Pki.client().incomingHandshakeInterceptor(replace).observer(transcript)));
        var last = transcript.messages().get(transcript.messages().size() - 1);
        assertArrayEquals(malformed, last.bytes());
        assertTrue(last.name().startsWith("undecodable"), last.name());
    }

    @Test
    void anExtraServerHelloDoneInjectedAfterServerHelloIsUnexpected() {
        IncomingHandshakeInterceptor inject = new IncomingHandshakeInterceptor() {
            @Override
            public void message(IncomingHandshakeMessage message, IncomingFlight flight) throws IOException {
                flight.deliver(message.bytes());
                if (message.type() == HandshakeType.SERVER_HELLO) {
                    flight.deliver(new ServerHelloDone());
                }
            }
        };
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, clientAlert(Tls12Pki.client().incomingHandshakeInterceptor(inject)));
    }

    @Test
    void theObserverReportsTheMessageAsDeliveredNotAsTheWireHadIt() {
        ResearchExamples.Transcript transcript = new ResearchExamples.Transcript();
        assertEquals(AlertDescription.DECRYPT_ERROR, clientAlert(Tls12Pki.client().observer(transcript)
                .incomingHandshakeInterceptor(ResearchExamples.tamperServerKeyExchangeSignature())));
        List<String> names = new ArrayList<>();
        transcript.messages().forEach(m -> names.add(m.name()));
        assertEquals(List.of("client_hello", "server_hello", "certificate", "server_key_exchange"), names);
    }

    /** Holds the client's ClientKeyExchange and delivers {@code part} of it (0..1 of its bytes) at the client's CCS. */
    private static IncomingHandshakeInterceptor keyExchangeDeliveredAtTheChangeCipherSpec(double part) {
        return new IncomingHandshakeInterceptor() {
            private byte[] held;

            @Override
            public void message(IncomingHandshakeMessage message, IncomingFlight flight) throws IOException {
                if (message.type() == HandshakeType.CLIENT_KEY_EXCHANGE) {
                    held = message.bytes();
                } else {
                    flight.deliver(message.bytes());
                }
            }

            @Override
            public boolean changeCipherSpec(IncomingFlight flight) throws IOException {
                flight.deliver(Arrays.copyOf(held, (int) (held.length * part)));
                return true;
            }
        };
    }

    @Test
    void aMessageHeldAndDeliveredAtThePeersChangeCipherSpecIsProcessedBeforeIt() throws IOException {
        handshakeAndExchange(Tls12Pki.client(), Tls12Pki.server().incomingHandshakeInterceptor(keyExchangeDeliveredAtTheChangeCipherSpec(1.0)));
    }

    @Test
    void halfAMessageDeliveredAtThePeersChangeCipherSpecMakesItUnexpected() {
        // RFC 5246 §7.1: a ChangeCipherSpec may not come in the middle of a handshake message.
        EnginePair pair = TlsEngine.pair(Tls12Pki.client().build(),
                Tls12Pki.server().incomingHandshakeInterceptor(keyExchangeDeliveredAtTheChangeCipherSpec(0.5)).build());
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, assertThrows(TlsAlertException.class, pair::handshake).description());
    }

    // ------------------------------------------------------------------ our own side: raw bytes and the observer

    @Test
    void rawBytesOfAnUnknownTypeOurHookSendsAreReportedRawAndThePeerAnswersUnexpectedMessage() {
        byte[] unknown = {99, 0, 0, 0};
        HandshakeInterceptor prefix = new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                flight.send(unknown);
                HandshakeInterceptor.super.message(message, flight);
            }
        };
        ResearchExamples.Transcript transcript = new ResearchExamples.Transcript();
        EnginePair pair = TlsEngine.pair(Tls12Pki.client().handshakeInterceptor(prefix).observer(transcript).build(),
                Tls12Pki.server().build());
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, assertThrows(TlsAlertException.class, pair::handshake).description());
        var first = transcript.messages().get(0);
        assertTrue(first.sent() && first.name().startsWith("undecodable"), first.name());
        assertArrayEquals(unknown, first.bytes());
        assertEquals("client_hello", transcript.messages().get(1).name());
    }

    @Test
    void aMessageOurHookLeftCutShortIsReportedRawWhenWeClose() throws IOException {
        HandshakeInterceptor half = new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                flight.send(Arrays.copyOfRange(message.bytes(), 0, 10));
            }
        };
        ResearchExamples.Transcript transcript = new ResearchExamples.Transcript();
        TlsEngine client = TlsEngine.client(Tls12Pki.client().handshakeInterceptor(half).observer(transcript).build(),
                EnginePair.PEER_HOST, EnginePair.PEER_PORT);
        client.beginHandshake();
        assertEquals(List.of(), transcript.messages(), "10 bytes of a ClientHello are no message yet");
        client.closeOutbound();
        var cut = transcript.messages().get(0);
        assertEquals(10, cut.bytes().length);
        assertTrue(cut.name().contains("cut short"), cut.name());
    }
}
