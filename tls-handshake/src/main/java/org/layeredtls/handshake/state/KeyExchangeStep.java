package org.layeredtls.handshake.state;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.EcPrivateKey;
import org.layeredtls.crypto.PublicKey;
import org.layeredtls.crypto.RsaPrivateKey;
import org.layeredtls.crypto.RsaPublicKey;
import org.layeredtls.crypto.SignatureScheme;
import org.layeredtls.handshake.api.CertifiedKey;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.SignatureAlgorithms;
import org.layeredtls.handshake.keyexchange.DhGroup;
import org.layeredtls.handshake.keyexchange.DheKeyExchange;
import org.layeredtls.handshake.keyexchange.EcdheKeyExchange;
import org.layeredtls.handshake.keyexchange.EphemeralKeyExchange;
import org.layeredtls.handshake.keyexchange.CertificateVerifySignature;
import org.layeredtls.handshake.keyexchange.RsaKeyExchange;
import org.layeredtls.handshake.keyexchange.ServerKeyExchangeSignature;
import org.layeredtls.handshake.keyexchange.SignatureSchemes;
import org.layeredtls.handshake.message.CertificateRequest;
import org.layeredtls.handshake.message.CertificateVerify;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.ClientKeyExchange;
import org.layeredtls.handshake.message.DigitallySigned;
import org.layeredtls.handshake.message.ServerDhParams;
import org.layeredtls.handshake.message.ServerEcdhParams;
import org.layeredtls.handshake.message.ServerKeyExchange;
import org.layeredtls.handshake.message.ServerKeyExchangeParams;
import org.layeredtls.handshake.policy.SecurityLevel;
import org.layeredtls.record.ProtocolVersion;

/**
 * The key exchange and signature steps of both state machines, in the order the messages flow:
 * ServerKeyExchange (RFC 5246 §7.4.3), CertificateRequest (§7.4.4), ClientKeyExchange (§7.4.7),
 * CertificateVerify (§7.4.8). The mathematics is in {@code org.layeredtls.handshake.keyexchange}.
 */
final class KeyExchangeStep {

    private KeyExchangeStep() {
    }

    static List<Integer> supportedSignatureCodes(HandshakeContext context) {
        return SignatureSchemes.codes(context.config.signatureSchemes());
    }

    // ------------------------------------------------------------------ ServerKeyExchange

    /**
     * The scheme a server signs its key exchange with: TLS 1.2 negotiates it, older versions have a
     * fixed one. The security level may forbid the only possible one, and then no suite can be
     * served at all: below TLS 1.2 (MD5+SHA-1, SHA-1) OpenSSL 3.0 answers internal_error ("no
     * suitable signature algorithm"), in TLS 1.2 without signature_algorithms (the implied SHA-1)
     * handshake_failure; so does this server, from level 1.
     */
    static Optional<SignatureScheme> chooseServerSignature(HandshakeContext context, ClientHello hello,
                                                           ProtocolVersion version, CertifiedKey key) throws TlsAlertException {
        SecurityLevel level = context.config.securityLevel();
        if (!version.isAtLeast(ProtocolVersion.TLS1_2)) {
            SignatureScheme legacy = SignatureSchemes.legacyScheme(key.privateKey());
            if (!level.permitsSignature(legacy)) {
                throw HandshakeContext.alert(AlertDescription.INTERNAL_ERROR, "no suitable signature algorithm: "
                        + version.displayName() + " signs with " + legacy + ", below " + level);
            }
            return Optional.of(legacy);
        }
        List<Integer> offered = hello.extensionsOrEmpty()
                .find(ExtensionType.SIGNATURE_ALGORITHMS, SignatureAlgorithms::decode)
                .map(SignatureAlgorithms::schemes).orElse(null);
        if (offered == null) {
            // RFC 5246 §7.4.1.4.1: no signature_algorithms means {sha1, our key's algorithm}
            SignatureScheme implied = SignatureSchemes.impliedScheme(key.privateKey());
            if (!level.permitsSignature(implied)) {
                throw HandshakeContext.alert(AlertDescription.HANDSHAKE_FAILURE, "no suitable signature algorithm: "
                        + "the client sent no signature_algorithms, and the implied " + implied + " is below " + level);
            }
            return Optional.of(implied);
        }
        return SignatureSchemes.choose(offered, key.privateKey(), context.config.signatureSchemes());
    }

