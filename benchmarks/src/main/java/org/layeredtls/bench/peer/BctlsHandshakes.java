package org.layeredtls.bench.peer;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.tls.BasicTlsPSKExternal;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.PRFAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsPSKExternal;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.layeredtls.bench.idle.BenchmarkPki;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.IssuedCertificate;

/**
 * bctls's handshakes, on BouncyCastle or JCA crypto: a new {@link BctlsPair} per handshake. A resumed TLS 1.2
 * handshake resumes a session by its ID; a resumed TLS 1.3 one is bctls's abbreviated handshake, an external
 * PSK with psk_dhe_ke (bctls 1.84 has no TLS 1.3 tickets): the same key schedule, binder and x25519 as a
 * ticket's resumption, without the ticket's decryption.
 */
final class BctlsHandshakes implements Handshakes {

    private static final int CACHE_ENTRIES = 1024;
    private static final byte[] PSK_IDENTITY = "benchmark-psk".getBytes(StandardCharsets.US_ASCII);
    private static final int PSK_LENGTH = 32;

    private final HandshakeKind kind;
    private final ProtocolVersion version;
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
    private final byte[] psk = new byte[PSK_LENGTH];
    private final TlsSession session;

    BctlsHandshakes(BenchmarkPki pki, HandshakeKind kind, BctlsCrypto flavour) throws Exception {
        this(kind, kind.serverCertificate(pki), kind.issuer(pki), kind.suite.code(), flavour);
    }

    /** The RSA chain with {@code suite}: the records' handshake. */
    BctlsHandshakes(BenchmarkPki pki, int suite, BctlsCrypto flavour) throws Exception {
        this(HandshakeKind.ECDHE_RSA, pki.server, pki.ca, suite, flavour);
    }

    private BctlsHandshakes(HandshakeKind kind, IssuedCertificate key, CertificateAuthority ca, int suite,
                            BctlsCrypto flavour) throws Exception {
        this.kind = kind;
        this.version = kind.tls13() ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12;
        this.crypto = flavour.newCrypto();
        this.flavour = flavour;
        this.suite = suite;
        this.key = key;
        this.chain = BctlsServer.chain(crypto, key, ca, kind.tls13());
        this.check = flavour.check(ca.certificate());
        new SecureRandom().nextBytes(psk);
        BctlsClient first = new BctlsClient(crypto, version, suite, check, null, null);
        new BctlsPair(first, server());
        session = first.established();
    }

    private BctlsServer server() {
        return new BctlsServer(crypto, version, flavour, suite, key, chain, serverSessions, kind.tls13() ? externalPsk() : null);
    }

    /** The PSK as bctls takes it, new for each side of each handshake (bctls's key schedule consumes its secret). */
    private TlsPSKExternal externalPsk() {
        return new BasicTlsPSKExternal(PSK_IDENTITY, crypto.createSecret(psk), PRFAlgorithm.tls13_hkdf_sha256);
    }

    @Override
    public int full() throws Exception {
        return handshake(new BctlsClient(crypto, version, suite, check, null, null), false);
    }

    @Override
    public int resumed() throws Exception {
        return handshake(kind.tls13() ? new BctlsClient(crypto, version, suite, check, null, externalPsk())
                : new BctlsClient(crypto, version, suite, check, session, null), true);
    }

    private int handshake(BctlsClient client, boolean resumedExpected) throws Exception {
        new BctlsPair(client, server());
        kind.expectVersion(client.negotiatedVersion());
        Handshakes.expect(resumedExpected, client.resumed());
        if (kind.tls13() && client.negotiatedGroup() != NamedGroup.x25519) {
            throw new IllegalStateException("bctls negotiated group " + NamedGroup.getName(client.negotiatedGroup()));
        }
        return client.established() == null ? 0 : 1;
    }

    /** A handshaken pair with this suite, for the record benchmarks. */
    BctlsPair pair() throws Exception {
        return new BctlsPair(new BctlsClient(crypto, suite, check, null), server());
    }
}
