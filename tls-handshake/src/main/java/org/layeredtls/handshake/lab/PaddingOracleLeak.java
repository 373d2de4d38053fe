package org.layeredtls.handshake.lab;

import java.io.IOException;
import java.math.BigInteger;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.crypto.RsaPrivateKey;
import org.layeredtls.handshake.intercept.IncomingFlight;
import org.layeredtls.handshake.intercept.IncomingHandshakeInterceptor;
import org.layeredtls.handshake.intercept.IncomingHandshakeMessage;
import org.layeredtls.handshake.message.HandshakeType;

/**
 * The leak that makes a server a Bleichenbacher oracle, as servers of the late 1990s had it: before
 * the key exchange runs, the ClientKeyExchange is decrypted and a block that does not start
 * {@code 00 02} is refused at once with its own alert, {@code decrypt_error} (RFC 2246 §7.2.2 names it
 * for a key exchange that does not decrypt). A conforming block goes on to the real key exchange. RFC
 * 5246 §7.4.7.1 forbids exactly this: any failure must go on with a random premaster secret.
 */
final class PaddingOracleLeak implements IncomingHandshakeInterceptor {

    /** The alert that gives the padding away. */
    static final AlertDescription PADDING_ALERT = AlertDescription.DECRYPT_ERROR;

    private final RsaPrivateKey key;

    PaddingOracleLeak(RsaPrivateKey key) {
        this.key = key;
    }

    @Override
    public void message(IncomingHandshakeMessage message, IncomingFlight flight) throws IOException {
        if (message.type() == HandshakeType.CLIENT_KEY_EXCHANGE) {
            byte[] body = message.body(); // RFC 5246 §7.4.7.1: opaque EncryptedPreMasterSecret<0..2^16-1>
            BigInteger c = new BigInteger(1, java.util.Arrays.copyOfRange(body, 2, body.length));
            BigInteger m = c.modPow(key.privateExponent(), key.modulus());
            // The block is 00 02 ... exactly when 2B <= m < 3B, B = 2^(8(k-2)).
            if (m.shiftRight(8 * (key.modulusLength() - 2)).intValue() != 2) {
                throw new TlsAlertException(PADDING_ALERT, TlsLayer.HANDSHAKE,
                        "the ClientKeyExchange's PKCS#1 block does not start 00 02 (the lab's leaky server)");
            }
        }
        flight.deliver(message.bytes());
    }
}
