package org.layeredtls.bench.peer;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Vector;

import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.PskIdentity;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedDecryptor;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsPSKExternal;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.IssuedCertificate;

/**
 * A bctls server for the benchmarks: one version, one suite, MAC-then-encrypt for CBC suites (as the other
 * stacks are measured), the certificate chain of {@link HandshakeKind}, and a session cache keyed by session
 * ID (bctls's server leaves both to the application), so clients can resume. TLS 1.3: x25519 the only group,
 * the server signing with RSA-PSS (rsa_pss_rsae_sha256) or ECDSA (ecdsa_secp256r1_sha256) as its key is, and
 * the one external PSK it knows (bctls 1.84's abbreviated TLS 1.3 handshake: it has no tickets).
 */
final class BctlsServer extends DefaultTlsServer {

    private static final int SESSION_ID_LENGTH = 32;

    private final ProtocolVersion version;
    private final int[] suites;
    private final BctlsCrypto flavour;
    private final IssuedCertificate key;
    private final Certificate chain;
    private final Map<String, TlsSession> sessions;
    private final TlsPSKExternal externalPsk;

    BctlsServer(TlsCrypto crypto, ProtocolVersion version, BctlsCrypto flavour, int suite, IssuedCertificate key,
                Certificate chain, Map<String, TlsSession> sessions, TlsPSKExternal externalPsk) {
        super(crypto);
        this.version = version;
        this.externalPsk = externalPsk;
        this.suites = new int[] {suite};
        this.flavour = flavour;
        this.key = key;
        this.chain = chain;
        this.sessions = sessions;
    }

    /** The server's chain in bctls's form (built once: a server keeps its credentials); TLS 1.3's with entries. */
    static Certificate chain(TlsCrypto crypto, IssuedCertificate key, CertificateAuthority ca, boolean tls13)
            throws IOException {
        TlsCertificate[] certificates = {crypto.createCertificate(key.certificate().encoded()),
                crypto.createCertificate(ca.certificate().certificate().encoded())};
        if (!tls13) {
            return new Certificate(certificates);
        }
        CertificateEntry[] entries = new CertificateEntry[certificates.length];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = new CertificateEntry(certificates[i], null);
        }
        return new Certificate(TlsUtils.EMPTY_BYTES, entries);
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return version.only();
    }

    @Override
    public int[] getSupportedGroups() throws IOException {
        return ProtocolVersion.TLSv13.equals(version) ? new int[] {NamedGroup.x25519} : super.getSupportedGroups();
    }

    @Override
    public TlsCredentials getCredentials() throws IOException {
        if (!TlsUtils.isTLSv13(context)) {
            return super.getCredentials();
        }
        return key.certificate().publicKey() instanceof org.layeredtls.crypto.RsaPublicKey
                ? signer(SignatureAndHashAlgorithm.rsa_pss_rsae_sha256)
                : signer(new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
    }

    @Override
    public TlsPSKExternal getExternalPSK(@SuppressWarnings("rawtypes") Vector identities) {
        if (externalPsk == null) {
            return null;
        }
        for (Object identity : identities) {
            if (java.util.Arrays.equals(((PskIdentity) identity).getIdentity(), externalPsk.getIdentity())) {
                return externalPsk;
            }
        }
        return null;
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
        return signer(new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.rsa));
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return signer(new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
    }

    private TlsCredentialedSigner signer(SignatureAndHashAlgorithm algorithm) throws IOException {
        try {
            return flavour.signer(context, getCrypto(), key, chain, algorithm);
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
