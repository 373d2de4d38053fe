package org.layeredtls.bench.peer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.layeredtls.bench.idle.BenchmarkPki;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.IssuedCertificate;

/** bctls's handshakes, on BouncyCastle or JCA crypto: a new {@link BctlsPair} per handshake. */
final class BctlsHandshakes implements Handshakes {

    private static final int CACHE_ENTRIES = 1024;

    private final HandshakeKind kind;
    private final TlsCrypto crypto;
    private final BctlsCrypto flavour;
    private final int suite;
    private final IssuedCertificate key;
    private final org.bouncycastle.tls.Certificate chain;
    private final BctlsCrypto.ServerCertificateCheck check;
    private final Map<String, TlsSession> serverSessions = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, TlsSession> eldest) {
                    return size() > CACHE_ENTRIES;
                }
            });
    private final TlsSession session;

    BctlsHandshakes(BenchmarkPki pki, HandshakeKind kind, BctlsCrypto flavour) throws Exception {
        this(kind, kind.serverCertificate(pki), kind.issuer(pki), kind.suite.code(), flavour);
    }

    /** The RSA chain with {@code suite}: the records' handshake. */
    BctlsHandshakes(BenchmarkPki pki, int suite, BctlsCrypto flavour) throws Exception {
        this(HandshakeKind.ECDHE_RSA, pki.server, pki.ca, suite, flavour);
    }

    private BctlsHandshakes(HandshakeKind kind, IssuedCertificate key, CertificateAuthority ca, int suite, BctlsCrypto flavour)
            throws Exception {
        this.kind = kind;
        this.crypto = flavour.newCrypto();
        this.flavour = flavour;
        this.suite = suite;
        this.key = key;
        this.chain = BctlsServer.chain(crypto, key, ca);
        this.check = flavour.check(ca.certificate());
        BctlsClient first = new BctlsClient(crypto, suite, check, null);
        new BctlsPair(first, server());
        session = first.established();
    }

    private BctlsServer server() {
        return new BctlsServer(crypto, flavour, suite, key, chain, serverSessions);
    }

    @Override
    public int full() throws Exception {
        return handshake(null, false);
    }

    @Override
    public int resumed() throws Exception {
        return handshake(session, true);
    }

    private int handshake(TlsSession toResume, boolean resumedExpected) throws Exception {
        BctlsClient client = new BctlsClient(crypto, suite, check, toResume);
        new BctlsPair(client, server());
        kind.expectVersion(client.negotiatedVersion());
        Handshakes.expect(resumedExpected, client.resumed());
        return client.established() == null ? 0 : 1;
    }

    /** A handshaken pair with this suite, for the record benchmarks. */
    BctlsPair pair() throws Exception {
        return new BctlsPair(new BctlsClient(crypto, suite, check, null), server());
    }
}
