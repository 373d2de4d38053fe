package org.layeredtls.bench.peer;

import java.io.IOException;

import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * A bctls client for the benchmarks: TLS 1.2, one suite, the server's certificate checked by
 * {@link BctlsCrypto.ServerCertificateCheck}, and the session to resume (if any) given by the caller.
 */
final class BctlsClient extends DefaultTlsClient {

    private final int[] suites;
    private final BctlsCrypto.ServerCertificateCheck check;
    private final TlsSession sessionToResume;
    private TlsSession established;

    BctlsClient(TlsCrypto crypto, int suite, BctlsCrypto.ServerCertificateCheck check, TlsSession sessionToResume) {
        super(crypto);
        this.suites = new int[] {suite};
        this.check = check;
        this.sessionToResume = sessionToResume;
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

    /** Whether the handshake resumed {@link #getSessionToResume()}. */
    boolean resumed() {
        return context.getSecurityParametersConnection().isResumedSession();
    }
}
