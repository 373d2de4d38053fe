package org.layeredtls.bench.peer;

import java.io.IOException;
import java.util.Vector;

import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsPSK;
import org.bouncycastle.tls.TlsPSKExternal;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * A bctls client for the benchmarks: one version, one suite, the server's certificate checked by
 * {@link BctlsCrypto.ServerCertificateCheck}, and the session to resume (if any) given by the caller. TLS 1.3:
 * x25519 the only group, and instead of a session (bctls 1.84 neither issues nor takes TLS 1.3 tickets) an
 * external PSK offered with psk_dhe_ke, the abbreviated handshake bctls has.
 */
final class BctlsClient extends DefaultTlsClient {

    private final ProtocolVersion version;
    private final int[] suites;
    private final BctlsCrypto.ServerCertificateCheck check;
    private final TlsSession sessionToResume;
    private final TlsPSKExternal pskToOffer;
    private TlsSession established;
    private TlsPSK selectedPsk;

    BctlsClient(TlsCrypto crypto, int suite, BctlsCrypto.ServerCertificateCheck check, TlsSession sessionToResume) {
        this(crypto, ProtocolVersion.TLSv12, suite, check, sessionToResume, null);
    }

    BctlsClient(TlsCrypto crypto, ProtocolVersion version, int suite, BctlsCrypto.ServerCertificateCheck check,
                TlsSession sessionToResume, TlsPSKExternal pskToOffer) {
        super(crypto);
        this.version = version;
        this.suites = new int[] {suite};
        this.check = check;
        this.sessionToResume = sessionToResume;
        this.pskToOffer = pskToOffer;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return version.only();
    }

    @Override
    protected Vector<Integer> getSupportedGroups(@SuppressWarnings("rawtypes") Vector namedGroupRoles) {
        if (!ProtocolVersion.TLSv13.equals(version)) {
            return super.getSupportedGroups(namedGroupRoles);
        }
        Vector<Integer> groups = new Vector<>();
        groups.add(NamedGroup.x25519);
        return groups;
    }

    @Override
    public Vector<TlsPSKExternal> getExternalPSKs() {
        if (pskToOffer == null) {
            return null;
        }
        Vector<TlsPSKExternal> psks = new Vector<>();
        psks.add(pskToOffer);
        return psks;
    }

    @Override
    public void notifySelectedPSK(TlsPSK selectedPSK) throws IOException {
        super.notifySelectedPSK(selectedPSK);
        this.selectedPsk = selectedPSK;
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return suites;
    }

    @Override
    public TlsSession getSessionToResume() {
        return sessionToResume;
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new ServerOnlyTlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                check.verify(serverCertificate.getCertificate().getCertificateAt(0).getEncoded());
            }
        };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        established = context.getResumableSession();
    }

    /** The session the handshake established or resumed, null if it is not resumable. */
    TlsSession established() {
        return established;
    }

    /** The version the handshake negotiated, in SunJSSE's words ({@code TLSv1.2}, {@code TLSv1.3}). */
    String negotiatedVersion() {
        ProtocolVersion version = context.getServerVersion();
        return ProtocolVersion.TLSv13.equals(version) ? "TLSv1.3"
                : ProtocolVersion.TLSv12.equals(version) ? "TLSv1.2" : String.valueOf(version);
    }

    /** Whether the handshake resumed {@link #getSessionToResume()}, or (TLS 1.3) the server took the offered PSK. */
    boolean resumed() {
        return context.getSecurityParametersConnection().isResumedSession() || selectedPsk != null;
    }

    /** The group of the handshake's (EC)DHE, bctls's {@link NamedGroup} code. */
    int negotiatedGroup() {
        return context.getSecurityParametersConnection().getNegotiatedGroup();
    }
}
