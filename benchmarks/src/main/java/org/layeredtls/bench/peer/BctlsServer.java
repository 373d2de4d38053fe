package org.layeredtls.bench.peer;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Map;

import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedDecryptor;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.IssuedCertificate;

/**
 * A bctls server for the benchmarks: TLS 1.2, one suite, MAC-then-encrypt for CBC suites (as the other
 * stacks are measured), the certificate chain of {@link HandshakeKind}, and a session cache keyed by session
 * ID (bctls's server leaves both to the application), so clients can resume.
 */
final class BctlsServer extends DefaultTlsServer {

    private static final int SESSION_ID_LENGTH = 32;

    private final int[] suites;
    private final BctlsCrypto flavour;
    private final IssuedCertificate key;
    private final Certificate chain;
    private final Map<String, TlsSession> sessions;

    BctlsServer(TlsCrypto crypto, BctlsCrypto flavour, int suite, IssuedCertificate key, Certificate chain,
                Map<String, TlsSession> sessions) {
        super(crypto);
        this.suites = new int[] {suite};
        this.flavour = flavour;
        this.key = key;
        this.chain = chain;
        this.sessions = sessions;
    }

    /** The server's chain in bctls's form (built once: a server keeps its credentials). */
    static Certificate chain(TlsCrypto crypto, IssuedCertificate key, CertificateAuthority ca) throws IOException {
        return new Certificate(new TlsCertificate[] {crypto.createCertificate(key.certificate().encoded()),
                crypto.createCertificate(ca.certificate().certificate().encoded())});
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.TLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return suites;
    }

    @Override
    protected boolean allowEncryptThenMAC() {
        return false;
    }

    @Override
    protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
        return signer(SignatureAlgorithm.rsa);
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return signer(SignatureAlgorithm.ecdsa);
    }

    private TlsCredentialedSigner signer(short signature) throws IOException {
        try {
            return flavour.signer(context, getCrypto(), key, chain, new SignatureAndHashAlgorithm(HashAlgorithm.sha256, signature));
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    @Override
    protected TlsCredentialedDecryptor getRSAEncryptionCredentials() throws IOException {
        try {
            return flavour.decryptor(getCrypto(), key, chain);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    @Override
    public byte[] getNewSessionID() {
        return context.getNonceGenerator().generateNonce(SESSION_ID_LENGTH);
    }

    @Override
    public TlsSession getSessionToResume(byte[] sessionId) {
        return sessions.get(java.util.HexFormat.of().formatHex(sessionId));
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        TlsSession session = context.getSession();
        if (session != null && session.isResumable()) {
            sessions.put(java.util.HexFormat.of().formatHex(session.getSessionID()), session);
        }
    }
}
