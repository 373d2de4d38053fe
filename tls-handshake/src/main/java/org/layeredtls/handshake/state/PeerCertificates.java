package org.layeredtls.handshake.state;

import java.util.ArrayList;
import java.util.List;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.EcPublicKey;
import org.layeredtls.crypto.PublicKey;
import org.layeredtls.crypto.RsaPublicKey;
import org.layeredtls.handshake.api.PeerCertificateVerifier;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.CertificateValidator;
import org.layeredtls.handshake.cert.HostnameVerifier;
import org.layeredtls.handshake.cert.KeyUsage;
import org.layeredtls.handshake.cert.Purpose;
import org.layeredtls.handshake.suite.KeyExchangeAlgorithm;

/** Checks the certificate chain a peer sent: parse, validate to the trust anchors, match the name and the suite. */
final class PeerCertificates {

    private PeerCertificates() {
    }

    static List<Certificate> parse(org.layeredtls.handshake.message.Certificate message) throws TlsAlertException {
        List<Certificate> chain = new ArrayList<>();
        for (byte[] der : message.certificateList()) {
            chain.add(Certificate.parse(der));
        }
        return chain;
    }

    /** The server's chain (RFC 5246 §7.4.2): validated, matched to the host name and to the suite's key exchange. */
    static List<Certificate> checkServer(HandshakeContext context, org.layeredtls.handshake.message.Certificate message)
            throws TlsAlertException {
        return checkServer(context, parse(message));
    }

    /** DER certificates, leaf first (a TLS 1.3 Certificate's entries), parsed. */
    static List<Certificate> parse(List<byte[]> derCertificates) throws TlsAlertException {
        List<Certificate> chain = new ArrayList<>();
        for (byte[] der : derCertificates) {
            chain.add(Certificate.parse(der));
        }
        return chain;
    }

    /**
     * The server's chain, parsed. In TLS 1.3 the suite names no key type (RFC 8446 §4.4.2.2: the key
     * must fit a signature scheme the client offered): RSA or EC, for digital signatures.
     */
    static List<Certificate> checkServer(HandshakeContext context, List<Certificate> chain) throws TlsAlertException {
        if (chain.isEmpty()) {
            throw HandshakeContext.alert(AlertDescription.BAD_CERTIFICATE, "the server sent no certificate");
        }
        Certificate leaf = chain.get(0);
        KeyExchangeAlgorithm keyExchange = context.suite.keyExchange();
        if (keyExchange == KeyExchangeAlgorithm.ANY) {
            requireSigningKey(leaf.publicKey());
        } else {
            requireKeyType(leaf.publicKey(), keyExchange.isRsaAuthenticated());
        }
        if (context.config.verifyPeer()) {
            PeerCertificateVerifier verifier = context.config.peerCertificateVerifier();
            String expected = context.connection.expectedPeerName();
            if (verifier != null) {
                verifier.verifyServer(List.copyOf(chain), keyExchange, expected);
            } else {
                validator(context).validate(chain, Purpose.SERVER_AUTH);
            }
            // RFC 5246 §7.4.2 / RFC 4492 §5.3: the key must be usable for this key exchange.
            CertificateValidator.requireKeyUsage(leaf,
                    keyExchange == KeyExchangeAlgorithm.RSA ? KeyUsage.KEY_ENCIPHERMENT : KeyUsage.DIGITAL_SIGNATURE);
            if (verifier == null && expected != null) {
                HostnameVerifier.verify(leaf, expected);
            }
        }
        return chain;
    }

    /** A client's chain (RFC 5246 §7.4.6), validated for client authentication. */
    static List<Certificate> checkClient(HandshakeContext context, List<Certificate> chain) throws TlsAlertException {
        return checkClient(context.config, chain);
    }

    /** A client's chain, validated by this server's configuration (also after a TLS 1.3 handshake, RFC 8446 §4.6.2). */
    static List<Certificate> checkClient(TlsConfig config, List<Certificate> chain) throws TlsAlertException {
        requireSigningKey(chain.get(0).publicKey());
        PeerCertificateVerifier verifier = config.peerCertificateVerifier();
        if (verifier != null) {
            verifier.verifyClient(List.copyOf(chain));
        } else {
            validator(config).validate(chain, Purpose.CLIENT_AUTH);
        }
        // The client proves it holds the key by signing CertificateVerify (RFC 5246 §7.4.8).
        CertificateValidator.requireKeyUsage(chain.get(0), KeyUsage.DIGITAL_SIGNATURE);
        return chain;
    }

    // the trust anchors, the clock and the security level of this side
    private static CertificateValidator validator(HandshakeContext context) {
        return validator(context.config);
    }

    private static CertificateValidator validator(TlsConfig config) {
        return new CertificateValidator(config.trustAnchors(), config.clock(), config.securityLevel());
    }

    private static void requireSigningKey(PublicKey key) throws TlsAlertException {
        if (!(key instanceof RsaPublicKey) && !(key instanceof EcPublicKey)) {
            throw HandshakeContext.alert(AlertDescription.UNSUPPORTED_CERTIFICATE, "the peer's key is neither RSA nor EC");
        }
    }

    private static void requireKeyType(PublicKey key, boolean rsa) throws TlsAlertException {
        if (rsa ? !(key instanceof RsaPublicKey) : !(key instanceof EcPublicKey)) {
            // RFC 5246 §7.2.2: "a certificate was of an unsupported type" for this cipher suite.
            throw HandshakeContext.alert(AlertDescription.UNSUPPORTED_CERTIFICATE,
                    "the server certificate's key does not fit the cipher suite (" + (rsa ? "RSA" : "ECDSA") + " needed)");
        }
    }
}
