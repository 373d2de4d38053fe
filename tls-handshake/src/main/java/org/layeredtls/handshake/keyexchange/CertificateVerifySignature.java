package org.layeredtls.handshake.keyexchange;

import java.util.List;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.crypto.PublicKey;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.crypto.SignatureScheme;
import org.layeredtls.handshake.message.CertificateVerify;
import org.layeredtls.handshake.message.DigitallySigned;
import org.layeredtls.handshake.prf.KeySchedule;
import org.layeredtls.handshake.prf.TranscriptHash;
import org.layeredtls.record.ProtocolVersion;

/**
 * The client's CertificateVerify signature (RFC 5246 §7.4.8) over {@code handshake_messages}:
 * every handshake message from the ClientHello up to, not including, the CertificateVerify.
 * The transcript passed in must hold exactly those.
 *
 * <ul>
 *   <li>TLS 1.2: the negotiated scheme's own hash of the messages, signed, the scheme named;</li>
 *   <li>TLS 1.0/1.1 (RFC 4346 §7.4.8): RSA over MD5(msgs) || SHA-1(msgs), ECDSA over SHA-1(msgs);</li>
 *   <li>SSL 3.0 (RFC 6101 §5.6.8): the same shapes over the keyed SSL 3.0 hashes, which take the
 *       master secret ({@link KeySchedule#certificateVerifyHash}).</li>
 * </ul>
 */
public final class CertificateVerifySignature {

    private CertificateVerifySignature() {
    }

    /**
     * Signs the transcript.
     *
     * @param scheme       the TLS 1.2 scheme, one the server's CertificateRequest listed
     *                     ({@link SignatureSchemes#choose}); ignored before TLS 1.2 (may be null)
     * @param masterSecret the master secret (SSL 3.0 needs it; TLS does not look at it and may pass null)
     * @param transcript   the handshake messages so far; in TLS 1.2 it must still buffer or track
     *                     the scheme's hash
     */
    public static CertificateVerify sign(KeySchedule schedule, SignatureScheme scheme, PrivateKey key,
                                         byte[] masterSecret, TranscriptHash transcript, RandomSource random) {
        if (schedule.version().isAtLeast(ProtocolVersion.TLS1_2)) {
            HandshakeSigner.requireTls12Scheme(scheme, key);
            return new CertificateVerify(HandshakeSigner.signTls12(scheme, key, transcript.digest(scheme.hash()), random));
        }
        return new CertificateVerify(HandshakeSigner.signLegacy(key, legacyHash(schedule, masterSecret, transcript), random));
    }

    /**
     * Checks the client's CertificateVerify (the server's side).
     *
     * @param offered   the schemes the server listed in its CertificateRequest (TLS 1.2 only)
     * @param clientKey the key of the client's certificate
     * @throws TlsAlertException {@code illegal_parameter} for a TLS 1.2 algorithm not offered or not
     *                           fitting the key; {@code decrypt_error} if the signature does not verify
     */
    public static void verify(KeySchedule schedule, List<SignatureScheme> offered, PublicKey clientKey,
                              byte[] masterSecret, TranscriptHash transcript, CertificateVerify message)
            throws TlsAlertException {
        DigitallySigned signature = message.signature();
        if (schedule.version().isAtLeast(ProtocolVersion.TLS1_2)) {
            SignatureScheme scheme = HandshakeSigner.tls12Scheme(signature, offered, clientKey);
            HandshakeSigner.verifyTls12(scheme, clientKey, transcript.digest(scheme.hash()), signature, "CertificateVerify");
            return;
        }
        HandshakeSigner.verifyLegacy(clientKey, legacyHash(schedule, masterSecret, transcript), signature,
                "CertificateVerify");
    }

    // SSL 3.0: keyed MD5 + SHA (RFC 6101 §5.6.8); TLS 1.0/1.1: MD5 + SHA-1 of the messages (RFC 4346 §7.4.8)
    private static byte[] legacyHash(KeySchedule schedule, byte[] masterSecret, TranscriptHash transcript) {
        if (schedule.version().isSsl3()) {
            return schedule.certificateVerifyHash(masterSecret, transcript);
        }
        return transcript.md5AndSha1();
    }
}
