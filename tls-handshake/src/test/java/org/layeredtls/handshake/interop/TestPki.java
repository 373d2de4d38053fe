package org.layeredtls.handshake.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.Pem;

/**
 * A small PKI made with the openssl CLI in a directory (create it once per test class, in a {@code @TempDir}):
 * a test CA; RSA and ECDSA (P-256) server certificates for DNS:localhost and IP:127.0.0.1 (EKU serverAuth);
 * RSA and ECDSA client certificates (EKU clientAuth); and a second, unrelated CA with a client certificate of
 * its own, for the "refused client certificate" cases. Keys are PKCS#8 PEM files, certificates PEM files.
 */
public final class TestPki {

    private static final String CONFIG = """
            [req]
            distinguished_name = dn
            prompt = no
            [dn]
            CN = unused
            [ca]
            basicConstraints = critical, CA:TRUE
            keyUsage = critical, keyCertSign, cRLSign
            subjectKeyIdentifier = hash
            [server_rsa]
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature, keyEncipherment
            extendedKeyUsage = serverAuth
            subjectAltName = DNS:localhost, IP:127.0.0.1
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid
            [server_ec]
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature
            extendedKeyUsage = serverAuth
            subjectAltName = DNS:localhost, IP:127.0.0.1
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid
            [client_rsa]
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature, keyEncipherment
            extendedKeyUsage = clientAuth
            subjectAltName = DNS:client.localhost
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid
            [client_ec]
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature
            extendedKeyUsage = clientAuth
            subjectAltName = DNS:client.localhost
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid
            """;

    /** A certificate file and its key file; the parsed forms for our engine on demand. */
    public record Identity(Path certificate, Path key) {
        /** The certificate chain (leaf only: the CA is the trust anchor) parsed by our {@link Pem}. */
        public List<Certificate> chain() throws IOException {
            return Pem.readCertificates(certificate);
        }

        /** The private key parsed by our {@link Pem}. */
        public PrivateKey privateKey() throws IOException {
            return Pem.readPrivateKey(key);
        }
    }

    private final Path directory;
    private final Identity ca;
    private final Identity serverRsa;
    private final Identity serverEcdsa;
    private final Identity clientRsa;
    private final Identity clientEcdsa;
    private final Identity otherCa;
    private final Identity otherClient;

    private TestPki(Path directory) throws IOException, InterruptedException {
        this.directory = directory;
        Files.writeString(directory.resolve("pki.cnf"), CONFIG);
        this.ca = selfSigned("ca", "LayeredTLS Interop Test CA");
        this.otherCa = selfSigned("other-ca", "Unrelated Test CA");
        this.serverRsa = issue("server-rsa", "localhost", false, "server_rsa", ca);
        this.serverEcdsa = issue("server-ecdsa", "localhost", true, "server_ec", ca);
        this.clientRsa = issue("client-rsa", "client.localhost", false, "client_rsa", ca);
        this.clientEcdsa = issue("client-ecdsa", "client.localhost", true, "client_ec", ca);
        this.otherClient = issue("other-client", "client.localhost", false, "client_rsa", otherCa);
    }

    /** Creates the whole PKI in {@code directory} (about a second: four RSA keys). */
    public static TestPki create(Path directory) throws IOException, InterruptedException {
        return new TestPki(directory);
    }

    public Path directory() {
        return directory;
    }

    /** {@code openssl s_server -tls1_3} with the RSA server certificate, run in this PKI's directory. */
    public OpenSslServer.Builder tls13OpenSslServer() {
        return OpenSslServer.builder().cert(serverRsa.certificate()).key(serverRsa.key()).option("-tls1_3")
                .directory(directory);
    }

    /**
     * {@code openssl s_client -tls1_3} to a server on 127.0.0.1:{@code port} as "localhost", checking its chain to
     * this PKI's CA with {@code -verify_return_error}, run in this PKI's directory.
     */
    public OpenSslClient.Builder tls13OpenSslClient(int port) {
        return OpenSslClient.builder(port).option("-tls1_3").caFile(ca.certificate())
                .verifyReturnError().servername("localhost").directory(directory);
    }

    /** The test CA: trust anchor of every server and client certificate except {@link #otherClient()}. */
    public Identity ca() {
        return ca;
    }

    /** The test CA's certificate parsed, as trust anchors for our engine. */
    public List<Certificate> trustAnchors() throws IOException {
        return ca.chain();
    }

    public Identity serverRsa() {
        return serverRsa;
    }

    public Identity serverEcdsa() {
        return serverEcdsa;
    }

    public Identity clientRsa() {
        return clientRsa;
    }

    public Identity clientEcdsa() {
        return clientEcdsa;
    }

    /** The unrelated CA. */
    public Identity otherCa() {
        return otherCa;
    }

    /** A client certificate issued by the unrelated CA: a server trusting only {@link #ca()} refuses it. */
    public Identity otherClient() {
        return otherClient;
    }

    private Identity selfSigned(String name, String commonName) throws IOException, InterruptedException {
        Path key = generateKey(name, false);
        Path certificate = directory.resolve(name + ".pem");
        OpenSslCommand.run(directory, "req", "-x509", "-new", "-key", key.toString(), "-subj", "/CN=" + commonName,
                "-days", "30", "-sha256", "-config", "pki.cnf", "-extensions", "ca", "-out", certificate.toString());
        return new Identity(certificate, key);
    }

    private Identity issue(String name, String commonName, boolean ecdsa, String extensions, Identity issuer)
            throws IOException, InterruptedException {
        Path key = generateKey(name, ecdsa);
        Path request = directory.resolve(name + ".csr");
        Path certificate = directory.resolve(name + ".pem");
        OpenSslCommand.run(directory, "req", "-new", "-key", key.toString(), "-subj", "/CN=" + commonName,
                "-config", "pki.cnf", "-out", request.toString());
        String serial = "0x" + java.util.HexFormat.of().formatHex(DataTransfer.randomBytes(8)).replaceFirst("^.", "1");
        OpenSslCommand.run(directory, "x509", "-req", "-in", request.toString(), "-CA", issuer.certificate().toString(),
                "-CAkey", issuer.key().toString(), "-set_serial", serial, "-days", "30", "-sha256",
                "-extfile", "pki.cnf", "-extensions", extensions, "-out", certificate.toString());
        return new Identity(certificate, key);
    }

    private Path generateKey(String name, boolean ecdsa) throws IOException, InterruptedException {
        Path key = directory.resolve(name + ".key");
        if (ecdsa) {
            OpenSslCommand.run(directory, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                    "-out", key.toString());
        } else {
            OpenSslCommand.run(directory, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
                    "-out", key.toString());
        }
        return key;
    }
}
