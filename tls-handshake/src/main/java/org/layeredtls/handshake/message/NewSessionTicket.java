package org.layeredtls.handshake.message;

import java.util.Arrays;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * NewSessionTicket (RFC 5077 §3.3): a hint of how many seconds the ticket may be kept (0: no
 * hint) and the ticket, opaque to the client, {@code <0..2^16-1>}. An empty ticket means the
 * server promised one but does not issue it after all.
 */
public record NewSessionTicket(long ticketLifetimeHint, byte[] ticket) implements HandshakeMessage {

    public NewSessionTicket {
        if (ticketLifetimeHint < 0 || ticketLifetimeHint > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("ticket_lifetime_hint is a uint32");
        }
        MessageCodec.checkLength(ticket, 0, 0xFFFF, "ticket");
        ticket = ticket.clone();
    }

    public static NewSessionTicket decode(byte[] body) throws TlsAlertException {
        ByteReader reader = MessageCodec.reader(body);
        long hint = reader.u32();
        byte[] ticket = reader.vector16();
        reader.expectEnd("NewSessionTicket");
        return new NewSessionTicket(hint, ticket);
    }

    @Override
    public void encodeBody(ByteWriter writer) {
        writer.u32(ticketLifetimeHint).vector16(ticket);
    }

    @Override
    public byte[] ticket() {
        return ticket.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.NEW_SESSION_TICKET;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NewSessionTicket that && ticketLifetimeHint == that.ticketLifetimeHint
                && Arrays.equals(ticket, that.ticket);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(ticketLifetimeHint) * 31 + Arrays.hashCode(ticket);
    }

    @Override
    public String toString() {
        return "NewSessionTicket[lifetime_hint " + ticketLifetimeHint + "s, ticket " + ticket.length + " bytes]";
    }
}
