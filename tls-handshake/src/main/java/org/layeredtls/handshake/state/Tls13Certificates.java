package org.layeredtls.handshake.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.SignatureScheme;
import org.layeredtls.handshake.api.CertifiedKey;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.SignatureAlgorithms;
import org.layeredtls.handshake.message.CertificateEntry;
import org.layeredtls.handshake.message.Tls13Certificate;
import org.layeredtls.handshake.message.Tls13CertificateRequest;

/**
 * The TLS 1.3 Certificate message (RFC 8446 §4.4.2) as both sides use it: a request context (empty for
 * the server, the CertificateRequest's for the client) and one entry per certificate, leaf first, each
 * with its own extensions (none here: no OCSP stapling, no SCTs). A client that has no certificate
 * fitting the request sends an empty list and no CertificateVerify.
 */
final class Tls13Certificates {

    private Tls13Certificates() {
    }

    /** The certificates of the entries, parsed, leaf first. */
    static List<Certificate> chain(Tls13Certificate message) throws TlsAlertException {
        List<byte[]> der = new ArrayList<>();
        for (CertificateEntry entry : message.certificateList()) {
            der.add(entry.certData());
        }
        return PeerCertificates.parse(der);
    }

    /** Our chain as a Certificate message. */
    static Tls13Certificate of(byte[] requestContext, CertifiedKey key) {
        List<CertificateEntry> entries = new ArrayList<>();
        if (key != null) {
            key.chain().forEach(c -> entries.add(new CertificateEntry(c.encoded(), Extensions.empty())));
        }
        return new Tls13Certificate(requestContext, entries);
    }

    /** A certificate of ours and the scheme its key signs a CertificateVerify with. */
    record ClientCredential(CertifiedKey key, SignatureScheme scheme) {
    }

    /**
     * RFC 8446 §4.4.2.3: our first certificate whose key can make a signature the CertificateRequest's
     * signature_algorithms lists; empty when none can (we answer with an empty Certificate).
     */
    static Optional<ClientCredential> chooseClientCredential(TlsConfig config, Tls13CertificateRequest request)
            throws TlsAlertException {
        List<Integer> requested = request.extensions()
                .find(ExtensionType.SIGNATURE_ALGORITHMS, SignatureAlgorithms::decode)
                .map(SignatureAlgorithms::schemes).orElse(List.of());
        for (CertifiedKey key : config.certifiedKeys()) {
            Optional<SignatureScheme> usable = Tls13Signatures.choose(requested, key.privateKey(), config.signatureSchemes());
            if (usable.isPresent()) {
                return Optional.of(new ClientCredential(key, usable.get()));
            }
        }
        return Optional.empty();
    }

    /** The client's {Certificate} and {CertificateVerify*} for the server's CertificateRequest in the handshake. */
    static void sendClientCertificate(HandshakeContext context, Tls13Handshake tls13) throws IOException {
        Optional<ClientCredential> chosen = chooseClientCredential(context.config, tls13.certificateRequest);
        context.ownKey = chosen.map(ClientCredential::key).orElse(null);
        context.clientCertificateSent = chosen.isPresent();
        context.send(of(tls13.certificateRequestContext, context.ownKey));
        if (chosen.isPresent()) {
            context.signatureScheme = chosen.get().scheme();
            context.send(Tls13Signatures.sign(context, chosen.get().scheme(), context.ownKey.privateKey(),
                    Tls13Signatures.CLIENT_CONTEXT, tls13.transcript.hash()));
        }
    }
}
