package org.layeredtls.handshake.hostile;

import java.io.IOException;
import java.util.Optional;

import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.intercept.OutgoingFlight;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.Finished;
import org.layeredtls.record.ContentType;

/** Client-side research hooks that make a renegotiation hostile: our {@code TlsSocket} as the scripted peer. */
final class Renegotiations {

    private Renegotiations() {
    }

    /**
     * Sends an application data record between our ChangeCipherSpec and our Finished in the renegotiation
     * (the second Finished of the connection): RFC 5246 §7.4.9 puts Finished right after the CCS, and the issue
     * found a server that then waits forever instead of answering unexpected_message.
     */
    static HandshakeInterceptor applicationDataBeforeRenegotiationFinished() {
        return new HandshakeInterceptor() {
            private int finishedSent;

            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                if (message.message() instanceof Finished && ++finishedSent == 2) {
                    flight.sendRecord(ContentType.APPLICATION_DATA, "between CCS and Finished".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
                flight.send(message.message());
                flight.flushRecord();
            }
        };
    }

    /**
     * Drops extended_master_secret from the renegotiating ClientHello (the second one) after a first handshake
     * that used it: RFC 7627 §5.3 (and OpenSSL's "inconsistent extms") makes the server abort.
     */
    static HandshakeInterceptor renegotiationWithoutExtendedMasterSecret() {
        return new HandshakeInterceptor() {
            private int hellosSent;

            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                if (message.message() instanceof ClientHello hello && ++hellosSent == 2) {
                    Extensions without = new Extensions(hello.extensionsOrEmpty().list().stream()
                            .filter(e -> e.type() != ExtensionType.EXTENDED_MASTER_SECRET.code()).toList());
                    flight.send(new ClientHello(hello.clientVersion(), hello.random(), hello.sessionId(),
                            hello.cipherSuites(), hello.compressionMethods(), Optional.of(without)));
                } else {
                    flight.send(message.message());
                }
                flight.flushRecord();
            }
        };
    }
}
