package org.layeredtls.handshake.message;

import java.util.Arrays;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.handshake.extension.Extensions;

/**
 * The TLS 1.3 NewSessionTicket (RFC 8446 §4.6.1), sent by the server after the handshake:
 * {@code uint32 ticket_lifetime; uint32 ticket_age_add; opaque ticket_nonce<0..255>;
 * opaque ticket<1..2^16-1>; Extension extensions<0..2^16-2>}. The PSK for resumption is derived
 * from the resumption master secret and the nonce; the age_add hides the ticket's age on the wire.
 *
 * @param lifetimeSeconds how long the ticket may be used, at most 604800 s (7 days; checking that is the receiver's policy)
 * @param ageAdd          a random 32-bit value the client adds to the ticket's age in milliseconds
 * @param nonce           unique per ticket of the connection
 * @param ticket          the PSK identity the client sends back
 * @param extensions      early_data (max_early_data_size) is the one RFC 8446 defines
 */
public record Tls13NewSessionTicket(long lifetimeSeconds, long ageAdd, byte[] nonce, byte[] ticket, Extensions extensions)
        implements HandshakeMessage {

    /** RFC 8446 §4.6.1: {@code Extension extensions<0..2^16-2>}. */
    static final int MAX_EXTENSIONS_LENGTH = 0xFFFE;

    public Tls13NewSessionTicket {
        if (lifetimeSeconds < 0 || lifetimeSeconds > 0xFFFFFFFFL || ageAdd < 0 || ageAdd > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("ticket_lifetime and ticket_age_add are uint32");
        }
        MessageCodec.checkLength(nonce, 0, 0xFF, "ticket_nonce");
        MessageCodec.checkLength(ticket, 1, 0xFFFF, "ticket");
        nonce = nonce.clone();
        ticket = ticket.clone();
    }

    /** Reads the body; an empty ticket or a short vector is {@code decode_error}. */
    public static Tls13NewSessionTicket decode(byte[] body) throws TlsAlertException {
        ByteReader reader = MessageCodec.reader(body);
        long lifetime = reader.u32();
        long ageAdd = reader.u32();
        byte[] nonce = reader.vector8();
        byte[] ticket = reader.vector16(1, 0xFFFF);
        int extensionsLength = reader.remaining() - 2;
        Extensions extensions = Extensions.decode(reader);
        reader.expectEnd("NewSessionTicket");
        if (extensionsLength > MAX_EXTENSIONS_LENGTH) {
            throw reader.error("extensions<0..2^16-2> of a NewSessionTicket has " + extensionsLength + " bytes");
        }
        return new Tls13NewSessionTicket(lifetime, ageAdd, nonce, ticket, extensions);
    }

    @Override
    public void encodeBody(ByteWriter writer) {
        writer.u32(lifetimeSeconds).u32(ageAdd).vector8(nonce).vector16(ticket);
        extensions.encode(writer);
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
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
        return other instanceof Tls13NewSessionTicket that && lifetimeSeconds == that.lifetimeSeconds
                && ageAdd == that.ageAdd && Arrays.equals(nonce, that.nonce) && Arrays.equals(ticket, that.ticket)
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return ((Long.hashCode(lifetimeSeconds) * 31 + Long.hashCode(ageAdd)) * 31 + Arrays.hashCode(nonce)) * 31
                + Arrays.hashCode(ticket);
    }

    @Override
    public String toString() {
        return "NewSessionTicket[lifetime " + lifetimeSeconds + "s, age_add " + ageAdd + ", nonce " + nonce.length
                + " bytes, ticket " + ticket.length + " bytes, extensions " + extensions + "]";
    }
}
