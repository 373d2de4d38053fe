package org.layeredtls.handshake.keyexchange;

import java.util.Arrays;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.KeyAgreement;
import org.layeredtls.crypto.KeyAgreementException;
import org.layeredtls.crypto.KeyEncapsulation;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.handshake.extension.NamedGroup;

/**
 * X25519MLKEM768 (IANA 0x11EC, draft-ietf-tls-ecdhe-mlkem), the post-quantum hybrid that today's
 * browsers and servers send first: one key_share carrying two key exchanges, ML-KEM-768 (FIPS 203)
 * and X25519 (RFC 7748), whose secrets are concatenated, so the connection stays secret as long as
 * either one holds. For this group the ML-KEM part comes first everywhere (the other hybrids of
 * the draft put the ECDH part first):
 * <pre>
 *   client share  = ML-KEM-768 encapsulation key (1184) || X25519 public key (32)   = 1216 bytes
 *   server share  = ML-KEM-768 ciphertext (1088)        || X25519 public key (32)   = 1120 bytes
 *   shared secret = ML-KEM-768 shared secret (32)       || X25519 shared secret (32) =   64 bytes
 * </pre>
 * The checks, each {@code illegal_parameter}: a client share of another length, or whose
 * encapsulation key fails the FIPS 203 §7.2 modulus check; a server share of another length; an
 * X25519 half giving the all-zero secret (RFC 8446 §7.4.2). A tampered ciphertext of the right
 * length is not detected here (ML-KEM's implicit rejection): the secrets differ and the Finished
 * check fails. ML-KEM-768 comes from the crypto seam ({@link CryptoProvider#keyEncapsulation()}, the
 * configured backend's), X25519 from {@link KeyAgreement}.
 */
public final class X25519MlKem768KeyShareGroup implements KeyShareGroup {

    private static final int ENCAPSULATION_KEY_LENGTH = KeyEncapsulation.ML_KEM_768_ENCAPSULATION_KEY_LENGTH;
    private static final int CIPHERTEXT_LENGTH = KeyEncapsulation.ML_KEM_768_CIPHERTEXT_LENGTH;

    /** The client share: encapsulation key || X25519 public key. */
    public static final int CLIENT_SHARE_LENGTH = ENCAPSULATION_KEY_LENGTH + KeyAgreement.X25519_LENGTH;
    /** The server share: ciphertext || X25519 public key. */
    public static final int SERVER_SHARE_LENGTH = CIPHERTEXT_LENGTH + KeyAgreement.X25519_LENGTH;
    /** The shared secret: ML-KEM secret || X25519 secret. */
    public static final int SHARED_SECRET_LENGTH = KeyEncapsulation.ML_KEM_SHARED_SECRET_LENGTH + KeyAgreement.X25519_LENGTH;

    private final KeyEncapsulation mlKem;
    private final KeyAgreement x25519;

    X25519MlKem768KeyShareGroup(KeyEncapsulation mlKem, KeyAgreement x25519) {
        this.mlKem = mlKem;
        this.x25519 = x25519;
    }

    /** The group on a provider's ML-KEM and the default X25519. */
    static X25519MlKem768KeyShareGroup on(CryptoProvider crypto) {
        return new X25519MlKem768KeyShareGroup(crypto.keyEncapsulation(), KeyAgreement.defaultImplementation());
    }

    @Override
    public NamedGroup group() {
        return NamedGroup.X25519MLKEM768;
    }

