package org.layeredtls.handshake.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.SignatureScheme;
import org.layeredtls.handshake.api.CertifiedKey;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.SignatureAlgorithms;
import org.layeredtls.handshake.message.CertificateEntry;
import org.layeredtls.handshake.message.Tls13Certificate;

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

    /**
     * The client's {Certificate} and {CertificateVerify*} for the server's CertificateRequest: our first
     * certificate whose key can make a signature the request's signature_algorithms lists (RFC 8446 §4.4.2.3).
     */
    static void sendClientCertificate(HandshakeContext context, Tls13Handshake tls13) throws IOException {
        List<Integer> requested = tls13.certificateRequest.extensions()
                .find(ExtensionType.SIGNATURE_ALGORITHMS, SignatureAlgorithms::decode)
                .map(SignatureAlgorithms::schemes).orElse(List.of());
        CertifiedKey chosen = null;
        SignatureScheme scheme = null;
        for (CertifiedKey key : context.config.certifiedKeys()) {
            Optional<SignatureScheme> usable = Tls13Signatures.choose(requested, key.privateKey(), context.config.signatureSchemes());
            if (usable.isPresent()) {
                chosen = key;
                scheme = usable.get();
                break;
            }
        }
        context.ownKey = chosen;
        context.clientCertificateSent = chosen != null;
        context.send(of(tls13.certificateRequestContext, chosen));
        if (chosen != null) {
            context.signatureScheme = scheme;
            context.send(Tls13Signatures.sign(context, scheme, chosen.privateKey(), Tls13Signatures.CLIENT_CONTEXT,
                    tls13.transcript.hash()));
        }
    }
}