    /**
     * Server, once the suite is chosen, whatever its key exchange: whether we could sign with our
     * key at all (OpenSSL's tls_choose_sigalg runs for every suite, RSA key exchange included).
     */
    static void requireServerCanSign(HandshakeContext context) throws TlsAlertException {
        if (!context.resumed) {
            chooseServerSignature(context, context.clientHello, context.version, context.ownKey);
        }
    }

    /** Server: a fresh ephemeral key, its public value, and the signature over both randoms and it. */
    static ServerKeyExchange serverKeyExchange(HandshakeContext context) {
        ServerKeyExchangeParams params;
        if (context.suite.keyExchange().isElliptic()) {
            EcdheKeyExchange ecdhe = EcdheKeyExchange.generate(context.group, context.config.random());
            context.ephemeral = ecdhe;
            params = ecdhe.serverParams();
        } else {
            DheKeyExchange dhe = DheKeyExchange.generate(DhGroup.forSecurityLevel(context.config.securityLevel()),
                    context.config.random());
            context.ephemeral = dhe;
            params = dhe.serverParams();
        }
        DigitallySigned signature = ServerKeyExchangeSignature.sign(context.version, context.signatureScheme,
                context.ownKey.privateKey(), context.clientRandom, context.serverRandom, params, context.config.random());
        return new ServerKeyExchange(params, signature);
    }

    /** Client: check the server's signature with its certificate's key, then answer with our own ephemeral key. */
    static void clientProcessServerKeyExchange(HandshakeContext context, ServerKeyExchange keyExchange) throws TlsAlertException {
        PublicKey serverKey = context.peerCertificates.get(0).publicKey();
        SecurityLevel level = context.config.securityLevel();
        if (!context.version.isAtLeast(ProtocolVersion.TLS1_2) && !level.permitsSignature(SignatureSchemes.legacyScheme(serverKey))) {
            // OpenSSL 3.0: "legacy sigalg disallowed or unsupported", internal_error
            throw HandshakeContext.alert(AlertDescription.INTERNAL_ERROR, "the " + context.version.displayName()
                    + " ServerKeyExchange signature (" + SignatureSchemes.legacyScheme(serverKey) + ") is below " + level);
        }
        ServerKeyExchangeSignature.verify(context.version, context.config.signatureSchemes(), serverKey,
                context.clientRandom, context.serverRandom, keyExchange);
        EphemeralKeyExchange ours;
        byte[] peerPublic;
        if (keyExchange.params() instanceof ServerEcdhParams ecdh) {
            ours = EcdheKeyExchange.forServerCurve(ecdh.namedCurve(), context.config.namedGroups(), context.config.random());
            peerPublic = ecdh.point();
        } else {
            ServerDhParams dh = (ServerDhParams) keyExchange.params();
            ours = DheKeyExchange.forServerParams(new BigInteger(1, dh.dhP()), new BigInteger(1, dh.dhG()),
                    context.config.minDhBits(), context.config.random());
            peerPublic = dh.dhYs();
        }
        context.ephemeral = ours;
        context.preMasterSecret = ours.computePremaster(peerPublic);
    }

    // ------------------------------------------------------------------ CertificateRequest

    /** RFC 5246 §7.4.4: the certificate types and, in TLS 1.2, signature schemes we accept; the CAs we trust. */
    static CertificateRequest certificateRequest(HandshakeContext context) {
        List<byte[]> authorities = new ArrayList<>();
        for (Certificate anchor : context.config.trustAnchors()) {
            authorities.add(anchor.subjectEncoded());
        }
        Optional<List<Integer>> schemes = context.version.isAtLeast(ProtocolVersion.TLS1_2)
                ? Optional.of(supportedSignatureCodes(context)) : Optional.empty();
        return new CertificateRequest(List.of(CertificateRequest.RSA_SIGN, CertificateRequest.ECDSA_SIGN), schemes, authorities);
    }

