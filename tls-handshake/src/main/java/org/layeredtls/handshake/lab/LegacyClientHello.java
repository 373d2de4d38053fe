package org.layeredtls.handshake.lab;

import java.io.IOException;

import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.intercept.OutgoingFlight;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.relay.Direction;
import org.layeredtls.handshake.relay.examples.StripRenegotiationInfo;

/**
 * Makes one of our clients a client from before RFC 5746 (2010): its own ClientHello goes out without
 * renegotiation_info and without TLS_EMPTY_RENEGOTIATION_INFO_SCSV (the relay example
 * {@link StripRenegotiationInfo} does the rewriting). Sent through the research hook, so the client's
 * own transcript holds the hello as sent and its Finished agrees with the server's.
 */
final class LegacyClientHello implements HandshakeInterceptor {

    private final StripRenegotiationInfo strip = new StripRenegotiationInfo();

    @Override
    public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
        if (message.type() != HandshakeType.CLIENT_HELLO) {
            HandshakeInterceptor.super.message(message, flight);
            return;
        }
        for (byte[] rewritten : strip.handshakeMessage(Direction.CLIENT_TO_SERVER, message.bytes())) {
            flight.send(rewritten);
        }
        flight.flushRecord();
    }
}
