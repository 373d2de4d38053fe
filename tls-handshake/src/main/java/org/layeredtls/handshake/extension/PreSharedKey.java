package org.layeredtls.handshake.extension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * The pre_shared_key extension (RFC 8446 §4.2.11). In a ClientHello it is {@link OfferedPsks}:
 * the identities the client offers and, for each, a binder (an HMAC over the ClientHello up to
 * the binders, RFC 8446 §4.2.11.2) that proves the client holds that PSK. In a ServerHello it is
 * the {@link SelectedIdentity} the server accepted. It MUST be the last extension of a ClientHello
 * (the binders are computed over everything before them); ClientHello's decoder checks that.
 */
public sealed interface PreSharedKey extends ExtensionData {

    /** A binder is an HMAC: {@code opaque PskBinderEntry<32..255>}. */
    int MIN_BINDER_LENGTH = 32;
    int MAX_BINDER_LENGTH = 255;

    /**
     * {@code OfferedPsks}: {@code PskIdentity identities<7..2^16-1>; PskBinderEntry binders<33..2^16-1>},
     * one binder per identity, in the same order.
     */
    record OfferedPsks(List<PskIdentity> identities, List<byte[]> binders) implements PreSharedKey {
        public OfferedPsks {
            identities = List.copyOf(identities);
            List<byte[]> copy = new ArrayList<>();
            for (byte[] binder : binders) {
                if (binder.length < MIN_BINDER_LENGTH || binder.length > MAX_BINDER_LENGTH) {
                    throw new IllegalArgumentException("PskBinderEntry<32..255> cannot be " + binder.length + " bytes");
                }
                copy.add(binder.clone());
            }
            binders = List.copyOf(copy);
            if (identities.isEmpty() || identities.size() != binders.size()) {
                throw new IllegalArgumentException("one binder per identity, at least one: "
                        + identities.size() + " identities, " + binders.size() + " binders");
            }
        }

        @Override
        public List<byte[]> binders() {
            return binders.stream().map(byte[]::clone).toList();
        }

        /** The same identities with other binders (of the same lengths, to keep the ClientHello's length). */
        public OfferedPsks withBinders(List<byte[]> newBinders) {
            return new OfferedPsks(identities, newBinders);
        }

        /**
         * How many bytes the binders take at the end of the ClientHello, their two-byte length
         * included: the encoded ClientHello less these bytes is the truncated ClientHello the
         * binders are computed over (RFC 8446 §4.2.11.2).
         */
        public int bindersLength() {
            return 2 + binders.stream().mapToInt(b -> 1 + b.length).sum();
        }

        @Override
        public void encode(ByteWriter writer) {
            int mark = writer.beginVector16();
            identities.forEach(identity -> identity.encode(writer));
            writer.endVector16(mark);
            writeBinders(writer, binders);
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof OfferedPsks that) || !identities.equals(that.identities)
                    || binders.size() != that.binders.size()) {
                return false;
            }
            for (int i = 0; i < binders.size(); i++) {
                if (!Arrays.equals(binders.get(i), that.binders.get(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return identities.hashCode() * 31 + binders.stream().mapToInt(Arrays::hashCode).sum();
        }

        @Override
        public String toString() {
            return "OfferedPsks[" + identities + ", binders "
                    + binders.stream().map(b -> b.length + " bytes").collect(Collectors.joining(", ", "[", "]")) + "]";
        }
    }

    /** The ServerHello form: {@code uint16 selected_identity}, an index into the client's identities. */
    record SelectedIdentity(int selectedIdentity) implements PreSharedKey {
        public SelectedIdentity {
            if (selectedIdentity < 0 || selectedIdentity > 0xFFFF) {
                throw new IllegalArgumentException("selected_identity is a uint16, not " + selectedIdentity);
            }
        }

        @Override
        public void encode(ByteWriter writer) {
            writer.u16(selectedIdentity);
        }
    }

    /**
     * Reads a ClientHello's {@code OfferedPsks}. Empty lists, a binder shorter than 32 bytes and
     * bytes after the binders are {@code decode_error}; a number of binders other than the number
     * of identities is {@code illegal_parameter} (each list decodes, but they disagree).
     */
    static OfferedPsks decodeClientHello(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        ByteReader identityList = reader.sub16();
        ByteReader binderList = reader.sub16();
        reader.expectEnd("pre_shared_key");
        if (identityList.isEmpty()) {
            throw identityList.error("identities<7..2^16-1> is empty");
        }
        if (binderList.isEmpty()) {
            throw binderList.error("binders<33..2^16-1> is empty");
        }
        List<PskIdentity> identities = new ArrayList<>();
        while (!identityList.isEmpty()) {
            identities.add(PskIdentity.decode(identityList));
        }
        List<byte[]> binders = new ArrayList<>();
        while (!binderList.isEmpty()) {
            binders.add(binderList.vector8(MIN_BINDER_LENGTH, MAX_BINDER_LENGTH));
        }
        if (identities.size() != binders.size()) {
            throw ExtensionCodec.illegalParameter("pre_shared_key offers " + identities.size()
                    + " identities but " + binders.size() + " binders (RFC 8446 §4.2.11: one binder per identity)");
        }
        return new OfferedPsks(identities, binders);
    }

    /** Reads a ServerHello's {@code selected_identity}: exactly two bytes. */
    static SelectedIdentity decodeServerHello(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        int selected = reader.u16();
        reader.expectEnd("pre_shared_key");
        return new SelectedIdentity(selected);
    }

    /** Writes {@code PskBinderEntry binders<33..2^16-1>}, as the end of the ClientHello carries them. */
    static void writeBinders(ByteWriter writer, List<byte[]> binders) {
        int mark = writer.beginVector16();
        binders.forEach(writer::vector8);
        writer.endVector16(mark);
    }

    @Override
    default ExtensionType type() {
        return ExtensionType.PRE_SHARED_KEY;
    }
}
