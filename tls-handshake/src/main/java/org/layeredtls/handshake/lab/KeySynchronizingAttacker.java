package org.layeredtls.handshake.lab;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.layeredtls.crypto.RsaPrivateKey;
import org.layeredtls.crypto.SecureRandomSource;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.intercept.IncomingFlight;
import org.layeredtls.handshake.intercept.IncomingHandshakeInterceptor;
import org.layeredtls.handshake.intercept.IncomingHandshakeMessage;
import org.layeredtls.handshake.keyexchange.RsaKeyExchange;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.record.ProtocolVersion;

/**
 * The first step of the triple handshake (Bhargavan, Delignat-Lavaud, Fournet, Pironti, Strub, IEEE
 * S&amp;P 2014): a malicious server M, to which the client C connects on purpose, opens a connection of
 * its own to the server S and makes both connections agree on the same master secret. It reuses C's
 * client random towards S, S's server random and session id towards C, and S's certificate is no
 * obstacle: with the RSA key exchange, C encrypts the premaster secret to M's key, M decrypts it and
 * encrypts it again to S's. Without the extended master secret the master secret is
 * {@code PRF(premaster, "master secret", client_random + server_random)}: the same on both. With it
 * (RFC 7627 §4) the PRF takes the hash of each connection's own transcript, certificates included.
 *
 * <p>Built from this stack with research hooks only: the incoming handshake interceptor of M's server
 * side reads what C sends, and {@link ScriptedRandom}s make M's two sides "draw" what it learnt.
 */
final class KeySynchronizingAttacker {

    private static final int RANDOM_OFFSET = 2; // in a hello's body, after the 2-byte version

    private final CompletableFuture<byte[]> clientRandom = new CompletableFuture<>();
    private final CompletableFuture<byte[]> premasterTail = new CompletableFuture<>();
    private final CompletableFuture<byte[]> serverSessionId = new CompletableFuture<>();
    private final CompletableFuture<byte[]> serverRandom = new CompletableFuture<>();
    private final IssuedCertificate certificate;

    KeySynchronizingAttacker(IssuedCertificate certificate) {
        this.certificate = certificate;
    }

    /** M towards C: its own certificate, S's session id and server random, and C's premaster secret kept. */
    TlsConfig.Builder serverSide(TlsConfig.Builder base) {
        ScriptedRandom random = new ScriptedRandom(List.of(
                new ScriptedRandom.Draw("S's session id", 32, serverSessionId),
                new ScriptedRandom.Draw("S's server random", ClientHello.RANDOM_LENGTH, serverRandom)));
        return base.certificate(List.of(certificate.certificate()), certificate.keyPair().privateKey())
                .random(random).incomingHandshakeInterceptor(new ReadsClient());
    }

    /** M towards S: C's client random, and C's premaster secret. */
    TlsConfig.Builder clientSide(TlsConfig.Builder base) {
        ScriptedRandom random = new ScriptedRandom(List.of(
                new ScriptedRandom.Draw("C's client random", ClientHello.RANDOM_LENGTH, clientRandom),
                new ScriptedRandom.Draw("C's premaster secret", RsaKeyExchange.PREMASTER_LENGTH - 2, premasterTail)));
        return base.random(random).incomingHandshakeInterceptor(new ReadsServer());
    }

    /** Reads C's ClientHello (its random) and ClientKeyExchange (decrypted with M's own key). */
    private final class ReadsClient implements IncomingHandshakeInterceptor {
        private ProtocolVersion clientVersion;

        @Override
        public void message(IncomingHandshakeMessage message, IncomingFlight flight) throws IOException {
            byte[] body = message.body();
            if (message.type() == HandshakeType.CLIENT_HELLO) {
                clientVersion = new ProtocolVersion(body[0] & 0xFF, body[1] & 0xFF);
                clientRandom.complete(Arrays.copyOfRange(body, RANDOM_OFFSET, RANDOM_OFFSET + ClientHello.RANDOM_LENGTH));
            } else if (message.type() == HandshakeType.CLIENT_KEY_EXCHANGE) {
                byte[] encrypted = Arrays.copyOfRange(body, 2, body.length); // EncryptedPreMasterSecret<0..2^16-1>
                byte[] premaster = RsaKeyExchange.decrypt((RsaPrivateKey) certificate.keyPair().privateKey(), encrypted,
                        clientVersion, new SecureRandomSource());
                premasterTail.complete(Arrays.copyOfRange(premaster, 2, premaster.length));
            }
            flight.deliver(message.bytes());
        }
    }

    /** Reads S's ServerHello: its random and the session id it gave. */
    private final class ReadsServer implements IncomingHandshakeInterceptor {
        @Override
        public void message(IncomingHandshakeMessage message, IncomingFlight flight) throws IOException {
            if (message.type() == HandshakeType.SERVER_HELLO) {
                byte[] body = message.body();
                int sessionIdAt = RANDOM_OFFSET + ClientHello.RANDOM_LENGTH;
                serverRandom.complete(Arrays.copyOfRange(body, RANDOM_OFFSET, sessionIdAt));
                serverSessionId.complete(Arrays.copyOfRange(body, sessionIdAt + 1, sessionIdAt + 1 + (body[sessionIdAt] & 0xFF)));
            }
            flight.deliver(message.bytes());
        }
    }
}
