package org.layeredtls.handshake.message;

import org.layeredtls.handshake.suite.KeyExchangeAlgorithm;
import org.layeredtls.record.ProtocolVersion;

/**
 * What a message body alone does not say, but its decoding needs: the negotiated version (TLS 1.2
 * adds a SignatureAndHashAlgorithm to ServerKeyExchange, CertificateRequest and CertificateVerify;
 * SSL 3.0 sends the RSA EncryptedPreMasterSecret without a length and a 36-byte Finished) and the
 * suite's key exchange (ServerKeyExchange and ClientKeyExchange depend on it, RFC 5246 §7.4.3,
 * §7.4.7).
 *
 * @param version     the negotiated version (before ServerHello, the version the hellos carry)
 * @param keyExchange the negotiated suite's key exchange, {@link KeyExchangeAlgorithm#NULL} before one is chosen
 */
public record DecodeContext(ProtocolVersion version, KeyExchangeAlgorithm keyExchange) {

    /** A context with no key exchange chosen yet (enough for hellos, Certificate, Finished...). */
    public static DecodeContext of(ProtocolVersion version) {
        return new DecodeContext(version, KeyExchangeAlgorithm.NULL);
    }

    /** Whether signatures carry a SignatureAndHashAlgorithm (RFC 5246 §4.7: TLS 1.2 and later). */
    public boolean hasSignatureAlgorithms() {
        return version.isAtLeast(ProtocolVersion.TLS1_2);
    }

    /** verify_data length: 36 bytes in SSL 3.0 (MD5 + SHA-1, RFC 6101 §5.6.9), 12 from TLS 1.0 (RFC 5246 §7.4.9). */
    public int verifyDataLength() {
        return version.isSsl3() ? Finished.SSL3_VERIFY_DATA_LENGTH : Finished.TLS_VERIFY_DATA_LENGTH;
    }
}
