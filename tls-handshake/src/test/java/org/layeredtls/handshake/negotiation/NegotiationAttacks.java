package org.layeredtls.handshake.negotiation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionData;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.intercept.OutgoingFlight;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.record.ContentType;

/** The interceptors of the negotiation tests: each breaks the second handshake (the renegotiation) of a connection. */
final class NegotiationAttacks {

    private NegotiationAttacks() {
    }

    /** Sends the second hello of {@code type} (a renegotiation's) without extended_master_secret. */
    static HandshakeInterceptor dropExtendedMasterSecretFromSecond(HandshakeType type) {
        AtomicInteger seen = new AtomicInteger();
        return new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                if (message.type() == type && seen.incrementAndGet() == 2) {
                    flight.send(withoutExtendedMasterSecret(message.message()));
                    flight.flushRecord();
                    return;
                }
                HandshakeInterceptor.super.message(message, flight);
            }
        };
    }

    private static HandshakeMessage withoutExtendedMasterSecret(HandshakeMessage message) {
        if (message instanceof ClientHello hello) {
            return new ClientHello(hello.clientVersion(), hello.random(), hello.sessionId(), hello.cipherSuites(),
                    hello.compressionMethods(), Optional.of(without(hello.extensionsOrEmpty())));
        }
        ServerHello hello = (ServerHello) message;
        return new ServerHello(hello.serverVersion(), hello.random(), hello.sessionId(), hello.cipherSuite(),
                hello.compressionMethod(), Optional.of(without(hello.extensionsOrEmpty())));
    }

    private static Extensions without(Extensions extensions) {
        return new Extensions(extensions.list().stream()
                .filter(e -> e.type() != ExtensionType.EXTENDED_MASTER_SECRET.code()).toList());
    }

    /** Adds {@code extensions} to every ServerHello we send (our own state goes on as if it had not). */
    static HandshakeInterceptor addToServerHello(ExtensionData... extensions) {
        return new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                if (message.message() instanceof ServerHello hello) {
                    List<Extension> list = new ArrayList<>(hello.extensionsOrEmpty().list());
                    for (ExtensionData extension : extensions) {
                        list.add(extension.toExtension());
                    }
                    flight.send(new ServerHello(hello.serverVersion(), hello.random(), hello.sessionId(), hello.cipherSuite(),
                            hello.compressionMethod(), Optional.of(new Extensions(list))));
                    flight.flushRecord();
                    return;
                }
                HandshakeInterceptor.super.message(message, flight);
            }
        };
    }

    /** Sends an application data record (under the new keys) between our second ChangeCipherSpec and our second Finished. */
    static HandshakeInterceptor applicationDataBeforeSecondFinished() {
        AtomicInteger seen = new AtomicInteger();
        return new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                if (message.type() == HandshakeType.FINISHED && seen.incrementAndGet() == 2) {
                    flight.sendRecord(ContentType.APPLICATION_DATA, "between CCS and Finished".getBytes(StandardCharsets.US_ASCII));
                }
                HandshakeInterceptor.super.message(message, flight);
            }
        };
    }
}