    @Override
    public ClientKeyShare generate(RandomSource random) {
        KeyEncapsulation.MlKemKeyPair mlKemKeys = mlKem.generateMlKem768KeyPair(random);
        byte[] x25519Private = x25519.generateX25519PrivateKey(random);
        byte[] share = concat(mlKemKeys.encapsulationKey(), x25519.x25519PublicKey(x25519Private));
        return new ClientKeyShare() {
            @Override
            public byte[] publicShare() {
                return share.clone();
            }

            @Override
            public byte[] sharedSecret(byte[] serverShare) throws TlsAlertException {
                // draft-ietf-tls-ecdhe-mlkem: the client checks the length of the server's share
                if (serverShare.length != SERVER_SHARE_LENGTH) {
                    throw KeyExchangeErrors.illegalParameter("X25519MLKEM768 server share of " + serverShare.length
                            + " bytes, not " + SERVER_SHARE_LENGTH);
                }
                byte[] ciphertext = Arrays.copyOfRange(serverShare, 0, CIPHERTEXT_LENGTH);
                byte[] serverX25519 = Arrays.copyOfRange(serverShare, CIPHERTEXT_LENGTH, SERVER_SHARE_LENGTH);
                byte[] mlKemSecret = decapsulate(mlKemKeys.decapsulationKey(), ciphertext);
                return concatAndWipe(mlKemSecret, agree(x25519Private, serverX25519));
            }
        };
    }

    @Override
    public ServerKeyShare respond(byte[] clientShare, RandomSource random) throws TlsAlertException {
        if (clientShare.length != CLIENT_SHARE_LENGTH) {
            throw KeyExchangeErrors.illegalParameter("X25519MLKEM768 client share of " + clientShare.length
                    + " bytes, not " + CLIENT_SHARE_LENGTH);
        }
        byte[] encapsulationKey = Arrays.copyOfRange(clientShare, 0, ENCAPSULATION_KEY_LENGTH);
        byte[] clientX25519 = Arrays.copyOfRange(clientShare, ENCAPSULATION_KEY_LENGTH, CLIENT_SHARE_LENGTH);
        byte[] x25519Private = x25519.generateX25519PrivateKey(random);
        try {
            byte[] x25519Secret = agree(x25519Private, clientX25519);
            KeyEncapsulation.Encapsulation encapsulation = encapsulate(encapsulationKey, random);
            byte[] share = concat(encapsulation.ciphertext(), x25519.x25519PublicKey(x25519Private));
            byte[] secret = concatAndWipe(encapsulation.sharedSecret(), x25519Secret);
            try {
                return new ServerKeyShare(share, secret);
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        } finally {
            Arrays.fill(x25519Private, (byte) 0);
        }
    }

    /** FIPS 203 §7.2: the seam checks the encapsulation key (type and modulus checks) before encapsulating to it. */
    private KeyEncapsulation.Encapsulation encapsulate(byte[] encapsulationKey, RandomSource random) throws TlsAlertException {
        try {
            return mlKem.mlKem768Encapsulate(encapsulationKey, random);
        } catch (KeyAgreementException e) {
            throw KeyExchangeErrors.illegalParameter("invalid ML-KEM-768 half of an X25519MLKEM768 share: " + e.getMessage(), e);
        }
    }

    private byte[] decapsulate(byte[] decapsulationKey, byte[] ciphertext) throws TlsAlertException {
        try {
            return mlKem.mlKem768Decapsulate(decapsulationKey, ciphertext);
        } catch (KeyAgreementException e) { // the length was checked above: unreachable from the wire
            throw KeyExchangeErrors.illegalParameter("invalid ML-KEM-768 half of an X25519MLKEM768 share: " + e.getMessage(), e);
        }
    }

    private byte[] agree(byte[] privateKey, byte[] peerPublicKey) throws TlsAlertException {
        try {
            // RFC 8446 §7.4.2: an all-zero X25519 output is refused (KeyAgreement checks it)
            return x25519.x25519(privateKey, peerPublicKey);
        } catch (KeyAgreementException e) {
            throw KeyExchangeErrors.illegalParameter("invalid X25519 half of an X25519MLKEM768 share: " + e.getMessage(), e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] out = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }

    /** first || second, the two parts wiped. */
    private static byte[] concatAndWipe(byte[] first, byte[] second) {
        byte[] out = concat(first, second);
        Arrays.fill(first, (byte) 0);
        Arrays.fill(second, (byte) 0);
        return out;
    }

    @Override
    public String toString() {
        return "KeyShareGroup[X25519MLKEM768]";
    }
}
