package org.layeredtls.handshake.conversation;

import java.math.BigInteger;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.crypto.RsaPublicKey;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.keyexchange.EcdheKeyExchange;
import org.layeredtls.handshake.keyexchange.RsaKeyExchange;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.ServerEcdhParams;
import org.layeredtls.handshake.suite.KeyExchangeAlgorithm;

/**
 * The client's ClientKeyExchange (RFC 5246 §7.4.7) for the suite the ServerHello chose: RSA (the premaster
 * secret encrypted to the certificate's key, §7.4.7.1) or ECDHE (our point on the server's curve, RFC 8422
 * §5.7). Correct by default; after it is sent the master secret and both directions' keys are derived
 * (RFC 5246 §8.1, §6.3), so the conversation can go past ChangeCipherSpec.
 *
 * <p>Overrides for probes: {@link #premasterVersion} (the two version bytes inside the RSA premaster), and
 * {@link #rsaEncryptionBlock}, which encrypts any k-byte block with the bare RSA function instead of
 * PKCS#1 v1.5 padding: the Bleichenbacher probes (RFC 5246 §7.4.7.1 says the server's answer must not depend
 * on what is wrong with the block).
 */
public final class ClientKeyExchangeTemplate implements OutgoingMessage {

    /** Makes the k-byte block to encrypt, given k and the 48-byte premaster secret this side keeps. */
    @FunctionalInterface
    public interface EncryptionBlock {
        byte[] block(int modulusLength, byte[] premasterSecret);
    }

    private int premasterVersion = -1;
    private EncryptionBlock encryptionBlock;
    private byte[] premaster;

    ClientKeyExchangeTemplate() {
    }

    @Override
    public int type() {
        return HandshakeType.CLIENT_KEY_EXCHANGE.code();
    }

    /** RSA: the version written in the premaster secret's first two bytes (default: ClientHello.client_version). */
    public ClientKeyExchangeTemplate premasterVersion(int version) {
        this.premasterVersion = version;
        return this;
    }

    /** RSA: encrypts this block (k bytes, normally {@code 00 02 PS 00 premaster}) with the bare RSA function. */
    public ClientKeyExchangeTemplate rsaEncryptionBlock(EncryptionBlock block) {
        this.encryptionBlock = block;
        return this;
    }

    @Override
    public byte[] body(HandshakeSecrets secrets) {
        KeyExchangeAlgorithm keyExchange = secrets.suite().map(s -> s.keyExchange()).orElse(KeyExchangeAlgorithm.RSA);
        return switch (keyExchange) {
            case ECDHE_RSA, ECDHE_ECDSA -> ecdhe(secrets);
            default -> rsa(secrets);
        };
    }

    private byte[] rsa(HandshakeSecrets secrets) {
        premaster = RsaKeyExchange.premasterSecret(secrets.clientHelloVersion(), secrets.random());
        if (premasterVersion >= 0) {
            premaster[0] = (byte) (premasterVersion >> 8);
            premaster[1] = (byte) premasterVersion;
        }
        if (!(secrets.serverKey().orElse(null) instanceof RsaPublicKey key)) {
            return new ByteWriter(2).u16(0).toByteArray(); // no RSA key came: an empty EncryptedPreMasterSecret
        }
        byte[] encrypted = encryptionBlock == null ? RsaKeyExchange.encrypt(key, premaster, secrets.random())
                : bareRsa(key, encryptionBlock.block(key.modulusLength(), premaster.clone()));
        return new ByteWriter(encrypted.length + 2).vector16(encrypted).toByteArray();
    }

    /** m^e mod n, left-padded to k bytes: textbook RSA, to encrypt a block with any padding. */
    private static byte[] bareRsa(RsaPublicKey key, byte[] block) {
        byte[] c = new BigInteger(1, block).modPow(key.publicExponent(), key.modulus()).toByteArray();
        byte[] out = new byte[key.modulusLength()];
        int copy = Math.min(c.length, out.length);
        System.arraycopy(c, c.length - copy, out, out.length - copy, copy);
        return out;
    }

    private byte[] ecdhe(HandshakeSecrets secrets) {
        ServerEcdhParams params = secrets.serverEcdhParams().orElse(null);
        NamedGroup group = params == null ? NamedGroup.X25519
                : NamedGroup.fromCode(params.namedCurve()).orElse(NamedGroup.X25519);
        EcdheKeyExchange ours = EcdheKeyExchange.generate(group, secrets.random());
        try {
            premaster = params == null ? new byte[32] : ours.computePremaster(params.point());
        } catch (TlsAlertException e) {
            premaster = new byte[32]; // the server's point was bad: go on with a premaster nobody shares
        }
        return new ByteWriter(70).vector8(ours.publicValue()).toByteArray();
    }

    @Override
    public void sent(HandshakeSecrets secrets) {
        if (secrets.serverHello().isPresent() && secrets.suite().isPresent()) {
            secrets.premasterSecretSent(premaster);
        }
    }

    @Override
    public String toString() {
        return "client_key_exchange";
    }
}
