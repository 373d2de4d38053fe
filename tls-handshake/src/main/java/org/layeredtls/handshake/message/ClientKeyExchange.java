package org.layeredtls.handshake.message;

import java.util.Arrays;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * ClientKeyExchange (RFC 5246 §7.4.7): the client's part of the key exchange. Its shape depends on
 * the suite's key exchange and, for RSA, on the version, so the record carries its {@link Form}
 * and {@link #decode(byte[], DecodeContext)} takes both from the context.
 *
 * @param form         how {@code exchangeKeys} is framed
 * @param exchangeKeys the encrypted premaster secret, {@code dh_Yc} or the EC point
 */
public record ClientKeyExchange(Form form, byte[] exchangeKeys) implements HandshakeMessage {

    /** The framing of the exchange keys. */
    public enum Form {
        /** SSL 3.0 RSA: the encrypted premaster secret fills the body, with no length (RFC 6101 §5.6.7.1). */
        ENCRYPTED_PREMASTER_SECRET_SSL3(0, 0xFFFFFF),
        /** TLS RSA: {@code public-key-encrypted PreMasterSecret}, an opaque vector {@code <0..2^16-1>} (RFC 5246 §7.4.7.1). */
        ENCRYPTED_PREMASTER_SECRET(0, 0xFFFF),
        /** DHE: {@code opaque dh_Yc<1..2^16-1>} (RFC 5246 §7.4.7.2, explicit encoding). */
        DH_PUBLIC(1, 0xFFFF),
        /** ECDHE: {@code ECPoint ecdh_Yc}, {@code opaque point<1..2^8-1>} (RFC 8422 §5.7). */
        EC_POINT(1, 0xFF);

        private final int min;
        private final int max;

        Form(int min, int max) {
            this.min = min;
            this.max = max;
        }
    }

    public ClientKeyExchange {
        MessageCodec.checkLength(exchangeKeys, form.min, form.max, form.name());
        exchangeKeys = exchangeKeys.clone();
    }

    /** The form the context calls for; a key exchange not yet chosen is {@code unexpected_message}. */
    public static Form formFor(DecodeContext context) throws TlsAlertException {
        return switch (context.keyExchange()) {
            case RSA -> context.version().isSsl3() ? Form.ENCRYPTED_PREMASTER_SECRET_SSL3 : Form.ENCRYPTED_PREMASTER_SECRET;
            case DHE_RSA -> Form.DH_PUBLIC;
            case ECDHE_RSA, ECDHE_ECDSA -> Form.EC_POINT;
            case NULL -> throw MessageCodec.unexpectedMessage("ClientKeyExchange before a key exchange was chosen");
            case ANY -> throw MessageCodec.unexpectedMessage("TLS 1.3 has no ClientKeyExchange (RFC 8446 §4.2.8: key_share)");
        };
    }

    public static ClientKeyExchange decode(byte[] body, DecodeContext context) throws TlsAlertException {
        Form form = formFor(context);
        ByteReader reader = MessageCodec.reader(body);
        byte[] keys = switch (form) {
            case ENCRYPTED_PREMASTER_SECRET_SSL3 -> reader.rest();
            case ENCRYPTED_PREMASTER_SECRET -> reader.vector16();
            case DH_PUBLIC -> reader.vector16(1, 0xFFFF);
            case EC_POINT -> reader.vector8(1, 0xFF);
        };
        reader.expectEnd("ClientKeyExchange");
        return new ClientKeyExchange(form, keys);
    }

    @Override
    public void encodeBody(ByteWriter writer) {
        switch (form) {
            case ENCRYPTED_PREMASTER_SECRET_SSL3 -> writer.bytes(exchangeKeys);
            case ENCRYPTED_PREMASTER_SECRET, DH_PUBLIC -> writer.vector16(exchangeKeys);
            case EC_POINT -> writer.vector8(exchangeKeys);
        }
    }

    @Override
    public byte[] exchangeKeys() {
        return exchangeKeys.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_KEY_EXCHANGE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientKeyExchange that && form == that.form && Arrays.equals(exchangeKeys, that.exchangeKeys);
    }

    @Override
    public int hashCode() {
        return 31 * form.hashCode() + Arrays.hashCode(exchangeKeys);
    }

    @Override
    public String toString() {
        return "ClientKeyExchange[" + form + ", " + exchangeKeys.length + " bytes]";
    }
}
