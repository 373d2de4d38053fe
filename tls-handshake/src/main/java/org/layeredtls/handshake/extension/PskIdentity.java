package org.layeredtls.handshake.extension;

import java.util.Arrays;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * One offered PSK (RFC 8446 §4.2.11): {@code opaque identity<1..2^16-1>; uint32
 * obfuscated_ticket_age}. For a resumption PSK the identity is the ticket and the age is the
 * ticket's age in milliseconds plus its ticket_age_add, modulo 2^32; for an external PSK the age is 0.
 */
public record PskIdentity(byte[] identity, long obfuscatedTicketAge) {

    public PskIdentity {
        if (identity.length < 1 || identity.length > 0xFFFF) {
            throw new IllegalArgumentException("identity<1..2^16-1> cannot be " + identity.length + " bytes");
        }
        if (obfuscatedTicketAge < 0 || obfuscatedTicketAge > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("obfuscated_ticket_age is a uint32, not " + obfuscatedTicketAge);
        }
        identity = identity.clone();
    }

    static PskIdentity decode(ByteReader reader) throws TlsAlertException {
        byte[] identity = reader.vector16(1, 0xFFFF);
        return new PskIdentity(identity, reader.u32());
    }

    void encode(ByteWriter writer) {
        writer.vector16(identity).u32(obfuscatedTicketAge);
    }

    @Override
    public byte[] identity() {
        return identity.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PskIdentity that && obfuscatedTicketAge == that.obfuscatedTicketAge
                && Arrays.equals(identity, that.identity);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(identity) + Long.hashCode(obfuscatedTicketAge);
    }

    @Override
    public String toString() {
        return "PskIdentity[" + identity.length + " bytes, obfuscated_ticket_age " + obfuscatedTicketAge + "]";
    }
}