    /** Client: our first certificate whose key type the server asked for and can verify. */
    static Optional<CertifiedKey> chooseClientCertificate(HandshakeContext context) throws TlsAlertException {
        CertificateRequest request = context.certificateRequest;
        for (CertifiedKey key : context.config.certifiedKeys()) {
            int type = key.privateKey() instanceof RsaPrivateKey ? CertificateRequest.RSA_SIGN : CertificateRequest.ECDSA_SIGN;
            if (!request.certificateTypes().contains(type)) {
                continue;
            }
            Optional<SignatureScheme> scheme = context.version.isAtLeast(ProtocolVersion.TLS1_2)
                    ? SignatureSchemes.choose(request.supportedSignatureAlgorithms().orElse(List.of()), key.privateKey(), context.config.signatureSchemes())
                    : Optional.of(SignatureSchemes.legacyScheme(key.privateKey()))
                            .filter(context.config.securityLevel()::permitsSignature); // else no certificate, as OpenSSL
            if (scheme.isPresent()) {
                context.signatureScheme = scheme.get();
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ ClientKeyExchange

    /** Client: RSA-encrypted pre-master secret, or our ephemeral public value. */
    static ClientKeyExchange clientKeyExchange(HandshakeContext context) throws TlsAlertException {
        ClientKeyExchange.Form form = ClientKeyExchange.formFor(context.decodeContext());
        if (context.suite.keyExchange().isEphemeral()) {
            return new ClientKeyExchange(form, ((EphemeralKeyExchange) context.ephemeral).publicValue());
        }
        // RFC 5246 §7.4.7.1: the version offered in the ClientHello, then 46 random bytes.
        context.preMasterSecret = RsaKeyExchange.premasterSecret(context.clientHello.clientVersion(), context.config.random());
        RsaPublicKey serverKey = (RsaPublicKey) context.peerCertificates.get(0).publicKey();
        return new ClientKeyExchange(form, RsaKeyExchange.encrypt(serverKey, context.preMasterSecret, context.config.random()));
    }

    /** Server: the pre-master secret from the client's key exchange (RSA with the Bleichenbacher countermeasure). */
    static void serverProcessClientKeyExchange(HandshakeContext context, ClientKeyExchange keyExchange) throws TlsAlertException {
        if (context.suite.keyExchange().isEphemeral()) {
            context.preMasterSecret = ((EphemeralKeyExchange) context.ephemeral).computePremaster(keyExchange.exchangeKeys());
        } else {
            context.preMasterSecret = RsaKeyExchange.decrypt((RsaPrivateKey) context.ownKey.privateKey(),
                    keyExchange.exchangeKeys(), context.clientHello.clientVersion(), context.config.random());
        }
    }

    // ------------------------------------------------------------------ CertificateVerify

    /** Client: proof that we hold the certificate's key, a signature over the handshake so far. */
    static CertificateVerify certificateVerify(HandshakeContext context) {
        return CertificateVerifySignature.sign(context.keySchedule, context.signatureScheme,
                context.ownKey.privateKey(), context.masterSecret, context.transcript, context.config.random());
    }

    /** Server: the client's CertificateVerify must verify with its certificate's key; else decrypt_error. */
    static void checkCertificateVerify(HandshakeContext context, CertificateVerify verify) throws TlsAlertException {
        PublicKey clientKey = context.peerCertificates.get(0).publicKey();
        CertificateVerifySignature.verify(context.keySchedule, context.config.signatureSchemes(), clientKey, context.masterSecret,
                context.transcript, verify);
    }

    static TlsAlertException failure(String reason) {
        return HandshakeContext.alert(AlertDescription.HANDSHAKE_FAILURE, reason);
    }

    static boolean isEc(CertifiedKey key) {
        return key.privateKey() instanceof EcPrivateKey;
    }
}
