package org.layeredtls.handshake.extension;

import java.util.Arrays;
import org.layeredtls.codec.ByteWriter;

/**
 * The session_ticket extension (RFC 5077 §3.2): the ticket itself, with no length prefix of its
 * own. Empty in a ClientHello that asks for a ticket and in the ServerHello that promises one;
 * non-empty in a ClientHello that resumes.
 */
public record SessionTicket(byte[] ticket) implements ExtensionData {

    public SessionTicket {
        ticket = ticket.clone();
    }

    /** The empty extension: "I support tickets" / "I will send a NewSessionTicket". */
    public static SessionTicket empty() {
        return new SessionTicket(new byte[0]);
    }

    /** Any bytes are a valid ticket (RFC 5077 §3.2), so this never fails. */
    public static SessionTicket decode(byte[] extensionData) {
        return new SessionTicket(extensionData);
    }

    @Override
    public void encode(ByteWriter writer) {
        writer.bytes(ticket);
    }

    @Override
    public byte[] ticket() {
        return ticket.clone();
    }

    public boolean isEmpty() {
        return ticket.length == 0;
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SESSION_TICKET;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionTicket that && Arrays.equals(ticket, that.ticket);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ticket);
    }

    @Override
    public String toString() {
        return "SessionTicket[" + ticket.length + " bytes]";
    }
}
