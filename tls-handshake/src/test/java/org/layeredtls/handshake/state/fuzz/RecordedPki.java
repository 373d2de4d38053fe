package org.layeredtls.handshake.state.fuzz;

import java.nio.charset.StandardCharsets;

import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.CertificateParseException;
import org.layeredtls.handshake.cert.Pem;
import org.layeredtls.vectors.Conversations;

/**
 * The certificates and keys of the recorded OpenSSL conversations (test-vectors), so the fuzzed
 * peers are the ones the seeds were recorded with: {@code ca}, {@code server-rsa},
 * {@code server-ec}, {@code client-rsa}.
 */
final class RecordedPki {

    private RecordedPki() {
    }

    static Certificate certificate(String name) {
        try {
            return Pem.readCertificates(pem(name + ".pem")).get(0);
        } catch (CertificateParseException e) {
            throw new IllegalStateException(name, e);
        }
    }

    static PrivateKey privateKey(String name) {
        try {
            return Pem.readPrivateKey(pem(name + ".key"));
        } catch (CertificateParseException e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static byte[] pem(String fileName) {
        return Conversations.resourceText(fileName).getBytes(StandardCharsets.US_ASCII);
    }
}
