package org.layeredtls.handshake.message;

import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.handshake.suite.KeyExchangeAlgorithm;
import org.layeredtls.record.ProtocolVersion;

/**
 * What a message body alone does not say, but its decoding needs: the negotiated version (TLS 1.2
 * adds a SignatureAndHashAlgorithm to ServerKeyExchange, CertificateRequest and CertificateVerify;
 * SSL 3.0 sends the RSA EncryptedPreMasterSecret without a length and a 36-byte Finished; TLS 1.3
 * has its own Certificate, CertificateRequest and NewSessionTicket, and a Finished as long as the
 * suite's hash) and the suite's key exchange (ServerKeyExchange and ClientKeyExchange depend on
 * it, RFC 5246 §7.4.3, §7.4.7).
 *
 * @param version           the negotiated version (before ServerHello, the version the hellos carry)
 * @param keyExchange       the negotiated suite's key exchange, {@link KeyExchangeAlgorithm#NULL} before one is
 *                          chosen (and in TLS 1.3, whose suites do not name one)
 * @param tls13HashLength   TLS 1.3: the length of the suite's hash, which is the length of Finished
 *                          (RFC 8446 §4.4.4); 0 while the suite is not known
 */
public record DecodeContext(ProtocolVersion version, KeyExchangeAlgorithm keyExchange, int tls13HashLength) {

    public DecodeContext {
        if (tls13HashLength < 0) {
            throw new IllegalArgumentException("a hash length is not negative: " + tls13HashLength);
        }
    }

    /** A context for TLS 1.2 and earlier, or for TLS 1.3 before its suite is known. */
    public DecodeContext(ProtocolVersion version, KeyExchangeAlgorithm keyExchange) {
        this(version, keyExchange, 0);
    }

    /** A context with no key exchange chosen yet (enough for hellos, Certificate, Finished...). */
    public static DecodeContext of(ProtocolVersion version) {
        return new DecodeContext(version, KeyExchangeAlgorithm.NULL);
    }

    /** TLS 1.3 with the negotiated suite's hash (SHA-256 or SHA-384, RFC 8446 §B.4). */
    public static DecodeContext tls13(HashAlgorithm suiteHash) {
        return new DecodeContext(ProtocolVersion.TLS1_3, KeyExchangeAlgorithm.NULL, suiteHash.digestLength());
    }

    /** Whether the messages are TLS 1.3's (RFC 8446 §4). */
    public boolean isTls13() {
        return version.isAtLeast(ProtocolVersion.TLS1_3);
    }

    /** Whether signatures carry a SignatureAndHashAlgorithm (RFC 5246 §4.7: TLS 1.2 and later). */
    public boolean hasSignatureAlgorithms() {
        return version.isAtLeast(ProtocolVersion.TLS1_2);
    }

    /**
     * verify_data length: 36 bytes in SSL 3.0 (MD5 + SHA-1, RFC 6101 §5.6.9), 12 from TLS 1.0
     * (RFC 5246 §7.4.9), the hash length in TLS 1.3 (RFC 8446 §4.4.4; 0 while the suite is not known).
     */
    public int verifyDataLength() {
        if (isTls13()) {
            return tls13HashLength;
        }
        return version.isSsl3() ? Finished.SSL3_VERIFY_DATA_LENGTH : Finished.TLS_VERIFY_DATA_LENGTH;
    }
}
