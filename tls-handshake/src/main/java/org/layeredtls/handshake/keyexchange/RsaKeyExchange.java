package org.layeredtls.handshake.keyexchange;

import java.util.Arrays;
import org.layeredtls.crypto.PublicKeyCrypto;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.crypto.RsaPrivateKey;
import org.layeredtls.crypto.RsaPublicKey;
import org.layeredtls.record.ProtocolVersion;

/**
 * The RSA key exchange (RFC 5246 §7.4.7.1; SSL 3.0: RFC 6101 §5.6.7.1): the client picks a
 * 48-byte premaster secret, {@code client_version || random[46]}, and encrypts it to the key of
 * the server's certificate with RSAES-PKCS1-v1_5; the server decrypts it.
 *
 * <p>The server's decryption follows the RFC's countermeasure against Bleichenbacher's attack
 * exactly: it never tells a bad padding, a wrong length or a wrong version apart, not by an
 * alert, an exception nor a branch. It always yields 48 bytes, and a bad ciphertext only shows
 * later, as a Finished that does not verify. The premaster's first two bytes are always those of
 * {@code ClientHello.client_version}, the highest version the client offered (which defeats
 * version rollback); the tolerance some old servers had for the negotiated version instead
 * (RFC 5246 §7.4.7.1, "version number check is explicitly disabled") is not offered.
 */
public final class RsaKeyExchange {

    /** The premaster secret is 48 bytes: 2 of version, 46 random (RFC 5246 §7.4.7.1). */
    public static final int PREMASTER_LENGTH = 48;

    private RsaKeyExchange() {
    }

    /** The client's premaster secret: {@code client_version || random[46]} (RFC 5246 §7.4.7.1). */
    public static byte[] premasterSecret(ProtocolVersion clientHelloVersion, RandomSource random) {
        byte[] premaster = new byte[PREMASTER_LENGTH];
        setVersion(premaster, clientHelloVersion);
        random.nextBytes(premaster, 2, PREMASTER_LENGTH - 2);
        return premaster;
    }

    /** The client's {@code EncryptedPreMasterSecret}: RSAES-PKCS1-v1_5 of the premaster, as long as the modulus. */
    public static byte[] encrypt(RsaPublicKey serverKey, byte[] premaster, RandomSource random) {
        return PublicKeyCrypto.defaultImplementation().encryptPkcs1(serverKey, premaster, random);
    }

    /**
     * The server's premaster secret from the client's {@code EncryptedPreMasterSecret}, following
     * RFC 5246 §7.4.7.1: draw 46 random bytes R, decrypt with {@code client_version || R} as the
     * fallback for a bad padding or a message that is not 48 bytes (the seam's
     * {@link PublicKeyCrypto#decryptPkcs1} selects without branching), then overwrite the first two
     * bytes with {@code client_version}, whatever the client put there. Never throws for any
     * ciphertext.
     *
     * @param clientHelloVersion {@code ClientHello.client_version}, not the negotiated version
     */
    public static byte[] decrypt(RsaPrivateKey serverKey, byte[] encryptedPremaster, ProtocolVersion clientHelloVersion,
                                 RandomSource random) {
        byte[] fallback = premasterSecret(clientHelloVersion, random); // client_version || R
        try {
            byte[] premaster = PublicKeyCrypto.defaultImplementation().decryptPkcs1(serverKey, encryptedPremaster, fallback);
            // RFC 5246 §7.4.7.1: pre_master_secret = ClientHello.client_version || M[2..47], unconditionally
            setVersion(premaster, clientHelloVersion);
            return premaster;
        } finally {
            Arrays.fill(fallback, (byte) 0);
        }
    }

    private static void setVersion(byte[] premaster, ProtocolVersion version) {
        premaster[0] = (byte) version.major();
        premaster[1] = (byte) version.minor();
    }
}
