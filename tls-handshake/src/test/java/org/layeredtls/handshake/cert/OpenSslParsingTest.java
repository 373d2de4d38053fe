package org.layeredtls.handshake.cert;

import org.layeredtls.handshake.testing.OpenSsl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.crypto.EcPrivateKey;
import org.layeredtls.crypto.EcPublicKey;
import org.layeredtls.crypto.NamedCurve;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.crypto.PublicKeyCrypto;
import org.layeredtls.crypto.RsaPrivateKey;
import org.layeredtls.crypto.RsaPublicKey;

/** Certificates and keys written by the real openssl CLI, read by our parsers, field by field. */
class OpenSslParsingTest {

    private static final DateTimeFormatter OPENSSL_DATE =
            DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ROOT);

    @TempDir
    Path dir;

    private Instant opensslDate(String output, String field) {
        String line = output.lines().filter(l -> l.startsWith(field + "=")).findFirst().orElseThrow();
        return LocalDateTime.parse(line.substring(field.length() + 1).strip(), OPENSSL_DATE).toInstant(ZoneOffset.UTC);
    }

    private static String field(String output, String name) {
        return output.lines().filter(l -> l.startsWith(name + "=")).findFirst().orElseThrow().substring(name.length() + 1).strip();
    }

    @Test
    void readsAnRsaSelfSignedCertificateFromReqX509FieldByField() throws Exception {
        OpenSsl.ok(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
                "-days", "30", "-subj", "/O=LayeredTLS/CN=rsa.example.com",
                "-addext", "subjectAltName=DNS:rsa.example.com,DNS:*.rsa.example.com,IP:127.0.0.1,IP:::1",
                "-addext", "extendedKeyUsage=serverAuth,clientAuth",
                "-addext", "keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign");
        Certificate cert = Pem.readCertificates(dir.resolve("cert.pem")).get(0);
        String info = OpenSsl.ok(dir, "x509", "-in", "cert.pem", "-noout", "-serial", "-startdate", "-enddate", "-modulus");

        assertEquals(3, cert.version());
        assertEquals(new BigInteger(field(info, "serial"), 16), cert.serialNumber());
        assertEquals(opensslDate(info, "notBefore"), cert.notBefore());
        assertEquals(opensslDate(info, "notAfter"), cert.notAfter());
        assertEquals("O=LayeredTLS,CN=rsa.example.com", cert.subject());
        assertEquals(cert.subject(), cert.issuer());
        assertEquals(Optional.of("rsa.example.com"), cert.commonName());
        assertTrue(cert.isSelfIssued());
        RsaPublicKey key = assertInstanceOf(RsaPublicKey.class, cert.publicKey());
        assertEquals(new BigInteger(field(info, "Modulus"), 16), key.modulus());
        assertEquals(BigInteger.valueOf(65537), key.publicExponent());
        // req -x509 adds the v3_ca section of openssl.cnf: basicConstraints critical CA:TRUE, SKI, AKI
        assertEquals(Optional.of(new BasicConstraints(true, OptionalInt.empty())), cert.basicConstraints());
        assertEquals(Optional.of(Set.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT, KeyUsage.KEY_CERT_SIGN)),
                cert.keyUsage());
        assertEquals(Optional.of(List.of(ExtendedKeyUsage.SERVER_AUTH, ExtendedKeyUsage.CLIENT_AUTH)),
                cert.extendedKeyUsage());
        SubjectAltName san = cert.subjectAltName().orElseThrow();
        assertEquals(List.of("rsa.example.com", "*.rsa.example.com"), san.dnsNames());
        assertEquals(List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")), san.ipAddresses());
        assertTrue(cert.criticalExtensions().containsAll(Set.of("2.5.29.15", "2.5.29.19")));
        assertTrue(cert.subjectKeyIdentifier().isPresent());
        assertEquals("1.2.840.113549.1.1.11", cert.signatureAlgorithm()); // sha256WithRSAEncryption
        assertEquals(256, cert.signature().length);
        assertTrue(CertificateSignatures.verify(cert, cert.publicKey()));

        // the private key: PKCS#8 as OpenSSL 3 writes it; its public half is the certificate's
        assertTrue(Files.readString(dir.resolve("key.pem")).contains("-----BEGIN PRIVATE KEY-----"));
        PrivateKey privateKey = Pem.readPrivateKey(dir.resolve("key.pem"));
        assertEquals(cert.publicKey(), PublicKeyCrypto.defaultImplementation().publicKeyOf(privateKey));

        // the same certificate in DER reads to the same value
        OpenSsl.ok(dir, "x509", "-in", "cert.pem", "-outform", "DER", "-out", "cert.der");
        byte[] der = Files.readAllBytes(dir.resolve("cert.der"));
        assertEquals(cert, Pem.readCertificates(der).get(0));
        assertArrayEquals(der, cert.encoded());
    }

    @Test
    void readsEcParamGenkeyOutputWithItsEcParametersBlockAndAP384Certificate() throws Exception {
        OpenSsl.ok(dir, "ecparam", "-name", "secp384r1", "-genkey", "-out", "ec.pem");
        String pem = Files.readString(dir.resolve("ec.pem"));
        assertTrue(pem.indexOf("BEGIN EC PARAMETERS") < pem.indexOf("BEGIN EC PRIVATE KEY"), pem);
        EcPrivateKey key = assertInstanceOf(EcPrivateKey.class, Pem.readPrivateKey(pem.getBytes()));
        assertEquals(NamedCurve.SECP384R1, key.curve());
        String text = OpenSsl.ok(dir, "ec", "-in", "ec.pem", "-noout", "-text");
        String priv = text.substring(text.indexOf("priv:") + 5, text.indexOf("pub:")).replaceAll("[\\s:]", "");
        assertEquals(new BigInteger(priv, 16), key.privateValue());

        OpenSsl.ok(dir, "ec", "-in", "ec.pem", "-pubout", "-out", "pub.pem");
        EcPublicKey pub = assertInstanceOf(EcPublicKey.class, Pem.readPublicKey(Files.readAllBytes(dir.resolve("pub.pem"))));
        assertEquals(PublicKeyCrypto.defaultImplementation().publicKeyOf(key), pub);
        assertEquals(97, pub.encodedPoint().length);

        OpenSsl.ok(dir, "req", "-x509", "-key", "ec.pem", "-sha384", "-out", "cert.pem", "-days", "5", "-subj", "/CN=ec384");
        Certificate cert = Pem.readCertificates(dir.resolve("cert.pem")).get(0);
        assertEquals(pub, cert.publicKey());
        assertEquals("1.2.840.10045.4.3.3", cert.signatureAlgorithm()); // ecdsa-with-SHA384
        assertEquals(0, cert.signatureParameters().length);
        assertTrue(CertificateSignatures.verify(cert, cert.publicKey()));
    }

    @Test
    void readsGenpkeyRsaKeysAsPkcs8Pkcs1AndDer() throws Exception {
        OpenSsl.ok(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "k8.pem");
        OpenSsl.ok(dir, "rsa", "-in", "k8.pem", "-traditional", "-out", "k1.pem");
        OpenSsl.ok(dir, "pkcs8", "-topk8", "-nocrypt", "-in", "k8.pem", "-outform", "DER", "-out", "k8.der");
        OpenSsl.ok(dir, "rsa", "-in", "k8.pem", "-traditional", "-outform", "DER", "-out", "k1.der");
        OpenSsl.ok(dir, "pkey", "-in", "k8.pem", "-pubout", "-out", "pub.pem");
        assertTrue(Files.readString(dir.resolve("k1.pem")).contains("BEGIN RSA PRIVATE KEY"));

        RsaPrivateKey pkcs8 = assertInstanceOf(RsaPrivateKey.class, Pem.readPrivateKey(dir.resolve("k8.pem")));
        assertEquals(pkcs8, Pem.readPrivateKey(dir.resolve("k1.pem")));
        assertEquals(pkcs8, Pem.readPrivateKey(dir.resolve("k8.der")));
        assertEquals(pkcs8, Pem.readPrivateKey(dir.resolve("k1.der")));
        assertEquals(pkcs8.publicKey(), Pem.readPublicKey(Files.readAllBytes(dir.resolve("pub.pem"))));
        String text = OpenSsl.ok(dir, "rsa", "-in", "k8.pem", "-noout", "-modulus");
        assertEquals(new BigInteger(field(text, "Modulus"), 16), pkcs8.modulus());

        // our encodings are byte-for-byte what openssl writes
        assertArrayEquals(Files.readAllBytes(dir.resolve("k8.der")), KeyEncoding.encodePkcs8(pkcs8));
        assertArrayEquals(Files.readAllBytes(dir.resolve("k1.der")), KeyEncoding.encodePkcs1(pkcs8));
        assertEquals(Files.readString(dir.resolve("pub.pem")), Pem.encodePublicKey(pkcs8.publicKey()));
        assertEquals(Files.readString(dir.resolve("k8.pem")), Pem.encodePrivateKey(pkcs8));
    }

    @Test
    void readsGenpkeyEcKeysAndWritesThemAsOpensslDoes() throws Exception {
        OpenSsl.ok(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "k8.pem");
        OpenSsl.ok(dir, "ec", "-in", "k8.pem", "-out", "sec1.pem");
        OpenSsl.ok(dir, "pkcs8", "-topk8", "-nocrypt", "-in", "k8.pem", "-outform", "DER", "-out", "k8.der");
        OpenSsl.ok(dir, "ec", "-in", "k8.pem", "-outform", "DER", "-out", "sec1.der");
        EcPrivateKey key = assertInstanceOf(EcPrivateKey.class, Pem.readPrivateKey(dir.resolve("k8.pem")));
        assertEquals(NamedCurve.SECP256R1, key.curve());
        assertEquals(key, Pem.readPrivateKey(dir.resolve("sec1.pem")));
        assertEquals(key, Pem.readPrivateKey(dir.resolve("sec1.der")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("k8.der")), KeyEncoding.encodePkcs8(key));
        assertArrayEquals(Files.readAllBytes(dir.resolve("sec1.der")), KeyEncoding.encodeSec1(key));
        assertEquals(Files.readString(dir.resolve("k8.pem")), Pem.encodePrivateKey(key));
        assertEquals(key, Pem.readPrivateKey(dir.resolve("k8.der")));
    }

    @Test
    void validatesAnOpensslMadeChainRootIntermediateLeaf() throws Exception {
        OpenSsl.ok(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "root.key", "-out", "root.pem",
                "-days", "30", "-subj", "/CN=OpenSSL Root");
        Files.writeString(dir.resolve("ca.ext"), "basicConstraints=critical,CA:TRUE,pathlen:0\n"
                + "keyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n");
        Files.writeString(dir.resolve("leaf.ext"), "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                + "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:www.example.org\n");
        OpenSsl.ok(dir, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "int.key", "-out", "int.csr", "-subj", "/CN=OpenSSL Intermediate");
        OpenSsl.ok(dir, "x509", "-req", "-in", "int.csr", "-CA", "root.pem", "-CAkey", "root.key", "-CAcreateserial",
                "-days", "20", "-sha384", "-extfile", "ca.ext", "-out", "int.pem");
        OpenSsl.ok(dir, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr",
                "-subj", "/CN=www.example.org");
        OpenSsl.ok(dir, "x509", "-req", "-in", "leaf.csr", "-CA", "int.pem", "-CAkey", "int.key", "-CAcreateserial",
                "-days", "10", "-extfile", "leaf.ext", "-out", "leaf.pem");
        Certificate root = Pem.readCertificates(dir.resolve("root.pem")).get(0);
        Certificate intermediate = Pem.readCertificates(dir.resolve("int.pem")).get(0);
        Certificate leaf = Pem.readCertificates(dir.resolve("leaf.pem")).get(0);
        assertEquals(Optional.of(new BasicConstraints(true, OptionalInt.of(0))), intermediate.basicConstraints());
        assertEquals("1.2.840.113549.1.1.12", intermediate.signatureAlgorithm()); // sha384WithRSAEncryption
        assertEquals("1.2.840.10045.4.3.2", leaf.signatureAlgorithm()); // ecdsa-with-SHA256

        CertificateValidator validator = new CertificateValidator(List.of(root));
        assertEquals(List.of(leaf, intermediate, root), validator.validate(List.of(leaf, intermediate), Purpose.SERVER_AUTH));
        assertEquals(List.of(leaf, intermediate, root),
                validator.validate(List.of(leaf, intermediate, root), Purpose.SERVER_AUTH));
        // a bundle file with all three reads in order
        Files.writeString(dir.resolve("bundle.pem"), Files.readString(dir.resolve("leaf.pem"))
                + Files.readString(dir.resolve("int.pem")) + Files.readString(dir.resolve("root.pem")));
        assertEquals(List.of(leaf, intermediate, root), Pem.readCertificates(dir.resolve("bundle.pem")));
        HostnameVerifier.verify(leaf, "www.example.org");
        assertFalse(HostnameVerifier.matches(leaf, "example.org"));
    }

    @Test
    void validatesRsaPssSignaturesWithDigestAndMaximumSaltLengths() throws Exception {
        OpenSsl.ok(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "30", "-subj", "/CN=PSS CA");
        Files.writeString(dir.resolve("leaf.ext"), "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n");
        OpenSsl.ok(dir, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr",
                "-subj", "/CN=device");
        Certificate ca = Pem.readCertificates(dir.resolve("ca.pem")).get(0);
        CertificateValidator validator = new CertificateValidator(List.of(ca));
        for (String salt : List.of("digest", "max")) {
            OpenSsl.ok(dir, "x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                    "-days", "10", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:" + salt,
                    "-extfile", "leaf.ext", "-out", "leaf-" + salt + ".pem");
            Certificate leaf = Pem.readCertificates(dir.resolve("leaf-" + salt + ".pem")).get(0);
            assertEquals("1.2.840.113549.1.1.10", leaf.signatureAlgorithm()); // id-RSASSA-PSS
            assertEquals(List.of(leaf, ca), validator.validate(List.of(leaf), Purpose.CLIENT_AUTH));
        }
    }

    @Test
    void refusesEncryptedKeysAndGarbageWithTheCheckedException() throws Exception {
        OpenSsl.ok(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-aes-128-cbc",
                "-pass", "pass:secret", "-out", "enc.pem");
        CertificateParseException e = assertThrows(CertificateParseException.class,
                () -> Pem.readPrivateKey(dir.resolve("enc.pem")));
        assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
        assertThrows(CertificateParseException.class, () -> Pem.readCertificates("no pem here".getBytes()));
        assertThrows(CertificateParseException.class,
                () -> Pem.readCertificates("-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n".getBytes()));
        assertThrows(CertificateParseException.class,
                () -> Pem.readCertificates("-----BEGIN CERTIFICATE-----\nMAA=\n".getBytes()));
        assertThrows(CertificateParseException.class, () -> Certificate.parse(new byte[] {0x30, 0x00}));
    }

    @Test
    void readsPemAfterTheTextThatOpensslX509TextPrintsBeforeIt() throws Exception {
        OpenSsl.ok(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "k.pem", "-out", "c.pem", "-days", "1", "-subj", "/CN=text");
        OpenSsl.ok(dir, "x509", "-in", "c.pem", "-text", "-out", "with-text.pem");
        assertTrue(Files.readString(dir.resolve("with-text.pem")).startsWith("Certificate:"));
        assertEquals(Pem.readCertificates(dir.resolve("c.pem")), Pem.readCertificates(dir.resolve("with-text.pem")));
    }

    @Test
    void unknownCriticalExtensionIsUnsupportedCertificate() throws Exception {
        OpenSsl.ok(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "k.pem", "-out", "c.pem", "-days", "1", "-subj", "/CN=critical",
                "-addext", "1.3.6.1.4.1.55555.1=critical,ASN1:NULL");
        Certificate cert = Pem.readCertificates(dir.resolve("c.pem")).get(0);
        assertTrue(cert.criticalExtensions().contains("1.3.6.1.4.1.55555.1"));
        // openssl refuses it too
        OpenSsl.Result verify = OpenSsl.run(dir, "verify", "-CAfile", "c.pem", "c.pem");
        assertTrue(verify.exitCode() != 0 && verify.output().contains("unhandled critical extension"), verify.output());
        org.layeredtls.alert.TlsAlertException e = assertThrows(org.layeredtls.alert.TlsAlertException.class,
                () -> new CertificateValidator(List.of(cert)).validate(List.of(cert), Purpose.SERVER_AUTH));
        assertEquals(org.layeredtls.alert.AlertDescription.UNSUPPORTED_CERTIFICATE, e.description());
    }
}
