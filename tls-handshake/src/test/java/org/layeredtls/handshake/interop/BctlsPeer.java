package org.layeredtls.handshake.interop;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Vector;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * BouncyCastle's own TLS (bctls, test scope only) as a TLS 1.3 peer in this JVM, with {@link BcTlsCrypto}: a
 * {@link TlsClientProtocol} and a {@link TlsServerProtocol} that offer and accept one group only (the post-quantum
 * hybrid X25519MLKEM768 in the interop test), and report the group their handshake negotiated. Both echo: the
 * client sends bytes and reads them back, the server returns what it reads until the client's close_notify.
 * Test code standing in for another implementation; the stack under test keeps to bcprov's primitives.
 */
final class BctlsPeer {

    private static final BcTlsCrypto CRYPTO = new BcTlsCrypto(new SecureRandom());
    /** The five TLS 1.3 suites (RFC 8446 §B.4), CCM and CCM_8 included, which bctls's server takes by default only in part. */
    private static final int[] TLS13_SUITES = {CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384,
        CipherSuite.TLS_CHACHA20_POLY1305_SHA256, CipherSuite.TLS_AES_128_CCM_SHA256, CipherSuite.TLS_AES_128_CCM_8_SHA256};

    private BctlsPeer() {
    }

    /** What the bctls side saw of one connection: the group and suite of its TLS 1.3 handshake, the bytes it moved. */
    record Outcome(int negotiatedGroup, int cipherSuite, long bytes) {
        String groupName() {
            return NamedGroup.getName(negotiatedGroup);
        }
    }

    /**
     * bctls as a TLS 1.3 client over {@code socket}: the one suite {@code cipherSuite}, {@code supportedGroups} in supported_groups, key shares for
     * {@code keyShareGroups} in its first ClientHello; the server's leaf certificate must be {@code expectedLeaf};
     * sends {@code data}, reads the echo, close_notify.
     */
    static Outcome echoClient(Socket socket, int cipherSuite, int[] supportedGroups, int[] keyShareGroups, Path expectedLeaf,
                              byte[] data) throws Exception {
        Tls13Client client = new Tls13Client(cipherSuite, supportedGroups, keyShareGroups, derOf(expectedLeaf));
        TlsClientProtocol protocol = new TlsClientProtocol(socket.getInputStream(), socket.getOutputStream());
        protocol.connect(client);
        try {
            byte[] back = EchoStreams.roundTrip(protocol.getInputStream(), protocol.getOutputStream(), data);
            if (!Arrays.equals(data, back)) {
                throw new IOException("bctls client: the echo differs (" + back.length + " of " + data.length + " bytes)");
            }
        } finally {
            protocol.close(); // close_notify
        }
        return new Outcome(client.negotiatedGroup, client.cipherSuite, data.length);
    }

    /**
     * bctls as a TLS 1.3 server over {@code socket}, accepting only {@code group}, with {@code identity} (an RSA key:
     * rsa_pss_rsae_sha256); echoes until the client's close_notify, then sends its own.
     */
    static Outcome echoServer(Socket socket, int group, TestPki.Identity identity) throws Exception {
        Tls13Server server = new Tls13Server(group, identity);
        TlsServerProtocol protocol = new TlsServerProtocol(socket.getInputStream(), socket.getOutputStream());
        protocol.accept(server);
        long total;
        try {
            total = EchoStreams.echoUntilEnd(protocol.getInputStream(), protocol.getOutputStream()); // to close_notify
        } finally {
            protocol.close();
        }
        return new Outcome(server.negotiatedGroup, server.cipherSuite, total);
    }

    private static final class Tls13Client extends DefaultTlsClient {
        private final int suite;
        private final int[] supportedGroups;
        private final int[] keyShareGroups;
        private final byte[] expectedLeaf;
        private volatile int negotiatedGroup = -1;
        private volatile int cipherSuite = -1;

        Tls13Client(int suite, int[] supportedGroups, int[] keyShareGroups, byte[] expectedLeaf) {
            super(CRYPTO);
            this.suite = suite;
            this.supportedGroups = supportedGroups.clone();
            this.keyShareGroups = keyShareGroups.clone();
            this.expectedLeaf = expectedLeaf;
        }

        private static Vector<Integer> vectorOf(int[] groups) {
            Vector<Integer> vector = new Vector<>();
            Arrays.stream(groups).forEach(vector::add);
            return vector;
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.TLSv13.only();
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return new int[] {suite};
        }

        @Override
        protected Vector getSupportedGroups(Vector namedGroupRoles) {
            return vectorOf(supportedGroups);
        }

        @Override
        public Vector getEarlyKeyShareGroups() {
            return vectorOf(keyShareGroups);
        }

        @Override
        protected Vector getSNIServerNames() {
            return null;
        }

        @Override
        public TlsAuthentication getAuthentication() {
            return new TlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                    // a test peer: the server must present exactly the test PKI's leaf (no path building here)
                    if (!Arrays.equals(expectedLeaf, serverCertificate.getCertificate().getCertificateAt(0).getEncoded())) {
                        throw new TlsFatalAlert(AlertDescription.bad_certificate);
                    }
                }

                @Override
                public TlsCredentials getClientCredentials(CertificateRequest certificateRequest) {
                    return null;
                }
            };
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            super.notifyHandshakeComplete();
            negotiatedGroup = context.getSecurityParametersConnection().getNegotiatedGroup();
            cipherSuite = context.getSecurityParametersConnection().getCipherSuite();
        }
    }

    private static final class Tls13Server extends DefaultTlsServer {
        private final int group;
        private final TestPki.Identity identity;
        private volatile int negotiatedGroup = -1;
        private volatile int cipherSuite = -1;

        Tls13Server(int group, TestPki.Identity identity) {
            super(CRYPTO);
            this.group = group;
            this.identity = identity;
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.TLSv13.only();
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return TLS13_SUITES.clone();
        }

        @Override
        public int[] getSupportedGroups() {
            return new int[] {group};
        }

        @Override
        public TlsCredentials getCredentials() throws IOException {
            Certificate chain = new Certificate(new byte[0], new CertificateEntry[] {
                new CertificateEntry(CRYPTO.createCertificate(derOf(identity.certificate())), null)});
            return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), CRYPTO,
                    PrivateKeyFactory.createKey(derOf(identity.key())), chain, SignatureAndHashAlgorithm.rsa_pss_rsae_sha256);
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            super.notifyHandshakeComplete();
            negotiatedGroup = context.getSecurityParametersConnection().getNegotiatedGroup();
            cipherSuite = context.getSecurityParametersConnection().getCipherSuite();
        }
    }

    /** The DER bytes of the first PEM block of {@code file} (a certificate or a PKCS#8 key). */
    private static byte[] derOf(Path file) throws IOException {
        String pem = Files.readString(file, java.nio.charset.StandardCharsets.US_ASCII);
        int begin = pem.indexOf("-----BEGIN");
        int bodyStart = pem.indexOf('\n', begin) + 1;
        int end = pem.indexOf("-----END", bodyStart);
        return Base64.getMimeDecoder().decode(pem.substring(bodyStart, end));
    }
}
