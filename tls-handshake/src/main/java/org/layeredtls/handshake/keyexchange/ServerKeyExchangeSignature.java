package org.layeredtls.handshake.keyexchange;

import java.util.List;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.crypto.PublicKey;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.crypto.SignatureScheme;
import org.layeredtls.handshake.message.DigitallySigned;
import org.layeredtls.handshake.message.ServerKeyExchange;
import org.layeredtls.handshake.message.ServerKeyExchangeParams;
import org.layeredtls.record.ProtocolVersion;

/**
 * The server's signature in ServerKeyExchange (RFC 5246 §7.4.3; RFC 8422 §5.4; SSL 3.0: RFC 6101
 * §5.6.3), over {@code ClientHello.random + ServerHello.random + params}, which binds the
 * ephemeral parameters to this handshake and to the key of the server's certificate.
 *
 * <p>TLS 1.2 signs with a negotiated {@link SignatureScheme} and names it; SSL 3.0, TLS 1.0 and
 * TLS 1.1 sign MD5 || SHA-1 with RSA, SHA-1 with ECDSA, and name nothing.
 */
public final class ServerKeyExchangeSignature {

    private ServerKeyExchangeSignature() {
    }

    /** The signed bytes: {@code client_random || server_random || params} (RFC 5246 §7.4.3). */
    public static byte[] signedData(byte[] clientRandom, byte[] serverRandom, ServerKeyExchangeParams params) {
        byte[] encoded = params.encode();
        byte[] data = new byte[clientRandom.length + serverRandom.length + encoded.length];
        System.arraycopy(clientRandom, 0, data, 0, clientRandom.length);
        System.arraycopy(serverRandom, 0, data, clientRandom.length, serverRandom.length);
        System.arraycopy(encoded, 0, data, clientRandom.length + serverRandom.length, encoded.length);
        return data;
    }

    /**
     * Signs the parameters.
     *
     * @param scheme the TLS 1.2 scheme ({@link SignatureSchemes#choose}); ignored before TLS 1.2 (may be null)
     * @throws IllegalArgumentException in TLS 1.2 if the scheme is missing or does not fit the key
     */
    public static DigitallySigned sign(ProtocolVersion version, SignatureScheme scheme, PrivateKey key,
                                       byte[] clientRandom, byte[] serverRandom, ServerKeyExchangeParams params,
                                       RandomSource random) {
        byte[] data = signedData(clientRandom, serverRandom, params);
        if (version.isAtLeast(ProtocolVersion.TLS1_2)) {
            HandshakeSigner.requireTls12Scheme(scheme, key);
            return HandshakeSigner.signTls12(scheme, key, HandshakeSigner.digest(scheme, data), random);
        }
        return HandshakeSigner.signLegacy(key, HandshakeSigner.digest(SignatureScheme.RSA_PKCS1_MD5_SHA1, data), random);
    }

    /** The whole message: the parameters and their signature. */
    public static ServerKeyExchange signedMessage(ProtocolVersion version, SignatureScheme scheme, PrivateKey key,
                                                  byte[] clientRandom, byte[] serverRandom,
                                                  ServerKeyExchangeParams params, RandomSource random) {
        return new ServerKeyExchange(params, sign(version, scheme, key, clientRandom, serverRandom, params, random));
    }

    /**
     * Checks the server's signature (the client's side).
     *
     * @param offered   the schemes the client offered in signature_algorithms (TLS 1.2 only)
     * @param serverKey the key of the server's certificate
     * @throws TlsAlertException {@code illegal_parameter} for a TLS 1.2 algorithm the client did not
     *                           offer or that does not fit the key; {@code decrypt_error} for a
     *                           signature that does not verify (RFC 5246 §7.2.2)
     */
    public static void verify(ProtocolVersion version, List<SignatureScheme> offered, PublicKey serverKey,
                              byte[] clientRandom, byte[] serverRandom, ServerKeyExchange message)
            throws TlsAlertException {
        verify(version, offered, serverKey, clientRandom, serverRandom, message.params(), message.signature());
    }

    /** {@link #verify(ProtocolVersion, List, PublicKey, byte[], byte[], ServerKeyExchange)} on the parts. */
    public static void verify(ProtocolVersion version, List<SignatureScheme> offered, PublicKey serverKey,
                              byte[] clientRandom, byte[] serverRandom, ServerKeyExchangeParams params,
                              DigitallySigned signature) throws TlsAlertException {
        byte[] data = signedData(clientRandom, serverRandom, params);
        if (version.isAtLeast(ProtocolVersion.TLS1_2)) {
            SignatureScheme scheme = HandshakeSigner.tls12Scheme(signature, offered, serverKey);
            HandshakeSigner.verifyTls12(scheme, serverKey, HandshakeSigner.digest(scheme, data), signature,
                    "ServerKeyExchange");
            return;
        }
        HandshakeSigner.verifyLegacy(serverKey, HandshakeSigner.digest(SignatureScheme.RSA_PKCS1_MD5_SHA1, data),
                signature, "ServerKeyExchange");
    }
}
